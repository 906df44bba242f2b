package dev.clinicflow.identity;

import java.util.UUID;

/**
 * A patient created their own account; the patient registry links it to a patient record.
 *
 * @param tenantId the tenant
 * @param userId the new PATIENT user
 * @param name the name given
 * @param email the e-mail given
 * @param phone the phone number, in E.164
 */
public record PatientAccountCreated(UUID tenantId, UUID userId, String name, String email, String phone) {
}
