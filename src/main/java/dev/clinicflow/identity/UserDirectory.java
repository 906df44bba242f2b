package dev.clinicflow.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.clinicflow.audit.AuditEntry;
import dev.clinicflow.audit.AuditLog;
import dev.clinicflow.shared.CurrentActor;
import dev.clinicflow.shared.CurrentTenant;
import dev.clinicflow.shared.CursorPage;
import dev.clinicflow.shared.InvalidRequest;
import dev.clinicflow.shared.PhoneNumbers;
import dev.clinicflow.shared.ResourceNotFound;
import dev.clinicflow.shared.Versions;
import dev.clinicflow.shared.database.SqlErrors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users of the current tenant: administration by ADMINs and each user's own profile.
 */
@Service
public class UserDirectory {

	static final Duration INVITE_TTL = Duration.ofDays(7);

	/** Users as clients see them, with whether a photo exists, in one query. */
	private static final String SELECT_VIEWS = """
			select u.id, u.email, u.name, u.phone, u.role, u.active, u.locale, u.must_change_password,
			       exists (select 1 from identity.user_photos p where p.tenant_id = u.tenant_id and p.user_id = u.id) as has_photo,
			       u.created_at, u.updated_at, u.version
			from identity.users u
			""";

	private final SecureRandom random = new SecureRandom();

	private final Users users;

	private final Tenants tenants;

	private final Passwords passwords;

	private final RefreshTokens refreshTokens;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	UserDirectory(Users users, Tenants tenants, Passwords passwords, RefreshTokens refreshTokens, AuditLog audit,
			JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.users = users;
		this.tenants = tenants;
		this.passwords = passwords;
		this.refreshTokens = refreshTokens;
		this.audit = audit;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Creates a staff user.
	 * @param command the new user
	 * @return the user, and the invitation token when no temporary password was given
	 */
	@Transactional
	public UserRequests.Created create(UserRequests.Create command) {
		if (command.role() == Role.PATIENT) {
			throw InvalidRequest.field("role", "must be ADMIN, STAFF, DOCTOR or DRIVER (patients sign up themselves)");
		}
		UUID tenantId = CurrentTenant.require().value();
		String email = command.email().trim();
		String phone = phone(command.phone());
		Instant now = this.clock.instant();
		String inviteToken = null;
		User user;
		if (command.temporaryPassword() != null) {
			String hash = this.passwords.hash("temporaryPassword", command.temporaryPassword(), email);
			user = User.withPassword(tenantId, email, command.name().trim(), phone, command.role(), hash, true, now);
		}
		else {
			byte[] secret = new byte[32];
			this.random.nextBytes(secret);
			inviteToken = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
			user = User.invited(tenantId, email, command.name().trim(), phone, command.role(),
					RefreshTokens.hash(inviteToken), now.plus(INVITE_TTL), now);
		}
		try {
			user = this.users.save(user);
		}
		catch (DataAccessException ex) {
			throw emailTakenOr(ex, email);
		}
		this.audit.record(AuditEntry.success("user.created", "user", user.id())
			.with(Map.of("role", command.role().name(), "invited", inviteToken != null)));
		return new UserRequests.Created(user.view(), inviteToken);
	}

	/**
	 * Lists users, optionally by role and by whether they are active, oldest first.
	 * @param role only this role
	 * @param active only active (or inactive) users
	 * @param limit page size
	 * @param cursor where the page starts
	 * @return one page of users
	 */
	@Transactional(readOnly = true)
	public CursorPage<UserView> list(@Nullable Role role, @Nullable Boolean active, @Nullable Integer limit,
			@Nullable String cursor) {
		int size = CursorPage.limit(limit);
		List<UserView> rows = this.jdbc.sql(SELECT_VIEWS + """
				where (cast(:role as text) is null or u.role = :role)
				  and (cast(:active as boolean) is null or u.active = :active)
				  and (cast(:after as uuid) is null or u.id > :after)
				order by u.id
				limit :limit""")
			.param("role", (role != null) ? role.name() : null)
			.param("active", active)
			.param("after", CursorPage.after(cursor))
			.param("limit", size + 1)
			.query(UserView.class)
			.list();
		return CursorPage.of(rows, size, UserView::id);
	}

	/**
	 * Reads a user of the current tenant.
	 * @param id the user
	 * @return the user
	 */
	@Transactional(readOnly = true)
	public UserView get(UUID id) {
		return this.jdbc.sql(SELECT_VIEWS + "where u.id = ?")
			.param(id)
			.query(UserView.class)
			.optional()
			.orElseThrow(() -> ResourceNotFound.of("user", id));
	}

	/**
	 * Changes a user's role, active state or name.
	 * @param id the user
	 * @param command the changes
	 * @param ifMatch the version the client last saw, if it sent one
	 * @return the user
	 */
	@Transactional
	public UserView update(UUID id, UserRequests.Update command, @Nullable String ifMatch) {
		User user = load(id);
		Versions.checkIfMatch(ifMatch, "user", user.version());
		boolean self = id.equals(CurrentActor.requireUserId());
		if (self && ((command.role() != null && command.role() != Role.ADMIN)
				|| Boolean.FALSE.equals(command.active()))) {
			throw AccountException.ownAccess();
		}
		Instant now = this.clock.instant();
		if (command.role() != null && command.role() != user.role()) {
			if (command.role() == Role.PATIENT || user.role() == Role.PATIENT) {
				throw InvalidRequest.field("role", "cannot turn staff into patients or patients into staff");
			}
			this.audit.record(AuditEntry.success("user.role_changed", "user", id)
				.with(Map.of("from", user.role().name(), "to", command.role().name())));
			user.changeRole(command.role(), now);
		}
		if (command.name() != null) {
			user.rename(command.name().trim(), now);
		}
		if (command.active() != null && command.active() != user.active()) {
			user.setActive(command.active(), now);
			this.audit.record(AuditEntry.success(command.active() ? "user.activated" : "user.deactivated", "user", id));
			if (!command.active()) {
				this.refreshTokens.revokeAllOf(id, now);
				this.events.publishEvent(new UserDeactivated(user.tenantId(), id));
			}
		}
		this.audit.record(AuditEntry.success("user.updated", "user", id));
		return this.users.save(user).withPhotoFlag(this.users.hasPhoto(id)).view();
	}

	/**
	 * Changes the authenticated user's own profile.
	 * @param command the changes
	 * @param ifMatch the version the client last saw, if it sent one
	 * @return the user
	 */
	@Transactional
	public UserView updateMe(UserRequests.UpdateMe command, @Nullable String ifMatch) {
		UUID id = CurrentActor.requireUserId();
		User user = load(id);
		Versions.checkIfMatch(ifMatch, "user", user.version());
		Instant now = this.clock.instant();
		if (command.name() != null) {
			user.rename(command.name().trim(), now);
		}
		if (command.phone() != null) {
			user.changePhone(command.phone().isBlank() ? null : phone(command.phone()), now);
		}
		if (command.locale() != null) {
			user.changeLocale(command.locale().isBlank() ? null : Registrations.locale(command.locale()), now);
		}
		if (command.newPassword() != null) {
			if (command.currentPassword() == null || user.passwordHash() == null
					|| !this.passwords.matches(command.currentPassword(), user.passwordHash())) {
				throw InvalidRequest.field("currentPassword", "is not your current password");
			}
			user.changePassword(this.passwords.hash("newPassword", command.newPassword(), user.email()), now);
			this.refreshTokens.revokeAllOf(id, now);
			this.audit.record(AuditEntry.success("user.password_changed", "user", id));
		}
		else if (command.currentPassword() != null) {
			throw InvalidRequest.field("newPassword", "is required when currentPassword is given");
		}
		this.audit.record(AuditEntry.success("user.updated", "user", id));
		return this.users.save(user).withPhotoFlag(this.users.hasPhoto(id)).view();
	}

	User load(UUID id) {
		return this.users.findById(id)
			.map((user) -> user.withPhotoFlag(this.users.hasPhoto(id)))
			.orElseThrow(() -> ResourceNotFound.of("user", id));
	}

	private @Nullable String phone(@Nullable String typed) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		String locale = this.tenants.findById(CurrentTenant.require().value()).orElseThrow().locale();
		return PhoneNumbers.toE164(typed, locale)
			.orElseThrow(() -> InvalidRequest.field("phone", "is not a valid phone number"));
	}

	static RuntimeException emailTakenOr(DataAccessException ex, String email) {
		if (SqlErrors.violatedConstraint(ex, SqlErrors.UNIQUE_VIOLATION)
			.filter("users_tenant_email_key"::equals)
			.isPresent()) {
			return AccountException.emailTaken(email);
		}
		return ex;
	}

}
