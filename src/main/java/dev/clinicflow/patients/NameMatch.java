package dev.clinicflow.patients;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A name typed into the search box, resolved against the tenant's vocabulary of name
 * words (decision 0008). A patient matches when the name starts with what was typed, or
 * when every typed word appears in the name as itself, as the start of a longer word, or
 * spelled within one or two letters of it. Matches fall in three tiers of relevance:
 * <ol start="0">
 * <li>the name starts with the text ("maria silva" → "Maria Silva Santos");</li>
 * <li>every word is in the name as typed, in any order ("joao silva" → "João da
 * Silva");</li>
 * <li>some word only as the start of a longer one or with a typo ("marai" →
 * "Maria").</li>
 * </ol>
 *
 * @param prefix the text as stored in {@code search_name}: lower case, without accents
 * @param exact the typed words when the vocabulary has every one of them, else null
 * @param alternatives for each typed word, the vocabulary words it may stand for (empty
 * when one word has none: then only the prefix can match)
 */
record NameMatch(String prefix, @Nullable List<String> exact, List<List<String>> alternatives) {

	/** Relevance tiers, best first. */
	static final int TIERS = 3;

	/** At most this many vocabulary words stand for one typed word. */
	static final int MAX_ALTERNATIVES = 50;

	/** Whether the tier can hold any patient. */
	boolean has(int tier) {
		return switch (tier) {
			case 0 -> true;
			case 1 -> this.exact != null;
			// with every word exact, each list starts with the word itself
			case 2 -> !this.alternatives.isEmpty()
					&& (this.exact == null || this.alternatives.stream().anyMatch((words) -> words.size() > 1));
			default -> false;
		};
	}

	/**
	 * The condition on patients aliased {@code p} that selects one tier, with its
	 * parameters.
	 */
	String tier(int tier, Map<String, Object> params) {
		String startsWith = startsWith(params);
		return switch (tier) {
			case 0 -> startsWith;
			case 1 -> "p.name_words @> cast(:nameExact as text[]) and not " + startsWith;
			case 2 -> allWords(params) + " and not " + startsWith
					+ ((this.exact != null) ? " and not p.name_words @> cast(:nameExact as text[])" : "");
			default -> throw new IllegalArgumentException("no tier " + tier);
		};
	}

	/** The condition that selects every tier. */
	String any(Map<String, Object> params) {
		String startsWith = startsWith(params);
		return this.alternatives.isEmpty() ? startsWith : "(" + startsWith + " or " + allWords(params) + ")";
	}

	private String startsWith(Map<String, Object> params) {
		params.put("namePrefix", this.prefix);
		// U+10FFFF: above every character in byte order
		params.put("namePrefixEnd", this.prefix + "\uDBFF\uDFFF");
		if (this.exact != null) {
			params.put("nameExact", this.exact.toArray(String[]::new));
		}
		return "(p.search_name collate \"C\" >= :namePrefix and p.search_name collate \"C\" < :namePrefixEnd)";
	}

	private String allWords(Map<String, Object> params) {
		List<String> conditions = new ArrayList<>();
		for (int i = 0; i < this.alternatives.size(); i++) {
			conditions.add("p.name_words && cast(:nameWords" + i + " as text[])");
			params.put("nameWords" + i, this.alternatives.get(i).toArray(String[]::new));
		}
		return "(" + String.join(" and ", conditions) + ")";
	}

	/**
	 * Whether a vocabulary word may stand for a typed word: the same, the start of it, or
	 * a misspelling of it (one edit for words of three to five letters, two for longer
	 * ones; swapping two neighbouring letters counts as one edit).
	 */
	static boolean standsFor(String word, String typed) {
		if (word.equals(typed) || (typed.length() >= 3 && word.startsWith(typed))) {
			return true;
		}
		int allowed = (typed.length() < 3) ? 0 : (typed.length() <= 5) ? 1 : 2;
		return allowed > 0 && Math.abs(word.length() - typed.length()) <= allowed
				&& editDistance(word, typed) <= allowed;
	}

	/** Optimal string alignment distance: insertions, deletions, substitutions, swaps. */
	static int editDistance(String a, String b) {
		int[][] d = new int[a.length() + 1][b.length() + 1];
		for (int i = 0; i <= a.length(); i++) {
			d[i][0] = i;
		}
		for (int j = 0; j <= b.length(); j++) {
			d[0][j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
				}
			}
		}
		return d[a.length()][b.length()];
	}

	/** Resolves typed names against the current tenant's vocabulary. */
	@Component
	static class Resolver {

		private final JdbcClient jdbc;

		Resolver(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		/**
		 * Resolves a typed name.
		 * @param q the text as typed
		 * @return the match
		 */
		NameMatch resolve(String q) {
			String typed = q.trim().replaceAll("\\s+", " ");
			List<Candidate> candidates = this.jdbc.sql("""
					select t.n, t.token, v.word, patients.normalize(:q) as prefix
					from unnest(patients.name_words(:q)) with ordinality as t(token, n)
					left join lateral (
					  select v.word from patients.tenant_name_vocabulary v
					  where v.word = t.token
					     or (length(t.token) >= 3 and v.word like t.token || '%')
					     or v.word % t.token
					     -- misspellings trigrams miss, such as swapped letters ("maira")
					     or (length(t.token) >= 3 and v.word like left(t.token, 1) || '%'
					         and length(v.word) between length(t.token) - 2 and length(t.token) + 2)
					  limit 2000) v on true
					order by t.n""")
				.param("q", typed)
				.query((row, n) -> new Candidate(row.getInt("n"), row.getString("token"), row.getString("word"),
						row.getString("prefix")))
				.list();
			String prefix = candidates.isEmpty() ? normalized(typed) : candidates.getFirst().prefix();
			List<String> tokens = new ArrayList<>();
			List<List<String>> alternatives = new ArrayList<>();
			boolean allExact = !candidates.isEmpty();
			for (Candidate candidate : candidates) {
				if (tokens.size() < candidate.n()) {
					tokens.add(candidate.token());
					alternatives.add(new ArrayList<>());
				}
				List<String> words = alternatives.getLast();
				if (candidate.word() != null && standsFor(candidate.word(), candidate.token())) {
					words.add(candidate.word());
				}
			}
			for (int i = 0; i < tokens.size(); i++) {
				String token = tokens.get(i);
				List<String> words = alternatives.get(i);
				allExact &= words.contains(token);
				words.sort(Comparator.comparing((String word) -> !word.equals(token))
					.thenComparing((word) -> editDistance(word, token))
					.thenComparing(String::length)
					.thenComparing(Comparator.naturalOrder()));
				if (words.size() > MAX_ALTERNATIVES) {
					words.subList(MAX_ALTERNATIVES, words.size()).clear();
				}
			}
			if (alternatives.stream().anyMatch(List::isEmpty)) {
				alternatives.clear();
			}
			return new NameMatch(prefix, allExact ? List.copyOf(tokens) : null, alternatives);
		}

		private String normalized(String typed) {
			return this.jdbc.sql("select patients.normalize(?)").param(typed).query(String.class).single();
		}

		private record Candidate(int n, String token, @Nullable String word, String prefix) {
		}

	}

}
