package dev.clinicflow.scheduling.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import dev.clinicflow.scheduling.ResourceKind;
import dev.clinicflow.scheduling.TimeOffInput;
import dev.clinicflow.scheduling.TimeOffView;
import dev.clinicflow.scheduling.TimeOffs;
import dev.clinicflow.shared.CursorPage;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Time off of doctors and cars: whole days of the clinic's calendar or an interval
 * between two instants.
 */
@RestController
@Tag(name = "Time off")
class TimeOffController {

	private static final String SHAPES = "Exactly one shape: `{\"date\"}` (one whole day), `{\"from\", \"to\"}` "
			+ "(whole days, both included, at most 366) or `{\"start\", \"end\"}` (instants, end excluded); "
			+ "`reason` is optional. Whole days are days of the clinic's calendar, in its time zone.";

	private final TimeOffs timeOffs;

	TimeOffController(TimeOffs timeOffs) {
		this.timeOffs = timeOffs;
	}

	@PostMapping("/api/v1/doctors/{id}/time-off")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF', 'DOCTOR')")
	@Operation(summary = "Record a doctor's time off (ADMIN, STAFF; DOCTOR for their own)", description = SHAPES)
	ResponseEntity<TimeOffView> addDoctor(@PathVariable UUID id, @Valid @RequestBody TimeOffInput input) {
		return created("doctors", this.timeOffs.add(ResourceKind.DOCTOR, id, input));
	}

	@GetMapping("/api/v1/doctors/{id}/time-off")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF', 'DOCTOR')")
	@Operation(summary = "List a doctor's time off in order of start (ADMIN, STAFF; DOCTOR for their own)")
	CursorPage<TimeOffView> listDoctor(@PathVariable UUID id,
			@Parameter(description = "Entries that overlap this day or later") @RequestParam(
					required = false) @Nullable LocalDate from,
			@Parameter(description = "Entries that overlap this day or earlier") @RequestParam(
					required = false) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return this.timeOffs.list(ResourceKind.DOCTOR, id, from, to, limit, cursor);
	}

	@DeleteMapping("/api/v1/doctors/{id}/time-off/{timeOffId}")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF', 'DOCTOR')")
	@Operation(summary = "Remove a doctor's time off (ADMIN, STAFF; DOCTOR for their own)")
	ResponseEntity<Void> removeDoctor(@PathVariable UUID id, @PathVariable UUID timeOffId) {
		this.timeOffs.remove(ResourceKind.DOCTOR, id, timeOffId);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/cars/{id}/time-off")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
	@Operation(summary = "Record a car's time off (ADMIN, STAFF)", description = SHAPES)
	ResponseEntity<TimeOffView> addCar(@PathVariable UUID id, @Valid @RequestBody TimeOffInput input) {
		return created("cars", this.timeOffs.add(ResourceKind.CAR, id, input));
	}

	@GetMapping("/api/v1/cars/{id}/time-off")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF', 'DOCTOR', 'DRIVER')")
	@Operation(summary = "List a car's time off in order of start (ADMIN, STAFF, DOCTOR, DRIVER)")
	CursorPage<TimeOffView> listCar(@PathVariable UUID id,
			@Parameter(description = "Entries that overlap this day or later") @RequestParam(
					required = false) @Nullable LocalDate from,
			@Parameter(description = "Entries that overlap this day or earlier") @RequestParam(
					required = false) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return this.timeOffs.list(ResourceKind.CAR, id, from, to, limit, cursor);
	}

	@DeleteMapping("/api/v1/cars/{id}/time-off/{timeOffId}")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
	@Operation(summary = "Remove a car's time off (ADMIN, STAFF)")
	ResponseEntity<Void> removeCar(@PathVariable UUID id, @PathVariable UUID timeOffId) {
		this.timeOffs.remove(ResourceKind.CAR, id, timeOffId);
		return ResponseEntity.noContent().build();
	}

	private static ResponseEntity<TimeOffView> created(String collection, TimeOffView entry) {
		return ResponseEntity
			.created(URI.create("/api/v1/" + collection + "/" + entry.resourceId() + "/time-off/" + entry.id()))
			.body(entry);
	}

}
