package dev.clinicflow.patients;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.clinicflow.patients.PatientStats.Count;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes {@link PatientStats} in one SQL statement. Without filters, or with a city
 * alone, the figures come from {@code patients.patient_counts}, the running counts that
 * triggers keep per scope (the clinic, each city), dimension and value; with other
 * filters every figure is aggregated from the selected rows in two passes
 * ({@link SelectedPatientFigures}). Both judge "active" and "upcoming" to the quarter
 * hour.
 */
@Service
public class PatientStatistics {

	static final List<String> AGE_BANDS = List.of("0-17", "18-29", "30-44", "45-59", "60-74", "75+", "unknown");

	/**
	 * A patient seen this long ago is still active (a year, as the running counts say).
	 */
	private static final Duration ACTIVE_AFTER_VISIT = Duration.ofHours(8760);

	/** A city counts its patients' birth dates per this many years (V31). */
	private static final int CITY_BIRTH_SPAN = 5;

	private static final TypeReference<Map<String, Long>> COUNTS = new TypeReference<>() {
	};

	private static final TypeReference<List<Count>> RANKING = new TypeReference<>() {
	};

	private static final String COUNTED = """
			select
			  coalesce((select sum(patients) from patients.patient_counts
			            where scope = %1$s and dimension = 'total'), 0) as total,
			  coalesce((select sum(patients) from patients.patient_counts
			            where scope = %1$s and dimension = 'active_until' and value >= :nowQuarter), 0) as active,
			  coalesce((select sum(patients) from patients.patient_counts
			            where scope = %1$s and dimension = 'created' and value >= :monthQuarter), 0) as new_this_month,
			  (select coalesce(json_object_agg(value, patients), '{}') from patients.patient_counts
			   where scope = %1$s and dimension = 'gender' and patients > 0)::text as by_gender,
			  (select json_build_object('0-17', g18, '18-29', g30 - g18, '30-44', g45 - g30, '45-59', g60 - g45,
			                            '60-74', g75 - g60, '75+', known - g75, 'unknown', unknown)
			   from (select %2$s as g18, %3$s as g30, %4$s as g45, %5$s as g60, %6$s as g75,
			                coalesce((select sum(patients) from patients.patient_counts
			                          where scope = %1$s and dimension = '%11$s' and value <> ''), 0) as known,
			                coalesce((select sum(patients) from patients.patient_counts
			                          where scope = %1$s and dimension = '%11$s' and value = ''), 0) as unknown) g
			  )::text as by_age,
			  (%7$s)::text as plans,
			  (%8$s)::text as cities,
			  (%9$s)::text as neighborhoods,
			  coalesce((select sum(patients) from patients.patient_counts
			            where scope = %1$s and dimension = 'next_appointment' and value >= :nowQuarter), 0) as upcoming,
			  (select round(sum(amount) / nullif(sum(patients), 0), 6) from patients.patient_counts
			   where scope = %1$s and dimension = 'no_show') as average_no_show_rate,
			  (%10$s)::text as tags
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final PatientFilter.Factory filters;

	private final Clock clock;

	PatientStatistics(JdbcClient jdbc, JsonMapper json, PatientFilter.Factory filters, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.filters = filters;
		this.clock = clock;
	}

	/**
	 * Computes the statistics of the patients a query selects (its order and page are
	 * ignored).
	 * @param query the filters
	 * @return the statistics
	 */
	@Transactional(readOnly = true)
	public PatientStats compute(PatientQuery query) {
		PatientFilter filter = this.filters.of(query);
		PatientFilter.planForTheValues(this.jdbc);
		LocalDate today = this.filters.today();
		Instant now = this.clock.instant();
		Instant monthStart = today.withDayOfMonth(1).atStartOfDay(this.filters.zone()).toInstant();
		// "active" and "upcoming" are judged to the quarter hour, as the running counts
		// do: from the start of the current quarter hour
		Instant quarterStart = Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), 900) * 900);
		String sql;
		if (filter.selectsEveryLivePatient()) {
			sql = counted(Scope.CLINIC);
		}
		else if (filter.selectsEveryLivePatientOfOneCity()) {
			sql = counted(Scope.CITY);
		}
		else {
			sql = SelectedPatientFigures.sql(filter.conditions());
		}
		return this.jdbc.sql(sql)
			.params(filter.params())
			.param("nowQuarter", quarterHour(now))
			.param("monthQuarter", quarterHour(monthStart))
			.param("monthStart", Timestamp.from(monthStart))
			.param("quarterStart", Timestamp.from(quarterStart))
			.param("visitedSince", Timestamp.from(quarterStart.minus(ACTIVE_AFTER_VISIT)))
			.param("born18", today.minusYears(18))
			.param("born30", today.minusYears(30))
			.param("born45", today.minusYears(45))
			.param("born60", today.minusYears(60))
			.param("born75", today.minusYears(75))
			.params(yearBounds(today))
			.query((row, n) -> new PatientStats(row.getLong("total"), row.getLong("active"),
					row.getLong("new_this_month"), this.json.readValue(row.getString("by_gender"), COUNTS),
					ageBands(this.json.readValue(row.getString("by_age"), COUNTS)),
					this.json.readValue(row.getString("plans"), RANKING),
					this.json.readValue(row.getString("cities"), RANKING),
					this.json.readValue(row.getString("neighborhoods"), RANKING), row.getLong("upcoming"),
					row.getBigDecimal("average_no_show_rate"), this.json.readValue(row.getString("tags"), RANKING)))
			.single();
	}

	/** The statement that reads a scope's running counts. */
	private static String counted(Scope scope) {
		// a city's counts name no city: its spellings are the clinic's city counts
		String cities = (scope == Scope.CLINIC) ? ranked("city", scope) : """
				select coalesce(json_agg(json_build_object('value', value, 'count', patients)
				                         order by patients desc, value), '[]')
				from patients.patient_counts
				where scope = '' and dimension = 'city' and patients > 0
				  and patients.normalize(value) = patients.normalize(:city)""";
		return COUNTED.formatted(scope.counts, bornAfter(18, scope), bornAfter(30, scope), bornAfter(45, scope),
				bornAfter(60, scope), bornAfter(75, scope), ranked("plan", scope), cities,
				ranked("neighborhood", scope), ranked("tag", scope), scope.births);
	}

	/**
	 * How many live patients of a scope were born after the day that many years ago: the
	 * counted years (for a city, five-year spans) after the one that day falls in, plus
	 * the rest of that one from the birth-date index (for a city, the city and birth-date
	 * index).
	 */
	private static String bornAfter(int years, Scope scope) {
		return """
				(coalesce((select sum(patients) from patients.patient_counts where scope = %2$s
				           and dimension = '%3$s' and value <> '' and cast(value as int) > :%4$s%1$d), 0)
				 + (select count(*) from patients.tenant_patients p
				    where p.birth_date > :born%1$d and p.birth_date < :%5$s%1$d
				      and p.deleted_at is null and p.merged_into is null%6$s))""".formatted(years, scope.counts,
				scope.births, scope.span, scope.spanEnd, scope.patients);
	}

	private static Map<String, Object> yearBounds(LocalDate today) {
		Map<String, Object> bounds = new LinkedHashMap<>();
		for (int years : List.of(18, 30, 45, 60, 75)) {
			int year = today.minusYears(years).getYear();
			bounds.put("year" + years, year);
			bounds.put("nextYear" + years, LocalDate.of(year + 1, 1, 1));
			int span = Math.floorDiv(year, CITY_BIRTH_SPAN) * CITY_BIRTH_SPAN;
			bounds.put("span" + years, span);
			bounds.put("nextSpan" + years, LocalDate.of(span + CITY_BIRTH_SPAN, 1, 1));
		}
		return bounds;
	}

	/** The ten values of a dimension counted by most patients of a scope. */
	private static String ranked(String dimension, Scope scope) {
		return """
				select coalesce(json_agg(json_build_object('value', value, 'count', patients)
				                         order by patients desc, value), '[]')
				from (select value, patients from patients.patient_counts
				      where scope = %s and dimension = '%s' and patients > 0
				      order by patients desc, value limit 10) ranked""".formatted(scope.counts, dimension);
	}

	/**
	 * The quarter hour an instant falls in, as {@code patients.quarter_hour} writes it.
	 */
	static String quarterHour(Instant at) {
		return String.format(java.util.Locale.ROOT, "%012d", Math.floorDiv(at.getEpochSecond(), 900));
	}

	/** Every band, in order, zero when empty. */
	private static Map<String, Long> ageBands(Map<String, Long> counted) {
		Map<String, Long> bands = new LinkedHashMap<>();
		AGE_BANDS.forEach((band) -> bands.put(band, counted.getOrDefault(band, 0L)));
		return bands;
	}

	/** The patients a set of running counts counts (migration {@code patients/V31}). */
	private enum Scope {

		/** Every live patient of the clinic. */
		CLINIC("''", "birth_year", "year", "nextYear", ""),

		/** The live patients of the filter's city. */
		CITY("patients.normalize(:city)", "birth_years", "span", "nextSpan",
				" and patients.normalize(p.city) = patients.normalize(:city)");

		/** The counter rows' scope. */
		private final String counts;

		/** The dimension that counts birth dates, per year or per five years. */
		private final String births;

		/** The parameter of the counted span a boundary day falls in. */
		private final String span;

		/** The parameter of the first day after that span. */
		private final String spanEnd;

		/** The condition on the patients themselves. */
		private final String patients;

		Scope(String counts, String births, String span, String spanEnd, String patients) {
			this.counts = counts;
			this.births = births;
			this.span = span;
			this.spanEnd = spanEnd;
			this.patients = patients;
		}

	}

}
