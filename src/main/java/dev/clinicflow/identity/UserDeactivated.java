package dev.clinicflow.identity;

import java.util.UUID;

/**
 * A user lost access: their refresh tokens are revoked and they cannot log in.
 *
 * @param tenantId the tenant
 * @param userId the user
 */
public record UserDeactivated(UUID tenantId, UUID userId) {
}
