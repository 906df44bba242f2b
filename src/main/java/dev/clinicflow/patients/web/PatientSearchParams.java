package dev.clinicflow.patients.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Parameter;
import org.jspecify.annotations.Nullable;

import dev.clinicflow.patients.Gender;
import dev.clinicflow.patients.PatientParts;
import dev.clinicflow.patients.PatientQuery;
import dev.clinicflow.shared.InvalidRequest;

/**
 * The query parameters of patient search and statistics, as the client sends them.
 */
record PatientSearchParams(
		@Parameter(description = "Name, social name, CPF (or 3+ leading digits), phone (or its last 8 digits) "
				+ "or e-mail") @Nullable String q,
		@Parameter(description = "Tag that must be present; repeat for several") @Nullable List<String> tag,
		@Nullable Gender gender, @Nullable Integer ageMin, @Nullable Integer ageMax, @Nullable String city,
		@Nullable String neighborhood, @Parameter(description = "Insurer or plan name") @Nullable String healthPlan,
		@Nullable Boolean hasUpcomingAppointment, @Parameter(description = "0 to 1") @Nullable Double noShowRateMin,
		@Nullable Instant lastVisitBefore, @Nullable Instant lastVisitAfter, @Nullable Instant createdFrom,
		@Nullable Instant createdTo, @Parameter(description = "lat,lon, such as -23.55,-46.63") @Nullable String near,
		@Parameter(description = "Radius around near, default 10") @Nullable Double radiusKm,
		@Parameter(description = "ADMIN only") @Nullable Boolean includeDeleted,
		@Parameter(description = "relevance, name, createdAt or lastVisitAt") @Nullable String sort,
		@Parameter(description = "asc or desc") @Nullable String order, @Nullable Integer limit,
		@Nullable String cursor) {

	PatientQuery query() {
		boolean deleted = PatientController.adminOnly(Boolean.TRUE.equals(this.includeDeleted));
		return new PatientQuery(this.q, (this.tag != null) ? this.tag : List.of(), this.gender, this.ageMin,
				this.ageMax, this.city, this.neighborhood, this.healthPlan, this.hasUpcomingAppointment,
				this.noShowRateMin, this.lastVisitBefore, this.lastVisitAfter, this.createdFrom, this.createdTo,
				location(this.near), this.radiusKm, deleted, sort(this.sort), descending(this.order), this.limit,
				this.cursor);
	}

	private static PatientParts.@Nullable Location location(@Nullable String near) {
		if (near == null || near.isBlank()) {
			return null;
		}
		String[] parts = near.split(",");
		try {
			if (parts.length != 2) {
				throw new IllegalArgumentException();
			}
			double lat = Double.parseDouble(parts[0].trim());
			double lon = Double.parseDouble(parts[1].trim());
			if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
				throw new IllegalArgumentException();
			}
			return new PatientParts.Location(lat, lon);
		}
		catch (IllegalArgumentException ex) {
			throw InvalidRequest.field("near", "must be lat,lon in degrees, such as -23.55,-46.63");
		}
	}

	private static PatientQuery.@Nullable Sort sort(@Nullable String sort) {
		if (sort == null || sort.isBlank()) {
			return null;
		}
		return switch (sort.trim()) {
			case "relevance" -> PatientQuery.Sort.RELEVANCE;
			case "name" -> PatientQuery.Sort.NAME;
			case "createdAt" -> PatientQuery.Sort.CREATED_AT;
			case "lastVisitAt" -> PatientQuery.Sort.LAST_VISIT_AT;
			default -> throw InvalidRequest.field("sort", "must be one of relevance, name, createdAt, lastVisitAt");
		};
	}

	private static boolean descending(@Nullable String order) {
		if (order == null || order.isBlank() || order.equalsIgnoreCase("asc")) {
			return false;
		}
		if (order.equalsIgnoreCase("desc")) {
			return true;
		}
		throw InvalidRequest.field("order", "must be asc or desc");
	}

}
