package dev.clinicflow.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.clinicflow.shared.Ids;
import dev.clinicflow.shared.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Opaque refresh tokens, stored only as SHA-256 hashes. Each login starts a family; each
 * refresh rotates the token within it; presenting a token that was already rotated means
 * it was stolen or replayed, and the whole family is revoked.
 */
@Component
class RefreshTokens {

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	RefreshTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Issues a token; call inside the tenant's transaction. */
	String issue(UUID tenantId, UUID userId, @Nullable UUID familyId, Instant now, Instant expiresAt) {
		byte[] secret = new byte[32];
		this.random.nextBytes(secret);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		this.jdbc
			.sql("""
					insert into identity.refresh_tokens (tenant_id, id, family_id, user_id, token_hash, issued_at, expires_at)
					values (?, ?, ?, ?, ?, ?, ?)""")
			.params(tenantId, Ids.next(), (familyId != null) ? familyId : Ids.next(), userId, hash(token),
					Timestamp.from(now), Timestamp.from(expiresAt))
			.update();
		return token;
	}

	/** Finds which tenant a presented token belongs to, before any tenant is known. */
	Optional<TenantId> tenantOf(String token) {
		return this.jdbc.sql("select identity.refresh_token_tenant(?)")
			.param(hash(token))
			.query(UUID.class)
			.optional()
			.map(TenantId::new);
	}

	/**
	 * Locks and returns a presented token's row; call inside its tenant's transaction.
	 */
	Optional<Stored> lock(String token) {
		return this.jdbc.sql("""
				select id, family_id, user_id, expires_at, rotated_at, revoked_at
				from identity.refresh_tokens where token_hash = ? for update""")
			.param(hash(token))
			.query((row, n) -> new Stored(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
					row.getObject(3, UUID.class), row.getTimestamp(4).toInstant(), row.getTimestamp(5) != null,
					row.getTimestamp(6) != null))
			.optional();
	}

	void markRotated(UUID id, Instant now) {
		this.jdbc.sql("update identity.refresh_tokens set rotated_at = ? where id = ?")
			.params(Timestamp.from(now), id)
			.update();
	}

	void revokeFamily(UUID familyId, Instant now) {
		this.jdbc.sql("update identity.refresh_tokens set revoked_at = ? where family_id = ? and revoked_at is null")
			.params(Timestamp.from(now), familyId)
			.update();
	}

	void revokeAllOf(UUID userId, Instant now) {
		this.jdbc.sql("update identity.refresh_tokens set revoked_at = ? where user_id = ? and revoked_at is null")
			.params(Timestamp.from(now), userId)
			.update();
	}

	static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Stored(UUID id, UUID familyId, UUID userId, Instant expiresAt, boolean rotated, boolean revoked) {
	}

}
