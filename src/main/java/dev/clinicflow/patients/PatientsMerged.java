package dev.clinicflow.patients;

import java.util.UUID;

/**
 * Two records of one person became one: {@code source} now points to {@code target}.
 *
 * @param tenantId the tenant
 * @param sourceId the record merged away
 * @param targetId the surviving record
 */
public record PatientsMerged(UUID tenantId, UUID sourceId, UUID targetId) {
}
