package dev.clinicflow.patients;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A search of the registry: free text, filters that combine (all must hold), order and
 * page. Every part is optional.
 *
 * @param q name or social name (accent- and case-insensitive, typo-tolerant), CPF or a
 * prefix of 3+ digits, phone (any format; the last 8 digits suffice), or e-mail
 * @param tags labels that must all be present
 * @param gender gender
 * @param ageMin minimum age in years
 * @param ageMax maximum age in years
 * @param city city (accent- and case-insensitive)
 * @param neighborhood neighborhood (accent- and case-insensitive)
 * @param healthPlan health insurer or plan name (accent- and case-insensitive)
 * @param hasUpcomingAppointment whether a future appointment is booked
 * @param noShowRateMin minimum no-show rate, 0 to 1
 * @param lastVisitBefore last visit before this instant
 * @param lastVisitAfter last visit at or after this instant
 * @param createdFrom created at or after
 * @param createdTo created before
 * @param near centre of a geographic search
 * @param radiusKm radius around {@code near}, in km
 * @param includeDeleted whether deleted records are included
 * @param sort the order
 * @param descending whether the order is reversed
 * @param limit page size
 * @param cursor where the page starts
 */
public record PatientQuery(@Nullable String q, List<String> tags, @Nullable Gender gender, @Nullable Integer ageMin,
		@Nullable Integer ageMax, @Nullable String city, @Nullable String neighborhood, @Nullable String healthPlan,
		@Nullable Boolean hasUpcomingAppointment, @Nullable Double noShowRateMin, @Nullable Instant lastVisitBefore,
		@Nullable Instant lastVisitAfter, @Nullable Instant createdFrom, @Nullable Instant createdTo,
		PatientParts.@Nullable Location near, @Nullable Double radiusKm, boolean includeDeleted, @Nullable Sort sort,
		boolean descending, @Nullable Integer limit, @Nullable String cursor) {

	/**
	 * Orders a search can be sorted by.
	 */
	public enum Sort {

		/** Best match first (the default when {@code q} is given). */
		RELEVANCE,
		/** By name (the default without {@code q}). */
		NAME,
		/** By creation time. */
		CREATED_AT,
		/** By last visit; patients never seen come last. */
		LAST_VISIT_AT

	}

}
