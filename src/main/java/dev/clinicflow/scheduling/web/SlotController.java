package dev.clinicflow.scheduling.web;

import java.time.LocalDate;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import dev.clinicflow.scheduling.AppointmentKind;
import dev.clinicflow.scheduling.Availability;
import dev.clinicflow.scheduling.Availability.AvailabilityView;
import dev.clinicflow.scheduling.Slots;
import dev.clinicflow.scheduling.Slots.CarWindows;
import dev.clinicflow.scheduling.Slots.DoctorSlots;
import dev.clinicflow.shared.InvalidRequest;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Free times: a doctor's slots, a car's windows, and both across resources on a day. Days
 * are the clinic's, in its time zone; the past, time off and holidays are never offered.
 */
@RestController
@Tag(name = "Availability")
class SlotController {

	private static final String ROLES = "hasAnyRole('ADMIN', 'STAFF', 'DOCTOR', 'DRIVER', 'PATIENT')";

	private final Slots slots;

	private final Availability availability;

	SlotController(Slots slots, Availability availability) {
		this.slots = slots;
		this.availability = availability;
	}

	@GetMapping("/api/v1/doctors/{id}/slots")
	@PreAuthorize(ROLES)
	@Operation(summary = "A doctor's free start times on a day (`date`) or over up to 31 days (`from`, `to`)",
			description = "Slots start every `slotMinutes` from the start of each interval of the weekly schedule "
					+ "and last the appointment type's minutes (`type`), ending inside the interval. Time off, "
					+ "holidays, the past and booked appointments are left out.")
	@ApiResponse(responseCode = "400", description = "`date`, `from`, `to` or `type` is invalid")
	@ApiResponse(responseCode = "404", description = "No such doctor")
	DoctorSlots doctorSlots(@PathVariable UUID id,
			@Parameter(description = "One day, YYYY-MM-DD") @RequestParam(required = false) @Nullable LocalDate date,
			@Parameter(description = "First day, with `to`") @RequestParam(required = false) @Nullable LocalDate from,
			@Parameter(description = "Last day (included), with `from`") @RequestParam(
					required = false) @Nullable LocalDate to,
			@Parameter(description = "Appointment type code; the doctor's slot length when absent") @RequestParam(
					required = false) @Nullable String type) {
		Days days = Days.of(date, from, to);
		return this.slots.doctorSlots(id, days.from(), days.to(), type);
	}

	@GetMapping("/api/v1/cars/{id}/slots")
	@PreAuthorize(ROLES)
	@Operation(summary = "A car's windows on a day (`date`) or over up to 31 days (`from`, `to`)",
			description = "Every window of the weekly schedule that has not started, outside time off and holidays, "
					+ "with the car's capacity, the visits booked and the places remaining (0 when full).")
	@ApiResponse(responseCode = "400", description = "`date`, `from` or `to` is invalid")
	@ApiResponse(responseCode = "404", description = "No such car")
	CarWindows carSlots(@PathVariable UUID id,
			@Parameter(description = "One day, YYYY-MM-DD") @RequestParam(required = false) @Nullable LocalDate date,
			@Parameter(description = "First day, with `to`") @RequestParam(required = false) @Nullable LocalDate from,
			@Parameter(description = "Last day (included), with `from`") @RequestParam(
					required = false) @Nullable LocalDate to) {
		Days days = Days.of(date, from, to);
		return this.slots.carWindows(id, days.from(), days.to());
	}

	@GetMapping("/api/v1/availability")
	@PreAuthorize(ROLES)
	@Operation(summary = "Free times across doctors or cars on a day",
			description = "`kind=HOME_COLLECTION&patientId=`: the windows with places left of every active car "
					+ "whose zones cover the patient's address (a PATIENT asks for themselves). "
					+ "`kind=CLINIC_VISIT[&specialization=][&type=]`: the free slots of every active doctor "
					+ "(of the specialisation, offering the type).")
	@ApiResponse(responseCode = "400",
			description = "`kind`, `date`, `patientId` (missing, unknown, without an address) or `type` is invalid")
	@ApiResponse(responseCode = "403", description = "A PATIENT asked about another patient")
	AvailabilityView availability(@RequestParam AppointmentKind kind, @RequestParam LocalDate date,
			@RequestParam(required = false) @Nullable UUID patientId,
			@RequestParam(required = false) @Nullable String specialization,
			@RequestParam(required = false) @Nullable String type) {
		return this.availability.find(kind, date, patientId, specialization, type);
	}

	/**
	 * The days a request asks about: one {@code date}, or {@code from} and {@code to}.
	 */
	record Days(LocalDate from, LocalDate to) {

		static Days of(@Nullable LocalDate date, @Nullable LocalDate from, @Nullable LocalDate to) {
			if (date != null) {
				if (from != null || to != null) {
					throw InvalidRequest.field("date", "give either date, or from and to");
				}
				return new Days(date, date);
			}
			if (from == null) {
				throw InvalidRequest.field((to == null) ? "date" : "from", "is required");
			}
			if (to == null) {
				throw InvalidRequest.field("to", "is required with from");
			}
			return new Days(from, to);
		}

	}

}
