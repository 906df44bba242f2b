package dev.clinicflow.audit;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Filters for reading the audit trail; every filter is optional.
 *
 * @param entityType the kind of record
 * @param entityId the record
 * @param actorId who acted
 * @param from earliest time, inclusive
 * @param to latest time, exclusive
 * @param limit page size, at most 200
 * @param cursor where the page starts
 */
public record AuditQuery(@Nullable String entityType, @Nullable UUID entityId, @Nullable UUID actorId,
		@Nullable Instant from, @Nullable Instant to, @Nullable Integer limit, @Nullable String cursor) {
}
