package dev.clinicflow.patients;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.clinicflow.audit.AuditRecord;

/**
 * Everything stored about a patient, as one document: the answer to a data-subject access
 * request (LGPD art. 18, HIPAA right of access).
 *
 * @param exportedAt when the export was made
 * @param patient the record
 * @param sections what other modules store about the patient
 * @param accessTrail who read or changed the record, and when
 */
public record PatientExport(Instant exportedAt, PatientView patient, Map<String, Object> sections,
		List<AuditRecord> accessTrail) {
}
