package dev.clinicflow.patients;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.clinicflow.identity.IdentityApi;
import dev.clinicflow.patients.PatientQuery.Sort;
import dev.clinicflow.shared.CursorPage;
import dev.clinicflow.shared.InvalidRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Searches the registry in one SQL query: free text matched by trigram similarity on the
 * accent-free name (GIN index), CPF prefix, the last digits of phones, or e-mail; filters
 * combined with AND; keyset pagination on the chosen order.
 */
@Service
public class PatientSearch {

	/**
	 * Word similarity at which "marai" still finds "Maria" (0.5) but unrelated names do
	 * not.
	 */
	static final String NAME_THRESHOLD = "0.5";

	private final JdbcClient jdbc;

	private final PatientStore store;

	private final IdentityApi identity;

	private final Clock clock;

	PatientSearch(JdbcClient jdbc, PatientStore store, IdentityApi identity, Clock clock) {
		this.jdbc = jdbc;
		this.store = store;
		this.identity = identity;
		this.clock = clock;
	}

	/**
	 * Finds patients.
	 * @param query text, filters, order and page
	 * @return one page of patients
	 */
	@Transactional(readOnly = true)
	public CursorPage<PatientView> search(PatientQuery query) {
		int limit = CursorPage.limit(query.limit());
		Filter filter = new Filter();
		String q = PatientNormalizer.blankToNull(query.q());
		Sort sort = sort(query, q);
		String sortKey = switch (sort) {
			case RELEVANCE -> "cast(" + filter.text(q) + " as float8)";
			case NAME -> "p.search_name";
			case CREATED_AT -> "p.created_at";
			case LAST_VISIT_AT -> "coalesce(p.last_visit_at, '-infinity'::timestamptz)";
		};
		if (q != null && sort != Sort.RELEVANCE) {
			filter.text(q);
		}
		filters(query, filter);
		boolean descending = (sort == Sort.RELEVANCE) != query.descending();
		Cursor after = Cursor.decode(query.cursor(), sort);
		if (after != null) {
			filter.where("(" + sortKey + ", p.id) " + (descending ? "<" : ">") + " (cast(:afterKey as " + keyType(sort)
					+ "), :afterId)");
			filter.params.put("afterKey", after.key());
			filter.params.put("afterId", after.id());
		}
		if (filter.usesNameSimilarity) {
			this.jdbc.sql("select set_config('pg_trgm.word_similarity_threshold', ?, true)")
				.param(NAME_THRESHOLD)
				.query(String.class)
				.single();
		}
		String direction = descending ? " desc" : " asc";
		String sql = "select " + PatientStore.COLUMNS + ", cast(" + sortKey + " as text) as sort_key"
				+ " from patients.patients p where " + String.join(" and ", filter.conditions) + " order by " + sortKey
				+ direction + ", p.id" + direction + " limit :limit";
		List<Row> rows = this.jdbc.sql(sql)
			.params(filter.params)
			.param("limit", limit + 1)
			.query((row, n) -> new Row(this.store.views().mapRow(row, n), row.getString("sort_key")))
			.list();
		if (rows.size() <= limit) {
			return new CursorPage<>(rows.stream().map(Row::patient).toList(), null);
		}
		Row last = rows.get(limit - 1);
		return new CursorPage<>(rows.subList(0, limit).stream().map(Row::patient).toList(),
				new Cursor(sort, last.sortKey(), last.patient().id()).encode());
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

	private void filters(PatientQuery query, Filter filter) {
		if (!query.includeDeleted()) {
			filter.where("p.deleted_at is null and p.merged_into is null");
		}
		List<String> tags = query.tags().stream().map((tag) -> tag.trim().toLowerCase(Locale.ROOT)).toList();
		if (!tags.isEmpty()) {
			filter.where("p.tags @> cast(:tags as text[])", "tags", tags.toArray(String[]::new));
		}
		if (query.gender() != null) {
			filter.where("p.gender = :gender", "gender", query.gender().name());
		}
		ages(query, filter);
		if (PatientNormalizer.blankToNull(query.city()) != null) {
			filter.where("patients.normalize(p.city) = patients.normalize(:city)", "city", query.city().trim());
		}
		if (PatientNormalizer.blankToNull(query.neighborhood()) != null) {
			filter.where("patients.normalize(p.neighborhood) = patients.normalize(:neighborhood)", "neighborhood",
					query.neighborhood().trim());
		}
		if (PatientNormalizer.blankToNull(query.healthPlan()) != null) {
			filter.where(
					"(patients.normalize(p.health_plan_provider) = patients.normalize(:plan)"
							+ " or patients.normalize(p.health_plan_name) = patients.normalize(:plan))",
					"plan", query.healthPlan().trim());
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		if (Boolean.TRUE.equals(query.hasUpcomingAppointment())) {
			filter.where("p.next_appointment_at > :now", "now", now);
		}
		else if (Boolean.FALSE.equals(query.hasUpcomingAppointment())) {
			filter.where("(p.next_appointment_at is null or p.next_appointment_at <= :now)", "now", now);
		}
		if (query.noShowRateMin() != null) {
			if (query.noShowRateMin() < 0 || query.noShowRateMin() > 1) {
				throw InvalidRequest.field("noShowRateMin", "must be between 0 and 1");
			}
			filter.where("p.no_show_rate >= :noShowRateMin", "noShowRateMin", query.noShowRateMin());
		}
		instant(filter, "p.last_visit_at < :lastVisitBefore", "lastVisitBefore", query.lastVisitBefore());
		instant(filter, "p.last_visit_at >= :lastVisitAfter", "lastVisitAfter", query.lastVisitAfter());
		instant(filter, "p.created_at >= :createdFrom", "createdFrom", query.createdFrom());
		instant(filter, "p.created_at < :createdTo", "createdTo", query.createdTo());
		near(query, filter);
	}

	private void ages(PatientQuery query, Filter filter) {
		if (query.ageMin() == null && query.ageMax() == null) {
			return;
		}
		LocalDate today = LocalDate.ofInstant(this.clock.instant(),
				ZoneId.of(this.identity.currentTenant().timezone()));
		if (query.ageMin() != null) {
			if (query.ageMin() < 0 || query.ageMin() > 150) {
				throw InvalidRequest.field("ageMin", "must be between 0 and 150");
			}
			filter.where("p.birth_date <= :bornBy", "bornBy", today.minusYears(query.ageMin()));
		}
		if (query.ageMax() != null) {
			if (query.ageMax() < 0 || query.ageMax() > 150) {
				throw InvalidRequest.field("ageMax", "must be between 0 and 150");
			}
			if (query.ageMin() != null && query.ageMin() > query.ageMax()) {
				throw InvalidRequest.field("ageMin", "must not be greater than ageMax");
			}
			filter.where("p.birth_date > :bornAfter", "bornAfter", today.minusYears(query.ageMax() + 1L));
		}
	}

	private static void near(PatientQuery query, Filter filter) {
		if (query.near() == null && query.radiusKm() == null) {
			return;
		}
		if (query.near() == null) {
			throw InvalidRequest.field("near", "is required with radiusKm (near=lat,lon)");
		}
		double radiusKm = (query.radiusKm() != null) ? query.radiusKm() : 10;
		if (radiusKm <= 0 || radiusKm > 500) {
			throw InvalidRequest.field("radiusKm", "must be more than 0 and at most 500");
		}
		filter.where("earth_box(ll_to_earth(:nearLat, :nearLon), :radiusM) @> ll_to_earth(p.lat, p.lon)"
				+ " and earth_distance(ll_to_earth(:nearLat, :nearLon), ll_to_earth(p.lat, p.lon)) <= :radiusM");
		filter.params.put("nearLat", query.near().lat());
		filter.params.put("nearLon", query.near().lon());
		filter.params.put("radiusM", radiusKm * 1000);
	}

	private static void instant(Filter filter, String condition, String name, java.time.@Nullable Instant value) {
		if (value != null) {
			filter.where(condition, name, Timestamp.from(value));
		}
	}

	/** The WHERE clause being built, with its parameters. */
	private static final class Filter {

		final List<String> conditions = new ArrayList<>(List.of("true"));

		final Map<String, Object> params = new HashMap<>();

		boolean usesNameSimilarity;

		void where(String condition) {
			this.conditions.add(condition);
		}

		void where(String condition, String name, Object value) {
			this.conditions.add(condition);
			this.params.put(name, value);
		}

		/** Adds the text match and returns its relevance expression. */
		String text(@Nullable String q) {
			if (q == null) {
				return "0";
			}
			if (q.contains("@")) {
				where("lower(p.email) = lower(:email)", "email", q);
				return "1.0";
			}
			String digits = q.replaceAll("\\D", "");
			if (q.matches("[0-9().\\-+/\\s]+") && digits.length() >= 3) {
				List<String> matches = new ArrayList<>();
				if (digits.length() <= 11) {
					matches.add("p.cpf like :cpfPrefix");
					this.params.put("cpfPrefix", digits + "%");
					this.params.put("cpf", digits);
				}
				if (digits.length() >= 8) {
					matches.add("p.phone_keys @> array[cast(:phoneKey as text)]");
					this.params.put("phoneKey", digits.substring(digits.length() - 8));
				}
				if (matches.isEmpty()) {
					throw InvalidRequest.field("q", "has too many digits for a CPF or phone number");
				}
				where("(" + String.join(" or ", matches) + ")");
				return this.params.containsKey("cpf") ? "(case when p.cpf = :cpf then 1.0 else 0.9 end)" : "0.9";
			}
			this.usesNameSimilarity = true;
			where("patients.normalize(:q) <% p.search_name", "q", q);
			return "(word_similarity(patients.normalize(:q), p.search_name) + 0.01 * similarity(patients.normalize(:q), p.search_name))";
		}

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
