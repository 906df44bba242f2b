package dev.clinicflow.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One recorded action, as the audit endpoint returns it.
 *
 * @param id the record's id
 * @param at when it happened
 * @param actorId who acted
 * @param action what happened
 * @param entityType the kind of record acted on
 * @param entityId the record acted on
 * @param outcome how it ended
 * @param requestId the HTTP request it came from
 * @param clientIp the client's address
 * @param details recorded facts
 */
public record AuditRecord(UUID id, Instant at, @Nullable UUID actorId, String action, @Nullable String entityType,
		@Nullable UUID entityId, AuditOutcome outcome, @Nullable String requestId, @Nullable String clientIp,
		Map<String, Object> details) {
}
