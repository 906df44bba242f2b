package dev.clinicflow.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.clinicflow.audit.AuditEntry;
import dev.clinicflow.audit.AuditLog;
import dev.clinicflow.audit.AuditOutcome;
import dev.clinicflow.shared.CurrentTenant;
import dev.clinicflow.shared.RequestContext;
import dev.clinicflow.shared.TenantId;
import dev.clinicflow.shared.security.AccessTokens;
import dev.clinicflow.shared.security.SecurityProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Login, refresh and logout. Before authentication the tenant is unknown, so each
 * operation first learns it (from the e-mail or the token), then does its work inside
 * that tenant's transaction, under row-level security.
 */
@Service
public class Sessions {

	private final Users users;

	private final Tenants tenants;

	private final RefreshTokens refreshTokens;

	private final AccessTokens accessTokens;

	private final Passwords passwords;

	private final LoginThrottle throttle;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final SecurityProperties security;

	private final Clock clock;

	Sessions(Users users, Tenants tenants, RefreshTokens refreshTokens, AccessTokens accessTokens, Passwords passwords,
			LoginThrottle throttle, AuditLog audit, JdbcClient jdbc, TransactionTemplate transactions,
			SecurityProperties security, Clock clock) {
		this.users = users;
		this.tenants = tenants;
		this.refreshTokens = refreshTokens;
		this.accessTokens = accessTokens;
		this.passwords = passwords;
		this.throttle = throttle;
		this.audit = audit;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.security = security;
		this.clock = clock;
	}

	/**
	 * Logs a user in.
	 * @param login e-mail, password and, when ambiguous, the tenant
	 * @return the new session
	 */
	public Session login(AuthRequests.Login login) {
		String clientIp = RequestContext.clientIp().orElse("unknown");
		this.throttle.check(login.email(), clientIp);
		List<TenantId> candidates = this.jdbc.sql("select tenant_id, tenant_slug from identity.login_candidates(?)")
			.param(login.email().trim())
			.query((row, n) -> (login.tenant() == null || login.tenant().equals(row.getString(2)))
					? new TenantId(row.getObject(1, UUID.class)) : null)
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.toList();
		if (candidates.isEmpty()) {
			this.passwords.spendDecoy(login.password());
		}
		List<TenantId> matched = candidates.stream().filter((tenant) -> passwordMatches(tenant, login)).toList();
		if (matched.isEmpty()) {
			this.throttle.failed(login.email(), clientIp);
			throw AccountException.invalidCredentials();
		}
		if (matched.size() > 1) {
			throw AccountException.tenantRequired();
		}
		TenantId tenant = matched.getFirst();
		return call(tenant, () -> this.transactions.execute((tx) -> {
			User user = this.users.findByEmail(login.email().trim()).orElseThrow(AccountException::invalidCredentials);
			if (!user.active()) {
				this.audit.record(new AuditEntry("auth.login", "user", user.id(), AuditOutcome.DENIED, user.id(),
						Map.of("reason", "inactive")));
				return null;
			}
			this.audit
				.record(new AuditEntry("auth.login", "user", user.id(), AuditOutcome.SUCCESS, user.id(), Map.of()));
			return open(user, null, this.clock.instant());
		}), AccountException::inactive);
	}

	private boolean passwordMatches(TenantId tenant, AuthRequests.Login login) {
		Optional<User> user = CurrentTenant.call(tenant,
				() -> this.transactions.execute((tx) -> this.users.findByEmail(login.email().trim())));
		if (user.isEmpty() || user.get().passwordHash() == null) {
			this.passwords.spendDecoy(login.password());
			return false;
		}
		boolean matches = this.passwords.matches(login.password(), user.get().passwordHash());
		if (!matches) {
			this.audit.recordOnItsOwn(tenant, new AuditEntry("auth.login", "user", user.get().id(),
					AuditOutcome.FAILURE, user.get().id(), Map.of("reason", "wrong_password")));
		}
		return matches;
	}

	/**
	 * Rotates a refresh token: the presented one is spent and a new pair issued. A spent
	 * token presented again revokes its whole family.
	 * @param refresh the presented token
	 * @return the new session
	 */
	public Session refresh(AuthRequests.Refresh refresh) {
		TenantId tenant = this.refreshTokens.tenantOf(refresh.refreshToken())
			.orElseThrow(AccountException::invalidRefreshToken);
		return call(tenant, () -> this.transactions.execute((tx) -> {
			Instant now = this.clock.instant();
			RefreshTokens.Stored token = this.refreshTokens.lock(refresh.refreshToken()).orElse(null);
			if (token == null || token.revoked() || !now.isBefore(token.expiresAt())) {
				return null;
			}
			if (token.rotated()) {
				this.refreshTokens.revokeFamily(token.familyId(), now);
				this.audit.record(new AuditEntry("auth.refresh_reused", "user", token.userId(), AuditOutcome.DENIED,
						token.userId(), Map.of("family", token.familyId().toString())));
				return null;
			}
			User user = this.users.findById(token.userId()).filter(User::active).orElse(null);
			if (user == null) {
				this.refreshTokens.revokeFamily(token.familyId(), now);
				return null;
			}
			this.refreshTokens.markRotated(token.id(), now);
			this.audit
				.record(new AuditEntry("auth.refresh", "user", user.id(), AuditOutcome.SUCCESS, user.id(), Map.of()));
			return open(user, token.familyId(), now);
		}), AccountException::invalidRefreshToken);
	}

	/**
	 * Logs out: revokes the presented token's family. Unknown tokens are ignored.
	 * @param refresh the presented token
	 */
	public void logout(AuthRequests.Refresh refresh) {
		this.refreshTokens.tenantOf(refresh.refreshToken())
			.ifPresent((tenant) -> CurrentTenant.run(tenant, () -> this.transactions.executeWithoutResult((tx) -> {
				this.refreshTokens.lock(refresh.refreshToken()).ifPresent((token) -> {
					this.refreshTokens.revokeFamily(token.familyId(), this.clock.instant());
					this.audit.record(new AuditEntry("auth.logout", "user", token.userId(), AuditOutcome.SUCCESS,
							token.userId(), Map.of()));
				});
			})));
	}

	/** Opens a session for a user; call inside the user's tenant transaction. */
	Session open(User user, @Nullable UUID family, Instant now) {
		Tenant tenant = this.tenants.findById(user.tenantId()).orElseThrow();
		var access = this.accessTokens.issue(user.id(), new TenantId(user.tenantId()), List.of(user.role().name()));
		String refresh = this.refreshTokens.issue(user.tenantId(), user.id(), family, now,
				now.plus(this.security.refreshTokenTtl()));
		user.withPhotoFlag(this.users.hasPhoto(user.id()));
		return new Session(access.value(), refresh, "Bearer", access.expiresIn(), user.view(), tenant.view());
	}

	/**
	 * Returns the session, or throws the given failure when the work refused (returned
	 * null) after committing what it had to record.
	 */
	private static Session orFail(@Nullable Session session, java.util.function.Supplier<AccountException> failure) {
		if (session == null) {
			throw failure.get();
		}
		return session;
	}

	private static Session call(TenantId tenant, java.util.function.Supplier<@Nullable Session> work,
			java.util.function.Supplier<AccountException> failure) {
		return orFail(CurrentTenant.call(tenant, work), failure);
	}

}
