package dev.clinicflow.shared.web;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.clinicflow.shared.CurrentTenant;
import dev.clinicflow.shared.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stored side of {@link IdempotencyFilter}: one row per key, claimed before the
 * request runs (so that concurrent retries cannot both run) and completed with the
 * response afterwards.
 */
@Component
class IdempotencyKeys {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	IdempotencyKeys(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Claims a key for a new request, or returns what an earlier request with it stored.
	 */
	Optional<Stored> claim(Scope scope, byte[] requestHash) {
		return CurrentTenant.call(scope.tenant(), () -> this.transactions.execute((tx) -> {
			int claimed = this.jdbc.sql("""
					insert into shared.idempotency_keys (tenant_id, user_id, key, request_hash, created_at)
					values (?, ?, ?, ?, ?) on conflict do nothing""")
				.params(scope.tenant().value(), scope.user(), scope.key(), requestHash,
						java.sql.Timestamp.from(this.clock.instant()))
				.update();
			if (claimed == 1) {
				return Optional.<Stored>empty();
			}
			return this.jdbc.sql("""
					select request_hash, status, content_type, location, etag, body from shared.idempotency_keys
					where tenant_id = ? and user_id = ? and key = ?""")
				.params(scope.tenant().value(), scope.user(), scope.key())
				.query((row, n) -> new Stored(row.getBytes(1), (Integer) row.getObject(2), row.getString(3),
						row.getString(4), row.getString(5), row.getBytes(6)))
				.optional();
		}));
	}

	void complete(Scope scope, Stored response) {
		CurrentTenant.run(scope.tenant(), () -> this.transactions.executeWithoutResult((tx) -> this.jdbc.sql("""
				update shared.idempotency_keys set status = ?, content_type = ?, location = ?, etag = ?, body = ?
				where tenant_id = ? and user_id = ? and key = ?""")
			.params(response.status(), response.contentType(), response.location(), response.etag(), response.body(),
					scope.tenant().value(), scope.user(), scope.key())
			.update()));
	}

	/** Forgets a claim whose request failed on our side, so that the client can retry. */
	void release(Scope scope) {
		CurrentTenant.run(scope.tenant(),
				() -> this.transactions.executeWithoutResult((tx) -> this.jdbc
					.sql("delete from shared.idempotency_keys where tenant_id = ? and user_id = ? and key = ?")
					.params(scope.tenant().value(), scope.user(), scope.key())
					.update()));
	}

	record Scope(TenantId tenant, UUID user, String key) {
	}

	record Stored(byte[] requestHash, @Nullable Integer status, @Nullable String contentType, @Nullable String location,
			@Nullable String etag, byte @Nullable [] body) {
	}

}
