package dev.clinicflow.scheduling.web;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import dev.clinicflow.scheduling.AppointmentInput;
import dev.clinicflow.scheduling.AppointmentKind;
import dev.clinicflow.scheduling.AppointmentQuery;
import dev.clinicflow.scheduling.AppointmentSeries;
import dev.clinicflow.scheduling.AppointmentSeries.SeriesView;
import dev.clinicflow.scheduling.AppointmentStatus;
import dev.clinicflow.scheduling.AppointmentView;
import dev.clinicflow.scheduling.Appointments;
import dev.clinicflow.scheduling.SeriesInput;
import dev.clinicflow.shared.CursorPage;
import dev.clinicflow.shared.Versions;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Appointments: booking and the lifecycle SCHEDULED → CONFIRMED → CHECKED_IN → COMPLETED,
 * or CANCELLED / NO_SHOW. Staff act on every appointment; doctors on theirs, drivers on
 * their car's visits, patients on their own.
 */
@RestController
@RequestMapping("/api/v1/appointments")
@Tag(name = "Appointments")
class AppointmentController {

	private static final String ROLES = "hasAnyRole('ADMIN', 'STAFF', 'DOCTOR', 'DRIVER', 'PATIENT')";

	private final Appointments appointments;

	private final AppointmentSeries series;

	AppointmentController(Appointments appointments, AppointmentSeries series) {
		this.appointments = appointments;
		this.series = series;
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF', 'DOCTOR', 'PATIENT')")
	@Operation(summary = "Book an appointment (ADMIN, STAFF; a DOCTOR in their own schedule; a PATIENT for themselves)",
			description = "Give `doctorId` (clinic visit; `start` on the doctor's grid, `type` chooses the length) or "
					+ "`carId` (home collection; `start` is the start of one of the car's windows, the patient's "
					+ "address must lie in one of its zones). The start must be inside the schedule, outside time off "
					+ "and holidays, and not in the past (400 naming `start`).")
	@ApiResponse(responseCode = "201", description = "Booked; `Location` names the appointment")
	@ApiResponse(responseCode = "409",
			description = "`slot_taken` (the doctor is busy) or `patient_busy` (the patient is): "
					+ "`conflictingAppointmentId` names the appointment in the way; `window_full`: the car has no "
					+ "place left in the window (`carId`, `window`)")
	ResponseEntity<AppointmentView> book(@Valid @RequestBody AppointmentInput input) {
		AppointmentView booked = this.appointments.book(input);
		return ResponseEntity.created(URI.create("/api/v1/appointments/" + booked.id()))
			.eTag(Versions.etag(booked.version()))
			.body(booked);
	}

	@PostMapping("/series")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF', 'DOCTOR', 'PATIENT')")
	@Operation(summary = "Book recurring appointments, all or none",
			description = "The first appointment as for a single booking, plus `recurrence`: `frequency` DAILY, "
					+ "WEEKLY or MONTHLY, `interval` (default 1), and `count` (at most 52) or `until` (a day). "
					+ "Occurrences keep the first one's local time in the clinic's time zone. The first occurrence "
					+ "must be valid on its own (400 naming the field).")
	@ApiResponse(responseCode = "201",
			description = "Booked; `Location` lists the series' appointments (`/api/v1/appointments?seriesId=`)")
	@ApiResponse(responseCode = "400",
			description = "An invalid field, or `recurrence.count` / `recurrence.until` (neither or both given, "
					+ "more than 52 appointments)")
	@ApiResponse(responseCode = "409",
			description = "`series_conflict`: nothing was booked; `conflicts` lists each date that cannot be, "
					+ "with its `code` (`unavailable`, `slot_taken`, `patient_busy`, `window_full`, "
					+ "`overlaps_series`) and the `conflictingAppointmentId` when there is one")
	ResponseEntity<SeriesView> bookSeries(@Valid @RequestBody SeriesInput input) {
		SeriesView series = this.series.book(input);
		return ResponseEntity.created(URI.create("/api/v1/appointments?seriesId=" + series.seriesId())).body(series);
	}

	@GetMapping
	@PreAuthorize(ROLES)
	@Operation(summary = "List appointments in start order",
			description = "Filters combine. Doctors see their own appointments, drivers their car's visits, "
					+ "patients their own.")
	CursorPage<AppointmentView> list(@RequestParam(required = false) @Nullable UUID patientId,
			@RequestParam(required = false) @Nullable UUID doctorId,
			@RequestParam(required = false) @Nullable UUID carId,
			@RequestParam(required = false) @Nullable AppointmentStatus status,
			@RequestParam(required = false) @Nullable AppointmentKind kind,
			@Parameter(description = "Of one recurring series") @RequestParam(required = false) @Nullable UUID seriesId,
			@Parameter(description = "start at or after (an instant)") @RequestParam(
					required = false) @Nullable Instant from,
			@Parameter(description = "start before (an instant)") @RequestParam(required = false) @Nullable Instant to,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return this.appointments
			.list(new AppointmentQuery(patientId, doctorId, carId, status, kind, seriesId, from, to, limit, cursor));
	}

	@GetMapping("/{id}")
	@PreAuthorize(ROLES)
	@Operation(summary = "Read an appointment")
	ResponseEntity<AppointmentView> read(@PathVariable UUID id) {
		AppointmentView appointment = this.appointments.get(id);
		return ResponseEntity.ok().eTag(Versions.etag(appointment.version())).body(appointment);
	}

	@PatchMapping("/{id}/confirm")
	@PreAuthorize(ROLES)
	@Operation(summary = "Confirm (SCHEDULED → CONFIRMED; staff, the doctor, the patient)")
	@ApiResponse(responseCode = "409", description = "`invalid_transition`, with `currentStatus`")
	AppointmentView confirm(@PathVariable UUID id) {
		return this.appointments.transition(id, AppointmentStatus.CONFIRMED, null);
	}

	@PatchMapping("/{id}/check-in")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF', 'DOCTOR', 'DRIVER')")
	@Operation(summary = "Check in (SCHEDULED or CONFIRMED → CHECKED_IN; staff, the doctor, the car's driver)")
	@ApiResponse(responseCode = "409", description = "`invalid_transition`, with `currentStatus`")
	AppointmentView checkIn(@PathVariable UUID id) {
		return this.appointments.transition(id, AppointmentStatus.CHECKED_IN, null);
	}

	@PatchMapping("/{id}/complete")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF', 'DOCTOR', 'DRIVER')")
	@Operation(summary = "Complete (CHECKED_IN → COMPLETED; staff, the doctor, the car's driver)")
	@ApiResponse(responseCode = "409", description = "`invalid_transition`, with `currentStatus`")
	AppointmentView complete(@PathVariable UUID id) {
		return this.appointments.transition(id, AppointmentStatus.COMPLETED, null);
	}

	@PatchMapping("/{id}/cancel")
	@PreAuthorize(ROLES)
	@Operation(summary = "Cancel with a reason (SCHEDULED or CONFIRMED → CANCELLED; frees the slot)",
			description = "PATIENT users may cancel their own appointments up to the clinic's cutoff before the "
					+ "start (`GET /api/v1/scheduling/settings`).")
	@ApiResponse(responseCode = "409",
			description = "`invalid_transition` (with `currentStatus`) or `cancellation_cutoff` (patients)")
	AppointmentView cancel(@PathVariable UUID id, @Valid @RequestBody(required = false) @Nullable Cancel request) {
		return this.appointments.transition(id, AppointmentStatus.CANCELLED,
				(request != null) ? request.reason() : null);
	}

	@PatchMapping("/{id}/no-show")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF', 'DOCTOR', 'DRIVER')")
	@Operation(summary = "Mark a no-show (SCHEDULED or CONFIRMED → NO_SHOW, once it has started; frees the slot)")
	@ApiResponse(responseCode = "409",
			description = "`invalid_transition` (with `currentStatus`) or `not_started` (before the start)")
	AppointmentView noShow(@PathVariable UUID id) {
		return this.appointments.transition(id, AppointmentStatus.NO_SHOW, null);
	}

	@PatchMapping("/{id}/reschedule")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF', 'DOCTOR')")
	@Operation(summary = "Move to another start with the same doctor or car, atomically",
			description = "The new slot is taken and the old one freed in one transaction, or nothing changes. The "
					+ "appointment becomes SCHEDULED again (a new time needs a new confirmation).")
	@ApiResponse(responseCode = "409",
			description = "`slot_taken`, `patient_busy` (with `conflictingAppointmentId`), `window_full`, or "
					+ "`invalid_transition` when the appointment is no longer open")
	AppointmentView reschedule(@PathVariable UUID id, @Valid @RequestBody Reschedule request) {
		return this.appointments.reschedule(id, request.start());
	}

	/**
	 * Why an appointment is called off.
	 *
	 * @param reason the reason
	 */
	record Cancel(@Nullable @Size(max = 1000) String reason) {
	}

	/**
	 * The new start.
	 *
	 * @param start when the appointment starts now
	 */
	record Reschedule(@NotNull Instant start) {
	}

}
