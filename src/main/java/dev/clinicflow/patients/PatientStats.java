package dev.clinicflow.patients;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Quick statistics of the patients a filter selects, for the dashboard.
 *
 * @param total patients selected
 * @param active of those, patients seen in the last 12 months or with an appointment
 * ahead
 * @param newThisMonth of those, created since the first day of this month (tenant's time)
 * @param byGender counts per gender ({@code UNKNOWN} when not recorded)
 * @param byAgeBand counts per age band: 0-17, 18-29, 30-44, 45-59, 60-74, 75+ and unknown
 * @param byHealthPlan the ten most frequent insurers
 * @param topCities the ten most frequent cities
 * @param topNeighborhoods the ten most frequent neighborhoods, as "neighborhood, city"
 * @param withUpcomingAppointment patients with an appointment ahead
 * @param averageNoShowRate mean no-show rate of patients with at least one appointment
 * @param topTags the ten most frequent tags
 */
public record PatientStats(long total, long active, long newThisMonth, Map<String, Long> byGender,
		Map<String, Long> byAgeBand, List<Count> byHealthPlan, List<Count> topCities, List<Count> topNeighborhoods,
		long withUpcomingAppointment, @Nullable BigDecimal averageNoShowRate, List<Count> topTags) {

	/**
	 * A value and how many patients have it.
	 *
	 * @param value the value
	 * @param count how many
	 */
	public record Count(String value, long count) {
	}

}
