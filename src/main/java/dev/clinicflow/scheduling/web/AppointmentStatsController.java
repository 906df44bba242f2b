package dev.clinicflow.scheduling.web;

import java.time.LocalDate;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import dev.clinicflow.scheduling.AppointmentStatistics;
import dev.clinicflow.scheduling.AppointmentStatistics.DaySchedule;
import dev.clinicflow.scheduling.AppointmentStatistics.DoctorStats;
import dev.clinicflow.scheduling.AppointmentStatistics.Period;
import dev.clinicflow.scheduling.AppointmentStatistics.RangeStats;
import dev.clinicflow.shared.InvalidRequest;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Appointment statistics and the day's schedule, computed by the database in the clinic's
 * time zone.
 */
@RestController
@Tag(name = "Appointment statistics")
class AppointmentStatsController {

	private final AppointmentStatistics statistics;

	AppointmentStatsController(AppointmentStatistics statistics) {
		this.statistics = statistics;
	}

	@GetMapping("/api/v1/appointments/stats/doctor/{id}")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF', 'DOCTOR')")
	@Operation(summary = "A doctor's latest periods with appointments, most recent first (ADMIN, STAFF; a DOCTOR "
			+ "their own)", description = "Per period: total and counts by status.")
	@ApiResponse(responseCode = "400", description = "`groupBy` or `limit` is invalid")
	@ApiResponse(responseCode = "403", description = "A DOCTOR asked about another doctor")
	@ApiResponse(responseCode = "404", description = "No such doctor")
	DoctorStats doctor(@PathVariable UUID id,
			@Parameter(description = "month (default), week or day") @RequestParam(
					defaultValue = "month") String groupBy,
			@Parameter(description = "How many periods, 1-100 (default 10)") @RequestParam(
					required = false) @Nullable Integer limit) {
		return this.statistics.forDoctor(id, period(groupBy), limit);
	}

	@GetMapping("/api/v1/appointments/stats")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
	@Operation(summary = "Appointment counts per period over a range of days (ADMIN, STAFF)",
			description = "For the whole clinic, or one doctor or car (`resourceId`). Totals over the range and "
					+ "one bucket per period that has appointments. The range defaults to the last 30 days and "
					+ "may span up to 731 days.")
	@ApiResponse(responseCode = "400", description = "`groupBy`, `from` or `to` is invalid")
	@ApiResponse(responseCode = "404", description = "No such doctor or car")
	RangeStats range(@RequestParam(required = false) @Nullable UUID resourceId,
			@Parameter(description = "day (default), week or month") @RequestParam(defaultValue = "day") String groupBy,
			@Parameter(description = "First day (YYYY-MM-DD)") @RequestParam(required = false) @Nullable LocalDate from,
			@Parameter(description = "Last day, included") @RequestParam(required = false) @Nullable LocalDate to) {
		return this.statistics.over(resourceId, period(groupBy), from, to);
	}

	@GetMapping("/api/v1/dashboard/appointments")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF', 'DOCTOR', 'DRIVER')")
	@Operation(summary = "The day's appointments by doctor and car, in start order",
			description = "With each patient's name and confirmation status. Doctors see their own day, drivers "
					+ "their car's.")
	@ApiResponse(responseCode = "400", description = "`date` is neither `today` nor a date")
	DaySchedule day(@Parameter(description = "`today` (default) or YYYY-MM-DD") @RequestParam(
			defaultValue = "today") String date) {
		if (date.equalsIgnoreCase("today")) {
			return this.statistics.day(null);
		}
		try {
			return this.statistics.day(LocalDate.parse(date));
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw InvalidRequest.field("date", "must be today or a date YYYY-MM-DD");
		}
	}

	private static Period period(String groupBy) {
		try {
			return Period.valueOf(groupBy.trim().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw InvalidRequest.field("groupBy", "must be day, week or month");
		}
	}

}
