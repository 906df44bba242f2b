package dev.clinicflow.patients.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import dev.clinicflow.patients.DuplicateCandidate;
import dev.clinicflow.patients.PatientAnonymizer;
import dev.clinicflow.patients.PatientExport;
import dev.clinicflow.patients.PatientMerges;
import dev.clinicflow.patients.PatientProfile;
import dev.clinicflow.patients.PatientProfiles;
import dev.clinicflow.patients.PatientSummary;
import dev.clinicflow.patients.PatientView;
import dev.clinicflow.shared.Versions;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A patient beyond the record: profile, summary, duplicates and merge, and the privacy
 * operations (export, anonymisation). Every read is audited.
 */
@RestController
@RequestMapping("/api/v1/patients/{id}")
@Tag(name = "Patients")
class PatientInsightsController {

	private final PatientProfiles profiles;

	private final PatientMerges merges;

	private final PatientAnonymizer anonymizer;

	PatientInsightsController(PatientProfiles profiles, PatientMerges merges, PatientAnonymizer anonymizer) {
		this.profiles = profiles;
		this.merges = merges;
		this.anonymizer = anonymizer;
	}

	@GetMapping("/profile")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF', 'DOCTOR')")
	@Operation(summary = "The complete profile: the record and every module's section (ADMIN, STAFF, DOCTOR)")
	PatientProfile profile(@PathVariable UUID id) {
		return this.profiles.profile(id);
	}

	@GetMapping("/summary")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF', 'DOCTOR')")
	@Operation(summary = "A short plain-language summary built from the record (ADMIN, STAFF, DOCTOR)")
	PatientSummary summary(@PathVariable UUID id) {
		return this.profiles.summary(id);
	}

	@GetMapping("/duplicates")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
	@Operation(summary = "Records that may describe the same person, with a score and reasons (ADMIN, STAFF)")
	List<DuplicateCandidate> duplicates(@PathVariable UUID id) {
		return this.merges.duplicates(id);
	}

	@PostMapping("/merge")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
	@Operation(summary = "Merge another record (sourceId) into this one, in one transaction (ADMIN, STAFF)")
	@ApiResponse(responseCode = "200", description = "The surviving record")
	@ApiResponse(responseCode = "409",
			description = "`cpf_mismatch`: the records have different CPFs; `appointments_overlap`: both records hold "
					+ "overlapping appointments (`sourceAppointmentId`, `targetAppointmentId`), cancel one first")
	ResponseEntity<PatientView> merge(@PathVariable UUID id, @Valid @RequestBody MergeRequest request) {
		PatientView survivor = this.merges.merge(id, request.sourceId());
		return ResponseEntity.ok().eTag(Versions.etag(survivor.version())).body(survivor);
	}

	@GetMapping("/export")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
	@Operation(summary = "Everything stored about the patient, as one document (data-subject access; ADMIN, STAFF)")
	PatientExport export(@PathVariable UUID id) {
		return this.profiles.export(id);
	}

	@PostMapping("/anonymize")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Irreversibly remove what identifies the patient, keeping aggregates (ADMIN)")
	@ApiResponse(responseCode = "200", description = "The anonymised record")
	@ApiResponse(responseCode = "409", description = "`already_anonymized`")
	PatientView anonymize(@PathVariable UUID id) {
		return this.anonymizer.anonymize(id);
	}

	/**
	 * Which record to merge into this one.
	 *
	 * @param sourceId the record that is merged away
	 */
	record MergeRequest(@NotNull UUID sourceId) {
	}

}
