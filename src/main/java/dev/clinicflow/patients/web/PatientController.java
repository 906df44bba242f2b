package dev.clinicflow.patients.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.clinicflow.patients.BulkPatients;
import dev.clinicflow.patients.BulkResult;
import dev.clinicflow.patients.Gender;
import dev.clinicflow.patients.PatientInput;
import dev.clinicflow.patients.PatientParts;
import dev.clinicflow.patients.PatientQuery;
import dev.clinicflow.patients.PatientRegistry;
import dev.clinicflow.patients.PatientSearch;
import dev.clinicflow.patients.PatientView;
import dev.clinicflow.shared.CurrentActor;
import dev.clinicflow.shared.CursorPage;
import dev.clinicflow.shared.InvalidRequest;
import dev.clinicflow.shared.Versions;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
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
 * The patient registry: records, search and bulk creation.
 */
@RestController
@RequestMapping("/api/v1/patients")
@Tag(name = "Patients")
class PatientController {

	private final PatientRegistry registry;

	private final PatientSearch search;

	private final BulkPatients bulk;

	PatientController(PatientRegistry registry, PatientSearch search, BulkPatients bulk) {
		this.registry = registry;
		this.search = search;
		this.bulk = bulk;
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
	@Operation(summary = "Create a patient (ADMIN, STAFF)")
	@ApiResponse(responseCode = "201", description = "Created")
	@ApiResponse(responseCode = "409", description = "`cpf_taken`: `patientId` names the patient who has this CPF")
	ResponseEntity<PatientView> create(@Valid @RequestBody PatientInput input) {
		PatientView patient = this.registry.create(input);
		return ResponseEntity.created(URI.create("/api/v1/patients/" + patient.id()))
			.eTag(Versions.etag(patient.version()))
			.body(patient);
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF', 'DOCTOR')")
	@Operation(summary = "Read a patient (ADMIN, STAFF, DOCTOR); the read is audited")
	@ApiResponse(responseCode = "200", description = "The record")
	@ApiResponse(responseCode = "308", description = "`patient_merged`: the record now lives at `Location`")
	ResponseEntity<PatientView> read(@PathVariable UUID id,
			@Parameter(description = "ADMIN only: also return a deleted record") @RequestParam(
					defaultValue = "false") boolean includeDeleted) {
		PatientView patient = this.registry.read(id, adminOnly(includeDeleted));
		return ResponseEntity.ok().eTag(Versions.etag(patient.version())).body(patient);
	}

	@PatchMapping(path = "/{id}", consumes = { "application/merge-patch+json", "application/json" })
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
	@Operation(summary = "Change a patient with a JSON merge patch (ADMIN, STAFF)")
	@ApiResponse(responseCode = "409", description = "`cpf_taken`: the new CPF belongs to another patient")
	ResponseEntity<PatientView> patch(@PathVariable UUID id, @RequestBody JsonNode patch,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		PatientView patient = this.registry.patch(id, patch, ifMatch);
		return ResponseEntity.ok().eTag(Versions.etag(patient.version())).body(patient);
	}

	@DeleteMapping("/{id}")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
	@Operation(summary = "Delete a patient softly, keeping who, when and why (ADMIN, STAFF)")
	@ApiResponse(responseCode = "204", description = "Deleted")
	ResponseEntity<Void> delete(@PathVariable UUID id, @RequestParam(required = false) @Nullable String reason) {
		if (reason != null && reason.length() > 500) {
			throw InvalidRequest.field("reason", "must be at most 500 characters");
		}
		this.registry.delete(id, reason);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/restore")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
	@Operation(summary = "Restore a deleted patient (ADMIN, STAFF)")
	@ApiResponse(responseCode = "409", description = "`patient_not_deleted`")
	ResponseEntity<PatientView> restore(@PathVariable UUID id) {
		PatientView patient = this.registry.restore(id);
		return ResponseEntity.ok().eTag(Versions.etag(patient.version())).body(patient);
	}

	@GetMapping("/me")
	@PreAuthorize("hasRole('PATIENT')")
	@Operation(summary = "My own patient record (PATIENT)")
	@ApiResponse(responseCode = "404", description = "`no_patient_record`: the account is not linked yet")
	ResponseEntity<PatientView> mine() {
		PatientView patient = this.registry.mine();
		return ResponseEntity.ok().eTag(Versions.etag(patient.version())).body(patient);
	}

	@PostMapping("/bulk")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
	@Operation(summary = "Create up to 1,000 patients, with a result per item (ADMIN, STAFF)")
	BulkResult bulk(@Valid @RequestBody BulkRequest request) {
		return this.bulk.create(request.items());
	}

	@GetMapping
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF', 'DOCTOR')")
	@Operation(summary = "Search and filter patients (ADMIN, STAFF, DOCTOR)",
			description = "`q` matches names (accent- and case-insensitive, typo-tolerant), CPF (or a prefix of 3+ digits), "
					+ "phone (any format, or its last 8 digits) and e-mail. Filters combine; `tag` may repeat.")
	CursorPage<PatientView> search(@RequestParam(required = false) @Nullable String q,
			@RequestParam(name = "tag", required = false) @Nullable List<String> tags,
			@RequestParam(required = false) @Nullable Gender gender,
			@RequestParam(required = false) @Nullable Integer ageMin,
			@RequestParam(required = false) @Nullable Integer ageMax,
			@RequestParam(required = false) @Nullable String city,
			@RequestParam(required = false) @Nullable String neighborhood,
			@RequestParam(required = false) @Nullable String healthPlan,
			@RequestParam(required = false) @Nullable Boolean hasUpcomingAppointment,
			@RequestParam(required = false) @Nullable Double noShowRateMin,
			@RequestParam(required = false) @Nullable Instant lastVisitBefore,
			@RequestParam(required = false) @Nullable Instant lastVisitAfter,
			@RequestParam(required = false) @Nullable Instant createdFrom,
			@RequestParam(required = false) @Nullable Instant createdTo,
			@Parameter(description = "lat,lon") @RequestParam(required = false) @Nullable String near,
			@RequestParam(required = false) @Nullable Double radiusKm,
			@Parameter(description = "ADMIN only") @RequestParam(defaultValue = "false") boolean includeDeleted,
			@Parameter(description = "relevance, name, createdAt or lastVisitAt") @RequestParam(
					required = false) @Nullable String sort,
			@Parameter(description = "asc or desc") @RequestParam(required = false) @Nullable String order,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return this.search.search(new PatientQuery(q, (tags != null) ? tags : List.of(), gender, ageMin, ageMax, city,
				neighborhood, healthPlan, hasUpcomingAppointment, noShowRateMin, lastVisitBefore, lastVisitAfter,
				createdFrom, createdTo, location(near), radiusKm, adminOnly(includeDeleted), sort(sort),
				descending(order), limit, cursor));
	}

	private static boolean adminOnly(boolean includeDeleted) {
		if (includeDeleted && !CurrentActor.hasRole("ADMIN")) {
			throw InvalidRequest.field("includeDeleted", "is only for administrators");
		}
		return includeDeleted;
	}

	private static PatientParts.@Nullable Location location(@Nullable String near) {
		if (near == null || near.isBlank()) {
			return null;
		}
		String[] parts = near.split(",");
		try {
			double lat = Double.parseDouble(parts[0].trim());
			double lon = Double.parseDouble(parts[1].trim());
			if (parts.length != 2 || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
				throw new IllegalArgumentException();
			}
			return new PatientParts.Location(lat, lon);
		}
		catch (IllegalArgumentException | ArrayIndexOutOfBoundsException ex) {
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

	/**
	 * The body of a bulk creation.
	 *
	 * @param items the patients, each a patient record as for a single creation
	 */
	record BulkRequest(@jakarta.validation.constraints.NotNull List<JsonNode> items) {
	}

}
