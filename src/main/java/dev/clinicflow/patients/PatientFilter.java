package dev.clinicflow.patients;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.clinicflow.identity.IdentityApi;
import dev.clinicflow.shared.InvalidRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The WHERE clause of a registry query, built from a {@link PatientQuery}: the text match
 * (with its relevance expression) and every filter, combined with AND. Search and
 * statistics share it, so the same filters mean the same patients in both.
 */
final class PatientFilter {

	private static final String LIVE = "p.deleted_at is null and p.merged_into is null";

	private static final String IN_CITY = "patients.normalize(p.city) = patients.normalize(:city)";

	private static final String BORN_BY = "p.birth_date <= :bornBy";

	private static final String BORN_AFTER = "p.birth_date > :bornAfter";

	private final List<String> conditions = new ArrayList<>(List.of("true"));

	/**
	 * The conditions that a walk in name order applies as it goes, from its index: live
	 * patients, of one city, after the cursor (the name indexes lead with the city or
	 * nothing, and carry the deleted and merged columns).
	 */
	private final Set<String> alongTheNames = new HashSet<>(Set.of("true", LIVE, IN_CITY));

	private final Map<String, Object> params = new HashMap<>();

	private final Instant now;

	private @Nullable NameMatch names;

	private boolean lookup;

	private String relevance = "cast(0 as float8)";

	private List<String> tags = List.of();

	private PatientFilter(Instant now) {
		this.now = now;
	}

	/** The conditions, joined with AND, over the patients aliased {@code p}. */
	String conditions() {
		return (this.names != null) ? conditions(this.names.any(this.params)) : String.join(" and ", this.conditions);
	}

	/** The conditions with the name match narrowed to one tier of relevance. */
	String conditions(int tier) {
		if (this.names == null) {
			throw new IllegalStateException("no name to match");
		}
		return conditions(this.names.tier(tier, this.params));
	}

	private String conditions(String nameCondition) {
		List<String> all = new ArrayList<>(this.conditions);
		all.add(nameCondition);
		return String.join(" and ", all);
	}

	/**
	 * Makes the transaction's queries planned for their actual values. A prepared
	 * statement otherwise ends up with a generic plan that cannot know that São Paulo
	 * holds a third of the patients and Recife three percent, and walks the wrong index.
	 */
	static void planForTheValues(JdbcClient jdbc) {
		jdbc.sql("select set_config('plan_cache_mode', 'force_custom_plan', true)").query(String.class).single();
	}

	/**
	 * Whether the filter selects every live patient (not deleted, not merged) and nothing
	 * else: the statistics then come from the running counts.
	 */
	boolean selectsEveryLivePatient() {
		return this.names == null && this.conditions.equals(List.of("true", LIVE));
	}

	/**
	 * Whether the filter selects every live patient of one city (its {@code :city}
	 * parameter) and nothing else: the statistics then come from that city's running
	 * counts.
	 */
	boolean selectsEveryLivePatientOfOneCity() {
		return this.names == null && this.conditions.equals(List.of("true", LIVE, IN_CITY));
	}

	/**
	 * Whether {@code q} looks a patient up by CPF, phone or e-mail: a handful of rows
	 * that are best found first and ordered afterwards.
	 */
	boolean lookup() {
		return this.lookup;
	}

	/** The name typed, when {@code q} is a name. */
	@Nullable NameMatch names() {
		return this.names;
	}

	Map<String, Object> params() {
		return this.params;
	}

	/**
	 * What the running counts of tags per span of birth (decision 0016) can narrow: the
	 * tags every patient selected has, in the city the filter names (or the clinic), with
	 * the birth dates it asks for. Only for filters of live patients without a text
	 * match.
	 */
	@Nullable Tagged tagged() {
		if (this.tags.isEmpty() || this.names != null || this.lookup || !this.conditions.contains(LIVE)) {
			return null;
		}
		return new Tagged(this.tags, (String) this.params.get("city"), (LocalDate) this.params.get("bornAfter"),
				(LocalDate) this.params.get("bornBy"));
	}

	/**
	 * Narrows the birth dates selected to after one day and up to another (both within
	 * what the filter asked, or wider: the narrower bound holds).
	 */
	void bornWithin(LocalDate after, LocalDate by) {
		LocalDate bornAfter = (LocalDate) this.params.get("bornAfter");
		if (bornAfter == null) {
			where(BORN_AFTER, "bornAfter", after);
		}
		else if (after.isAfter(bornAfter)) {
			this.params.put("bornAfter", after);
		}
		LocalDate bornBy = (LocalDate) this.params.get("bornBy");
		if (bornBy == null) {
			where(BORN_BY, "bornBy", by);
		}
		else if (by.isBefore(bornBy)) {
			this.params.put("bornBy", by);
		}
	}

	/** How well a row matches the text, as float8 (higher is better). */
	String relevance() {
		return this.relevance;
	}

	void where(String condition) {
		this.conditions.add(condition);
	}

	/** Adds a condition that a walk in name order applies from its index (a cursor). */
	void whereAlongTheNames(String condition, Map<String, Object> values) {
		this.conditions.add(condition);
		this.alongTheNames.add(condition);
		this.params.putAll(values);
	}

	/**
	 * The conditions that a walk in name order applies from its index, joined with AND.
	 * Meaningful without a text match ({@code q}).
	 */
	String alongTheNames() {
		return String.join(" and ", this.conditions.stream().filter(this.alongTheNames::contains).toList());
	}

	/**
	 * The conditions that a walk in name order checks row by row, joined with AND, if
	 * there are any: how many rows it walks before a page is full depends on how common
	 * their combination is. Meaningful without a text match ({@code q}).
	 */
	@Nullable String besidesTheNames() {
		List<String> others = this.conditions.stream()
			.filter((condition) -> !this.alongTheNames.contains(condition))
			.toList();
		return others.isEmpty() ? null : String.join(" and ", others);
	}

	void where(String condition, String name, Object value) {
		this.conditions.add(condition);
		this.params.put(name, value);
	}

	/**
	 * Adds the text match and returns its relevance expression (constant for names, whose
	 * relevance comes in tiers: {@link NameMatch}).
	 */
	String text(String q, NameMatch.Resolver resolver) {
		this.lookup = true;
		if (q.contains("@")) {
			where("lower(p.email) = lower(:email)", "email", q);
			return "1.0";
		}
		String digits = q.replaceAll("\\D", "");
		if (q.matches("[0-9().\\-+/\\s]+") && digits.length() >= 3) {
			List<String> matches = new ArrayList<>();
			if (digits.length() == 11) {
				matches.add("p.cpf = :cpf");
				this.params.put("cpf", digits);
			}
			else if (digits.length() < 11) {
				// a range, not LIKE: a prepared statement's generic plan can use the
				// index for it
				String next = nextPrefix(digits);
				matches.add("(p.cpf >= :cpfFrom" + ((next != null) ? " and p.cpf < :cpfTo)" : ")"));
				this.params.put("cpfFrom", digits);
				if (next != null) {
					this.params.put("cpfTo", next);
				}
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
		this.lookup = false;
		this.names = resolver.resolve(q);
		return "0";
	}

	private void filters(PatientQuery query, Supplier<LocalDate> today) {
		if (!query.includeDeleted()) {
			where(LIVE);
		}
		this.tags = query.tags().stream().map((tag) -> tag.trim().toLowerCase(Locale.ROOT)).distinct().toList();
		if (!this.tags.isEmpty()) {
			where("p.tags @> cast(:tags as text[])", "tags", this.tags.toArray(String[]::new));
		}
		if (query.gender() != null) {
			where("p.gender = :gender", "gender", query.gender().name());
		}
		ages(query, today);
		if (PatientNormalizer.blankToNull(query.city()) != null) {
			where(IN_CITY, "city", query.city().trim());
		}
		if (PatientNormalizer.blankToNull(query.neighborhood()) != null) {
			where("patients.normalize(p.neighborhood) = patients.normalize(:neighborhood)", "neighborhood",
					query.neighborhood().trim());
		}
		if (PatientNormalizer.blankToNull(query.healthPlan()) != null) {
			where("(patients.normalize(p.health_plan_provider) = patients.normalize(:plan)"
					+ " or patients.normalize(p.health_plan_name) = patients.normalize(:plan))", "plan",
					query.healthPlan().trim());
		}
		Timestamp now = Timestamp.from(this.now);
		if (Boolean.TRUE.equals(query.hasUpcomingAppointment())) {
			where("p.next_appointment_at > :now", "now", now);
		}
		else if (Boolean.FALSE.equals(query.hasUpcomingAppointment())) {
			where("(p.next_appointment_at is null or p.next_appointment_at <= :now)", "now", now);
		}
		if (query.noShowRateMin() != null) {
			if (query.noShowRateMin() < 0 || query.noShowRateMin() > 1) {
				throw InvalidRequest.field("noShowRateMin", "must be between 0 and 1");
			}
			where("p.no_show_rate >= :noShowRateMin", "noShowRateMin", query.noShowRateMin());
		}
		instant(this, "p.last_visit_at < :lastVisitBefore", "lastVisitBefore", query.lastVisitBefore());
		instant(this, "p.last_visit_at >= :lastVisitAfter", "lastVisitAfter", query.lastVisitAfter());
		instant(this, "p.created_at >= :createdFrom", "createdFrom", query.createdFrom());
		instant(this, "p.created_at < :createdTo", "createdTo", query.createdTo());
		near(query, this);
	}

	private void ages(PatientQuery query, Supplier<LocalDate> clinicToday) {
		if (query.ageMin() == null && query.ageMax() == null) {
			return;
		}
		LocalDate today = clinicToday.get();
		if (query.ageMin() != null) {
			if (query.ageMin() < 0 || query.ageMin() > 150) {
				throw InvalidRequest.field("ageMin", "must be between 0 and 150");
			}
			where(BORN_BY, "bornBy", today.minusYears(query.ageMin()));
		}
		if (query.ageMax() != null) {
			if (query.ageMax() < 0 || query.ageMax() > 150) {
				throw InvalidRequest.field("ageMax", "must be between 0 and 150");
			}
			if (query.ageMin() != null && query.ageMin() > query.ageMax()) {
				throw InvalidRequest.field("ageMin", "must not be greater than ageMax");
			}
			where(BORN_AFTER, "bornAfter", today.minusYears(query.ageMax() + 1L));
		}
	}

	private static void near(PatientQuery query, PatientFilter filter) {
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

	private static void instant(PatientFilter filter, String condition, String name,
			java.time.@Nullable Instant value) {
		if (value != null) {
			filter.where(condition, name, Timestamp.from(value));
		}
	}

	/**
	 * The tags a filter requires, the city it names (as typed, or null for the whole
	 * clinic) and the birth dates it selects: {@code bornAfter} exclusive, {@code bornBy}
	 * inclusive, null when unbounded.
	 */
	record Tagged(List<String> tags, @Nullable String city, @Nullable LocalDate bornAfter, @Nullable LocalDate bornBy) {
	}

	/** The smallest digit string after every string that starts with {@code prefix}. */
	static @Nullable String nextPrefix(String prefix) {
		StringBuilder next = new StringBuilder(prefix);
		while (!next.isEmpty() && next.charAt(next.length() - 1) == '9') {
			next.setLength(next.length() - 1);
		}
		if (next.isEmpty()) {
			return null;
		}
		next.setCharAt(next.length() - 1, (char) (next.charAt(next.length() - 1) + 1));
		return next.toString();
	}

	/**
	 * Builds filters for the current tenant: its time zone decides ages and "this month".
	 */
	@Component
	static class Factory {

		private final IdentityApi identity;

		private final Clock clock;

		private final NameMatch.Resolver names;

		Factory(IdentityApi identity, Clock clock, NameMatch.Resolver names) {
			this.identity = identity;
			this.clock = clock;
			this.names = names;
		}

		PatientFilter of(PatientQuery query) {
			PatientFilter filter = new PatientFilter(this.clock.instant());
			String q = PatientNormalizer.blankToNull(query.q());
			if (q != null) {
				filter.relevance = "cast(" + filter.text(q, this.names) + " as float8)";
			}
			// the clinic's time zone (a read of the tenant) only when ages need it, not
			// for the lookups by CPF or phone, which are most of the searches
			filter.filters(query, this::today);
			return filter;
		}

		ZoneId zone() {
			return ZoneId.of(this.identity.currentTenant().timezone());
		}

		LocalDate today() {
			return LocalDate.ofInstant(this.clock.instant(), zone());
		}

	}

}
