package dev.clinicflow.patients;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.clinicflow.patients.PatientQuery.Sort;
import dev.clinicflow.shared.CursorPage;
import dev.clinicflow.shared.InvalidRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Searches the registry: a name resolved against the tenant's vocabulary and matched in
 * tiers of relevance ({@link NameMatch}), a CPF or its prefix, the last digits of a
 * phone, or an e-mail; filters combined with AND; keyset pagination on the chosen order.
 * Reads go through {@code patients.tenant_patients}, which carries the tenant condition
 * (decision 0008).
 */
@Service
public class PatientSearch {

	/**
	 * How many patients a filtered page in name order walks first (about a millisecond of
	 * index, measured on 1,000,000 patients).
	 */
	static final int WALK = 4_000;

	/**
	 * The most patients a filtered page walks when the first walk found some rows but not
	 * enough (about 15 ms); a combination rarer than that is found from its matches.
	 */
	static final int LONGEST_WALK = 60_000;

	/** The years of birth a span of the tag counts covers (V33). */
	private static final int BIRTH_SPAN = 5;

	/** The span of the tag counts for patients without a birth date. */
	private static final int NO_BIRTH_DATE = Integer.MIN_VALUE;

	private final JdbcClient jdbc;

	private final PatientStore store;

	private final PatientFilter.Factory filters;

	PatientSearch(JdbcClient jdbc, PatientStore store, PatientFilter.Factory filters) {
		this.jdbc = jdbc;
		this.store = store;
		this.filters = filters;
	}

	/**
	 * Finds patients.
	 * @param query text, filters, order and page
	 * @return one page of patients
	 */
	@Transactional(readOnly = true)
	public CursorPage<PatientView> search(PatientQuery query) {
		int limit = CursorPage.limit(query.limit());
		String q = PatientNormalizer.blankToNull(query.q());
		Sort sort = sort(query, q);
		PatientFilter filter = this.filters.of(query);
		PatientFilter.planForTheValues(this.jdbc);
		Cursor after = Cursor.decode(query.cursor(), sort);
		NameMatch names = filter.names();
		List<Row> rows = (sort == Sort.RELEVANCE && names != null) ? byNameTiers(filter, names, after, limit)
				: ordered(filter, sort, query.descending(), after, limit);
		if (rows.size() <= limit) {
			return new CursorPage<>(rows.stream().map(Row::patient).toList(), null);
		}
		Row last = rows.get(limit - 1);
		return new CursorPage<>(rows.subList(0, limit).stream().map(Row::patient).toList(),
				new Cursor(sort, last.sortKey(), last.patient().id()).encode());
	}

	/** One query in the chosen order. */
	private List<Row> ordered(PatientFilter filter, Sort sort, boolean descendingAsked, @Nullable Cursor after,
			int limit) {
		String sortKey = switch (sort) {
			case RELEVANCE -> filter.relevance();
			case NAME -> "p.search_name collate \"C\"";
			case CREATED_AT -> "p.created_at";
			case LAST_VISIT_AT -> "coalesce(p.last_visit_at, '-infinity'::timestamptz)";
		};
		boolean descending = (sort == Sort.RELEVANCE) != descendingAsked;
		if (after != null) {
			filter.whereAlongTheNames("(" + sortKey + ", p.id) " + (descending ? "<" : ">") + " (cast(:afterKey as "
					+ keyType(sort) + "), :afterId)", Map.of("afterKey", after.key(), "afterId", after.id()));
		}
		String direction = descending ? " desc" : " asc";
		String order = sortKey + direction + ", p.id" + direction;
		String besides = filter.besidesTheNames();
		if (sort == Sort.NAME && filter.names() == null && !filter.lookup() && besides != null) {
			List<Row> walked = walked(filter, besides, sortKey, order, limit + 1, WALK);
			if (walked.size() <= limit && !walked.isEmpty()) {
				// uncommon, not rare: walking on costs less than finding every match
				long further = 2L * WALK * (limit + 1) / walked.size();
				if (further <= LONGEST_WALK) {
					walked = walked(filter, besides, sortKey, order, limit + 1, (int) further);
				}
			}
			if (walked.size() > limit) {
				return walked;
			}
			return mayMatch(filter) ? matchedFirst(filter, sortKey, order, limit + 1) : List.of();
		}
		if (filter.lookup()) {
			// Found by index first, then ordered: otherwise the planner, which cannot
			// tell
			// how rare one phone number is, may walk the whole order looking for it.
			return query("with p as materialized (select * from patients.tenant_patients p where " + filter.conditions()
					+ ") select " + PatientStore.COLUMNS + ", cast(" + sortKey
					+ " as text) as sort_key from p order by " + order + " limit :limit", filter, limit + 1);
		}
		return idsFirst("cast(" + sortKey + " as text)", filter.conditions(), filter, order, limit + 1);
	}

	/**
	 * A page in name order found by walking the first {@code walk} patients in that order
	 * (of the city, when the filter names one, after the cursor) and checking the other
	 * filters on each, from the name index alone: a few hundred entries for the
	 * combinations that are common. When a walk of {@value #WALK} finds too few rows, the
	 * search walks on as far as the rows found say it needs, up to
	 * {@value #LONGEST_WALK}, or else {@link #matchedFirst} answers: walking on, the
	 * planner (which takes filters for independent and cannot know that no child is
	 * tagged "idoso") would go through every patient of São Paulo to find none.
	 */
	private List<Row> walked(PatientFilter filter, String besides, String sortKey, String order, int limit, int walk) {
		return query("with page as materialized (select p.id, p.sort_key from (select p.*, cast(" + sortKey
				+ " as text) as sort_key from patients.tenant_patients p where " + filter.alongTheNames() + " order by "
				+ order + " limit " + walk + ") p where " + besides + " order by " + order + " limit :limit) select "
				+ PatientStore.COLUMNS + ", page.sort_key from page join patients.tenant_patients p on p.id = page.id"
				+ " order by " + order, filter, limit);
	}

	/**
	 * Whether the running counts of tags per five-year span of birth (decision 0016)
	 * leave room for a patient with every tag the filter asks, in its city and birth
	 * dates; when they do, the filter's birth dates are narrowed to the spans where all
	 * its tags occur, so that a rare combination reads only those spans of the city's
	 * patients.
	 */
	private boolean mayMatch(PatientFilter filter) {
		PatientFilter.Tagged tagged = filter.tagged();
		if (tagged == null) {
			return true;
		}
		Map<String, Set<Integer>> spansByTag = new HashMap<>();
		this.jdbc.sql("""
				select t.tag, c.value from unnest(cast(:tags as text[])) as t(tag)
				join patients.patient_counts c on c.scope = coalesce(patients.normalize(cast(:city as text)), '')
				  and c.dimension = 'tag_births' and c.value >= t.tag || ':' and c.value < t.tag || ';'
				  and c.patients > 0""")
			.param("tags", tagged.tags().toArray(String[]::new))
			.param("city", tagged.city())
			.query((row) -> {
				String tag = row.getString("tag");
				String value = row.getString("value");
				int colon = value.lastIndexOf(':');
				if (value.substring(0, colon).equals(tag)) {
					String span = value.substring(colon + 1);
					spansByTag.computeIfAbsent(tag, (key) -> new HashSet<>())
						.add(span.isEmpty() ? NO_BIRTH_DATE : Integer.parseInt(span));
				}
			});
		// the spans where every tag occurs
		Set<Integer> spans = new HashSet<>(spansByTag.getOrDefault(tagged.tags().getFirst(), Set.of()));
		tagged.tags().forEach((tag) -> spans.retainAll(spansByTag.getOrDefault(tag, Set.of())));
		boolean agesAsked = tagged.bornAfter() != null || tagged.bornBy() != null;
		if (!agesAsked && spans.contains(NO_BIRTH_DATE)) {
			return true; // some without a birth date, whom no birth dates narrow
		}
		spans.removeIf((span) -> span == NO_BIRTH_DATE || !overlaps(span, tagged.bornAfter(), tagged.bornBy()));
		if (spans.isEmpty()) {
			return false;
		}
		filter.bornWithin(LocalDate.of(Collections.min(spans), 1, 1).minusDays(1),
				LocalDate.of(Collections.max(spans) + BIRTH_SPAN, 1, 1).minusDays(1));
		return true;
	}

	/**
	 * Whether a span of birth years has days after {@code bornAfter} and up to
	 * {@code bornBy} (each null when unbounded).
	 */
	private static boolean overlaps(int span, @Nullable LocalDate bornAfter, @Nullable LocalDate bornBy) {
		LocalDate firstDay = LocalDate.of(span, 1, 1);
		LocalDate lastDay = LocalDate.of(span + BIRTH_SPAN, 1, 1).minusDays(1);
		return (bornAfter == null || lastDay.isAfter(bornAfter)) && (bornBy == null || !firstDay.isAfter(bornBy));
	}

	/**
	 * A page of the patients who match, found all together first (by the index that suits
	 * the filters, the planner's choice without an order to follow) and then ordered: for
	 * a rare combination, a few index ranges instead of the whole name order.
	 */
	private List<Row> matchedFirst(PatientFilter filter, String sortKey, String order, int limit) {
		return query("with matches as materialized (select p.id, p.search_name from patients.tenant_patients p where "
				+ filter.conditions() + "), page as materialized (select p.id, cast(" + sortKey
				+ " as text) as sort_key from matches p order by " + order + " limit :limit) select "
				+ PatientStore.COLUMNS + ", page.sort_key from page join patients.tenant_patients p on p.id = page.id"
				+ " order by " + order, filter, limit);
	}

	/**
	 * Finds the page's ids in order first and reads their rows afterwards: the first step
	 * then needs only the columns of the usual filters, which the name and city indexes
	 * carry, so it is answered from an index alone (decision 0010).
	 */
	private List<Row> idsFirst(String sortKey, String conditions, PatientFilter filter, String order, int limit) {
		return query("with page as materialized (select p.id, " + sortKey + " as sort_key"
				+ " from patients.tenant_patients p where " + conditions + " order by " + order + " limit :limit)"
				+ " select " + PatientStore.COLUMNS + ", page.sort_key from page"
				+ " join patients.tenant_patients p on p.id = page.id order by " + order, filter, limit);
	}

	/**
	 * Names by relevance: each tier in turn, newest patients first within a tier, until
	 * the page is full. Each tier is its own indexed query, so that a common name does
	 * not make the database rank every patient who has it.
	 */
	private List<Row> byNameTiers(PatientFilter filter, NameMatch names, @Nullable Cursor after, int limit) {
		int firstTier = (after != null) ? tier(after.key()) : 0;
		List<Row> rows = new ArrayList<>();
		for (int tier = firstTier; tier < NameMatch.TIERS && rows.size() <= limit; tier++) {
			if (!names.has(tier)) {
				continue;
			}
			String conditions = filter.conditions(tier);
			if (after != null && tier == firstTier) {
				conditions += " and p.id < :afterId";
				filter.params().put("afterId", after.id());
			}
			rows.addAll(select("'" + tier + "'", conditions, filter, "p.id desc", limit + 1 - rows.size()));
		}
		return rows;
	}

	private List<Row> select(String sortKey, String conditions, PatientFilter filter, String order, int limit) {
		return query("select " + PatientStore.COLUMNS + ", " + sortKey + " as sort_key"
				+ " from patients.tenant_patients p where " + conditions + " order by " + order + " limit :limit",
				filter, limit);
	}

	private List<Row> query(String sql, PatientFilter filter, int limit) {
		return this.jdbc.sql(sql)
			.params(filter.params())
			.param("limit", limit)
			.query((row, n) -> new Row(this.store.views().mapRow(row, n), row.getString("sort_key")))
			.list();
	}

	private static int tier(String key) {
		try {
			int tier = Integer.parseInt(key);
			if (tier >= 0 && tier < NameMatch.TIERS) {
				return tier;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw InvalidRequest.field("cursor", "is not a cursor this API returned");
	}

	private static Sort sort(PatientQuery query, @Nullable String q) {
		if (query.sort() == null) {
			return (q != null) ? Sort.RELEVANCE : Sort.NAME;
		}
		if (query.sort() == Sort.RELEVANCE && q == null) {
			throw InvalidRequest.field("sort", "relevance needs a search text 'q'");
		}
		return query.sort();
	}

	private static String keyType(Sort sort) {
		return switch (sort) {
			case RELEVANCE -> "float8";
			case NAME -> "text";
			case CREATED_AT, LAST_VISIT_AT -> "timestamptz";
		};
	}

	private record Row(PatientView patient, String sortKey) {
	}

	/** Position after the last row of a page: its sort key and id. */
	private record Cursor(Sort sort, String key, UUID id) {

		String encode() {
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString((this.sort + "\n" + this.key + "\n" + this.id).getBytes(StandardCharsets.UTF_8));
		}

		/** Reads a cursor, which must come from a search in the same order. */
		static @Nullable Cursor decode(@Nullable String cursor, Sort sort) {
			if (cursor == null || cursor.isBlank()) {
				return null;
			}
			try {
				String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
				int first = text.indexOf('\n');
				int last = text.lastIndexOf('\n');
				Cursor decoded = new Cursor(Sort.valueOf(text.substring(0, first)), text.substring(first + 1, last),
						UUID.fromString(text.substring(last + 1)));
				if (decoded.sort() != sort) {
					throw InvalidRequest.field("cursor", "belongs to a search in another order");
				}
				return decoded;
			}
			catch (IllegalArgumentException | IndexOutOfBoundsException ex) {
				throw InvalidRequest.field("cursor", "is not a cursor this API returned");
			}
		}

	}

}
