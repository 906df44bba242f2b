package dev.clinicflow.shared;

import java.util.UUID;

/**
 * An authenticated user was refused an operation their role does not allow. The audit
 * module records it.
 *
 * @param tenant the user's tenant
 * @param userId the user
 * @param method the HTTP method
 * @param path the request path
 */
public record AccessDenied(TenantId tenant, UUID userId, String method, String path) {
}
