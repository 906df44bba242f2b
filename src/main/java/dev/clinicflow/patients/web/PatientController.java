package dev.clinicflow.patients.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import tools.jackson.databind.JsonNode;

import dev.clinicflow.patients.BulkPatients;
import dev.clinicflow.patients.BulkResult;
import dev.clinicflow.patients.PatientInput;
import dev.clinicflow.patients.PatientRegistry;
import dev.clinicflow.patients.PatientSearch;
import dev.clinicflow.patients.PatientStatistics;
import dev.clinicflow.patients.PatientStats;
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

	private final PatientStatistics statistics;

	PatientController(PatientRegistry registry, PatientSearch search, BulkPatients bulk, PatientStatistics statistics) {
		this.registry = registry;
		this.search = search;
		this.bulk = bulk;
		this.statistics = statistics;
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
					+ "phone (any format, or its last 8 digits) and e-mail; results are ranked by relevance. "
					+ "Filters combine; `tag` may repeat.")
	CursorPage<PatientView> search(@ParameterObject PatientSearchParams params) {
		return this.search.search(params.query());
	}

	@GetMapping("/stats")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF', 'DOCTOR')")
	@Operation(summary = "Quick statistics of the patients the filters select (ADMIN, STAFF, DOCTOR)",
			description = "Takes the same filters as the search; order and page parameters are ignored.")
	PatientStats stats(@ParameterObject PatientSearchParams params) {
		return this.statistics.compute(params.query());
	}

	/** Deleted records are shown to administrators only. */
	static boolean adminOnly(boolean includeDeleted) {
		if (includeDeleted && !CurrentActor.hasRole("ADMIN")) {
			throw InvalidRequest.field("includeDeleted", "is only for administrators");
		}
		return includeDeleted;
	}

	/**
	 * The body of a bulk creation.
	 *
	 * @param items the patients, each a patient record as for a single creation
	 */
	record BulkRequest(@jakarta.validation.constraints.NotNull List<JsonNode> items) {
	}

}
