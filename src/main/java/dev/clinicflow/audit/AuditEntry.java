package dev.clinicflow.audit;

import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What to record about one action. Actor, time, request id and client address are filled
 * in from the current request.
 *
 * @param action what happened, as {@code module.verb}, such as {@code user.created}
 * @param entityType the kind of record acted on, such as {@code user}
 * @param entityId the record acted on
 * @param outcome how it ended
 * @param actorId who acted, when not the authenticated user (a login, say)
 * @param details a few non-sensitive facts (never passwords or clinical content)
 */
public record AuditEntry(String action, @Nullable String entityType, @Nullable UUID entityId, AuditOutcome outcome,
		@Nullable UUID actorId, Map<String, Object> details) {

	/**
	 * A successful action on a record by the authenticated user.
	 * @param action the action
	 * @param entityType the kind of record
	 * @param entityId the record
	 * @return the entry
	 */
	public static AuditEntry success(String action, String entityType, UUID entityId) {
		return new AuditEntry(action, entityType, entityId, AuditOutcome.SUCCESS, null, Map.of());
	}

	/**
	 * Returns this entry naming who acted.
	 * @param actor the acting user
	 * @return the entry
	 */
	public AuditEntry by(@Nullable UUID actor) {
		return new AuditEntry(this.action, this.entityType, this.entityId, this.outcome, actor, this.details);
	}

	/**
	 * Returns this entry with facts added.
	 * @param facts the facts
	 * @return the entry
	 */
	public AuditEntry with(Map<String, Object> facts) {
		return new AuditEntry(this.action, this.entityType, this.entityId, this.outcome, this.actorId, facts);
	}

	/**
	 * Returns this entry with another outcome.
	 * @param result the outcome
	 * @return the entry
	 */
	public AuditEntry outcome(AuditOutcome result) {
		return new AuditEntry(this.action, this.entityType, this.entityId, result, this.actorId, this.details);
	}

}
