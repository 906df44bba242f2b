package dev.clinicflow.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.clinicflow.shared.CurrentActor;
import dev.clinicflow.shared.CurrentTenant;
import dev.clinicflow.shared.CursorPage;
import dev.clinicflow.shared.Ids;
import dev.clinicflow.shared.RequestContext;
import dev.clinicflow.shared.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records actions in the audit trail. {@link #record} joins the caller's transaction, so
 * an action and its audit row land together or not at all; {@link #recordOnItsOwn}
 * commits independently, for attempts that fail (a wrong password) and leave nothing else
 * to commit.
 */
@Service
public class AuditLog {

	private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final TransactionTemplate independent;

	AuditLog(JdbcClient jdbc, JsonMapper json, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.independent = new TransactionTemplate(transactions);
		this.independent.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Records an action of the current tenant inside the caller's transaction.
	 * @param entry what happened
	 */
	@Transactional
	public void record(AuditEntry entry) {
		insert(CurrentTenant.require(), entry);
	}

	/**
	 * Records many actions of the current tenant inside the caller's transaction, with
	 * one statement (a bulk import records one entry per created record).
	 * @param entries what happened
	 */
	@Transactional
	public void recordAll(List<AuditEntry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		UUID actor = CurrentActor.userId().orElse(null);
		this.jdbc
			.sql("""
					insert into audit.audit_log
					  (tenant_id, id, at, actor_id, action, entity_type, entity_id, outcome, request_id, client_ip, details)
					select :tenant, e.id, :at, coalesce(e.actor_id, :actor), e.action, e.entity_type, e.entity_id, e.outcome,
					       :requestId, cast(:clientIp as inet), cast(e.details as jsonb)
					from unnest(:ids, :actors, :actions, :types, :entityIds, :outcomes, :details)
					  as e(id, actor_id, action, entity_type, entity_id, outcome, details)""")
			.param("tenant", CurrentTenant.require().value())
			.param("at", Timestamp.from(this.clock.instant()))
			.param("actor", actor)
			.param("requestId", RequestContext.requestId().orElse(null))
			.param("clientIp", RequestContext.clientIp().orElse(null))
			.param("ids", entries.stream().map((e) -> Ids.next()).toArray(UUID[]::new))
			.param("actors", entries.stream().map(AuditEntry::actorId).toArray(UUID[]::new))
			.param("actions", entries.stream().map(AuditEntry::action).toArray(String[]::new))
			.param("types", entries.stream().map(AuditEntry::entityType).toArray(String[]::new))
			.param("entityIds", entries.stream().map(AuditEntry::entityId).toArray(UUID[]::new))
			.param("outcomes", entries.stream().map((e) -> e.outcome().name()).toArray(String[]::new))
			.param("details",
					entries.stream().map((e) -> this.json.writeValueAsString(e.details())).toArray(String[]::new))
			.update();
	}

	/**
	 * Records an action of a tenant in a transaction of its own.
	 * @param tenant the tenant the action belongs to
	 * @param entry what happened
	 */
	public void recordOnItsOwn(TenantId tenant, AuditEntry entry) {
		CurrentTenant.run(tenant, () -> this.independent.executeWithoutResult((tx) -> insert(tenant, entry)));
	}

	private void insert(TenantId tenant, AuditEntry entry) {
		UUID actor = (entry.actorId() != null) ? entry.actorId() : CurrentActor.userId().orElse(null);
		this.jdbc.sql("""
				insert into audit.audit_log
				  (tenant_id, id, at, actor_id, action, entity_type, entity_id, outcome, request_id, client_ip, details)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::inet, ?::jsonb)""")
			.params(tenant.value(), Ids.next(), Timestamp.from(this.clock.instant()), actor, entry.action(),
					entry.entityType(), entry.entityId(), entry.outcome().name(),
					RequestContext.requestId().orElse(null), RequestContext.clientIp().orElse(null),
					this.json.writeValueAsString(entry.details()))
			.update();
	}

	/**
	 * Finds recorded actions of the current tenant, newest first.
	 * @param query the filters and page
	 * @return one page of records
	 */
	@Transactional(readOnly = true)
	public CursorPage<AuditRecord> search(AuditQuery query) {
		int limit = CursorPage.limit(query.limit());
		UUID after = CursorPage.after(query.cursor());
		List<AuditRecord> rows = this.jdbc
			.sql("""
					select id, at, actor_id, action, entity_type, entity_id, outcome, request_id, host(client_ip), details::text
					from audit.audit_log
					where (cast(:entityType as text) is null or entity_type = :entityType)
					  and (cast(:entityId as uuid) is null or entity_id = :entityId)
					  and (cast(:actorId as uuid) is null or actor_id = :actorId)
					  and (cast(:from as timestamptz) is null or at >= :from)
					  and (cast(:to as timestamptz) is null or at < :to)
					  and (cast(:after as uuid) is null or id < :after)
					order by id desc
					limit :limit""")
			.param("entityType", query.entityType())
			.param("entityId", query.entityId())
			.param("actorId", query.actorId())
			.param("from", (query.from() != null) ? Timestamp.from(query.from()) : null)
			.param("to", (query.to() != null) ? Timestamp.from(query.to()) : null)
			.param("after", after)
			.param("limit", limit + 1)
			.query((row, n) -> new AuditRecord(row.getObject(1, UUID.class), row.getTimestamp(2).toInstant(),
					row.getObject(3, UUID.class), row.getString(4), row.getString(5), row.getObject(6, UUID.class),
					AuditOutcome.valueOf(row.getString(7)), row.getString(8), row.getString(9),
					(row.getString(10) != null) ? this.json.readValue(row.getString(10), DETAILS) : Map.of()))
			.list();
		return CursorPage.of(rows, limit, AuditRecord::id);
	}

}
