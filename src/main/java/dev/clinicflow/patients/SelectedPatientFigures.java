package dev.clinicflow.patients;

/**
 * The SQL of the statistics of the patients a filter selects: two aggregation passes over
 * them, one grouped by insurer, city and neighborhood (a few hundred groups) that also
 * counts every fixed-valued figure, and one grouped by set of tags. Each can be answered
 * from an index alone and run in parallel (decision 0012); every figure is then summed
 * from the groups. The columns are those of the running counts' statement in
 * {@link PatientStatistics}.
 */
final class SelectedPatientFigures {

	private static final String SQL = """
			with grouped as (
			  select p.health_plan_provider as plan, p.city, p.neighborhood, count(*) as patients,
			         count(*) filter (where p.last_visit_at >= :visitedSince
			                          or p.next_appointment_at >= :quarterStart) as active,
			         count(*) filter (where p.created_at >= :monthStart) as new_this_month,
			         count(*) filter (where p.next_appointment_at >= :quarterStart) as upcoming,
			         sum(p.no_show_rate) filter (where p.total_appointments > 0) as no_show_rates,
			         count(*) filter (where p.total_appointments > 0) as with_appointments,
			         count(*) filter (where p.gender = 'FEMALE') as female,
			         count(*) filter (where p.gender = 'MALE') as male,
			         count(*) filter (where p.gender = 'OTHER') as other,
			         count(*) filter (where p.birth_date > :born18) as born18,
			         count(*) filter (where p.birth_date > :born30) as born30,
			         count(*) filter (where p.birth_date > :born45) as born45,
			         count(*) filter (where p.birth_date > :born60) as born60,
			         count(*) filter (where p.birth_date > :born75) as born75,
			         count(p.birth_date) as born
			  from patients.tenant_patients p where %1$s
			  group by 1, 2, 3
			), tag_sets as (
			  select p.tags, count(*) as patients from patients.tenant_patients p where %1$s group by 1
			), t as (
			  select coalesce(sum(patients), 0) as total, coalesce(sum(active), 0) as active,
			         coalesce(sum(new_this_month), 0) as new_this_month, coalesce(sum(upcoming), 0) as upcoming,
			         sum(no_show_rates) as no_show_rates, sum(with_appointments) as with_appointments,
			         coalesce(sum(female), 0) as female, coalesce(sum(male), 0) as male,
			         coalesce(sum(other), 0) as other, coalesce(sum(born18), 0) as born18,
			         coalesce(sum(born30), 0) as born30, coalesce(sum(born45), 0) as born45,
			         coalesce(sum(born60), 0) as born60, coalesce(sum(born75), 0) as born75,
			         coalesce(sum(born), 0) as born
			  from grouped
			)
			select t.total, t.active, t.new_this_month,
			  (select coalesce(json_object_agg(g, n), '{}')
			   from (values ('FEMALE', t.female), ('MALE', t.male), ('OTHER', t.other),
			                ('UNKNOWN', t.total - t.female - t.male - t.other)) as genders(g, n)
			   where n > 0)::text as by_gender,
			  json_build_object('0-17', t.born18, '18-29', t.born30 - t.born18, '30-44', t.born45 - t.born30,
			                    '45-59', t.born60 - t.born45, '60-74', t.born75 - t.born60, '75+', t.born - t.born75,
			                    'unknown', t.total - t.born)::text as by_age,
			  (%2$s)::text as plans,
			  (%3$s)::text as cities,
			  (%4$s)::text as neighborhoods,
			  t.upcoming,
			  round(t.no_show_rates / nullif(t.with_appointments, 0), 6) as average_no_show_rate,
			  (%5$s)::text as tags
			from t
			""";

	private SelectedPatientFigures() {
	}

	/**
	 * The statement for the patients the conditions select.
	 * @param conditions the filter's conditions over the patients aliased {@code p}
	 * @return the statement, with named parameters
	 */
	static String sql(String conditions) {
		return SQL.formatted(conditions, ranking("plan", "grouped"), ranking("city", "grouped"),
				ranking("neighborhood || ', ' || coalesce(city, '?')", "grouped"),
				ranking("tag", "tag_sets, unnest(tags) as tag"));
	}

	/** The ten most frequent values of an expression, summed over groups of patients. */
	private static String ranking(String expression, String groups) {
		return """
				select coalesce(json_agg(json_build_object('value', v, 'count', n) order by n desc, v), '[]')
				from (select v, sum(patients) as n from (select %s as v, patients from %s) values where v is not null
				      group by v order by n desc, v limit 10) ranked""".formatted(expression, groups);
	}

}
