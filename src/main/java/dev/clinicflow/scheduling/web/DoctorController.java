package dev.clinicflow.scheduling.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.clinicflow.scheduling.DoctorInput;
import dev.clinicflow.scheduling.DoctorListing;
import dev.clinicflow.scheduling.DoctorView;
import dev.clinicflow.scheduling.Doctors;
import dev.clinicflow.shared.CurrentActor;
import dev.clinicflow.shared.CursorPage;
import dev.clinicflow.shared.ResourceNotFound;
import dev.clinicflow.shared.Versions;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Doctors: profiles with specialisations, registration, slot length and appointment
 * types. Patients see active doctors only, and only what they need to choose one.
 */
@RestController
@RequestMapping("/api/v1/doctors")
@Tag(name = "Doctors")
class DoctorController {

	private final Doctors doctors;

	DoctorController(Doctors doctors) {
		this.doctors = doctors;
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
	@Operation(summary = "Create a doctor (ADMIN, STAFF)",
			description = "`userId`, if given, must be an active DOCTOR user of the clinic (400 naming `userId`).")
	@ApiResponse(responseCode = "201", description = "Created; `Location` names the doctor")
	@ApiResponse(responseCode = "409",
			description = "`doctor_profile_exists` (the user has a profile) or `registration_taken`; "
					+ "`existingId` names the other doctor")
	ResponseEntity<DoctorView> create(@Valid @RequestBody DoctorInput input) {
		DoctorView doctor = this.doctors.create(input);
		return ResponseEntity.created(URI.create("/api/v1/doctors/" + doctor.id()))
			.eTag(Versions.etag(doctor.version()))
			.body(doctor);
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF', 'DOCTOR', 'PATIENT')")
	@Operation(summary = "Read a doctor (ADMIN, STAFF, DOCTOR; PATIENT sees an active doctor's listing)")
	@ApiResponse(responseCode = "200",
			description = "The doctor; for PATIENT only id, name, specializations and appointment types",
			content = @Content(schema = @Schema(oneOf = { DoctorView.class, DoctorListing.class })))
	ResponseEntity<Object> read(@PathVariable UUID id) {
		DoctorView doctor = this.doctors.read(id);
		if (CurrentActor.hasRole("PATIENT")) {
			if (!doctor.active()) {
				throw ResourceNotFound.of("doctor", id);
			}
			return ResponseEntity.ok(doctor.listing());
		}
		return ResponseEntity.ok().eTag(Versions.etag(doctor.version())).body(doctor);
	}

	@PatchMapping(path = "/{id}", consumes = { "application/merge-patch+json", "application/json" })
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
	@Operation(summary = "Change a doctor with a JSON merge patch (ADMIN, STAFF)",
			description = "Lists (`specializations`, `appointmentTypes`) are replaced whole; `null` removes an "
					+ "optional member.")
	@ApiResponse(responseCode = "409", description = "`doctor_profile_exists` or `registration_taken`")
	ResponseEntity<DoctorView> patch(@PathVariable UUID id, @RequestBody JsonNode patch,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		DoctorView doctor = this.doctors.patch(id, patch, ifMatch);
		return ResponseEntity.ok().eTag(Versions.etag(doctor.version())).body(doctor);
	}

	@GetMapping
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF', 'DOCTOR', 'PATIENT')")
	@Operation(summary = "List doctors in creation order (ADMIN, STAFF, DOCTOR; PATIENT gets active doctors' listings)")
	@ApiResponse(responseCode = "200", description = "One page",
			content = @Content(schema = @Schema(oneOf = { DoctorPage.class, DoctorListingPage.class })))
	Object list(
			@Parameter(description = "A specialisation the doctor has, ignoring case and accents") @RequestParam(
					required = false) @Nullable String specialization,
			@Parameter(description = "Part of the name, ignoring case and accents") @RequestParam(
					required = false) @Nullable String q,
			@Parameter(
					description = "Only active (true) or inactive (false) doctors; patients see active ones only") @RequestParam(
							required = false) @Nullable Boolean active,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		if (CurrentActor.hasRole("PATIENT")) {
			CursorPage<DoctorView> page = this.doctors.list(specialization, q, true, limit, cursor);
			return new CursorPage<>(page.items().stream().map(DoctorView::listing).toList(), page.nextCursor());
		}
		return this.doctors.list(specialization, q, active, limit, cursor);
	}

	/** A page of doctors, for the OpenAPI document. */
	record DoctorPage(List<DoctorView> items, @Nullable String nextCursor) {
	}

	/** A page of doctor listings, for the OpenAPI document. */
	record DoctorListingPage(List<DoctorListing> items, @Nullable String nextCursor) {
	}

}
