package dev.clinicflow.identity;

import java.text.Normalizer;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.clinicflow.audit.AuditEntry;
import dev.clinicflow.audit.AuditLog;
import dev.clinicflow.shared.CurrentTenant;
import dev.clinicflow.shared.Ids;
import dev.clinicflow.shared.InvalidRequest;
import dev.clinicflow.shared.PhoneNumbers;
import dev.clinicflow.shared.TenantId;
import dev.clinicflow.shared.database.SqlErrors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * New tenants, patients' own accounts, and accepted invitations: the ways a person gets
 * an account without an administrator typing their password.
 */
@Service
public class Registrations {

	static final String DEFAULT_TIMEZONE = "America/Sao_Paulo";

	static final String DEFAULT_LOCALE = "pt-BR";

	private final Tenants tenants;

	private final Users users;

	private final Passwords passwords;

	private final Sessions sessions;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Registrations(Tenants tenants, Users users, Passwords passwords, Sessions sessions, AuditLog audit, JdbcClient jdbc,
			TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
		this.tenants = tenants;
		this.users = users;
		this.passwords = passwords;
		this.sessions = sessions;
		this.audit = audit;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Registers a tenant with its first administrator and logs the administrator in.
	 * @param command the registration
	 * @return the administrator's session
	 */
	public Session register(AuthRequests.Register command) {
		String timezone = timezone(command.timezone());
		String locale = locale(command.locale());
		String email = command.email().trim();
		String hash = this.passwords.hash("password", command.password(), email);
		boolean slugGiven = command.tenantSlug() != null && !command.tenantSlug().isBlank();
		String slug = slugGiven ? slug(command.tenantSlug()) : slugOf(command.tenantName());
		for (int attempt = 0;; attempt++) {
			try {
				return create(command, slug, timezone, locale, email, hash);
			}
			catch (DataAccessException ex) {
				if (SqlErrors.violatedConstraint(ex, SqlErrors.UNIQUE_VIOLATION)
					.filter("tenants_slug_key"::equals)
					.isEmpty()) {
					throw ex;
				}
				if (slugGiven || attempt == 3) {
					throw AccountException.slugTaken(slug);
				}
				slug = slugOf(command.tenantName()) + "-" + Ids.next().toString().substring(24, 28);
			}
		}
	}

	private Session create(AuthRequests.Register command, String slug, String timezone, String locale, String email,
			String hash) {
		TenantId tenantId = new TenantId(Ids.next());
		Instant now = this.clock.instant();
		return CurrentTenant.call(tenantId, () -> this.transactions.execute((tx) -> {
			this.tenants
				.save(new Tenant(tenantId.value(), command.tenantName().trim(), slug, timezone, locale, now, null));
			User admin = this.users.save(User.withPassword(tenantId.value(), email, command.name().trim(), null,
					Role.ADMIN, hash, false, now));
			this.audit.record(AuditEntry.success("tenant.registered", "tenant", tenantId.value()).by(admin.id()));
			this.audit.record(AuditEntry.success("user.created", "user", admin.id())
				.by(admin.id())
				.with(Map.of("role", Role.ADMIN.name())));
			return this.sessions.open(admin, null, now);
		}));
	}

	/**
	 * Creates a patient's own account in the clinic named by slug.
	 * @param command the signup
	 * @return the patient's session
	 */
	public Session signUpPatient(AuthRequests.PatientSignup command) {
		UUID tenantId = this.jdbc.sql("select identity.tenant_by_slug(?)")
			.param(command.tenant().trim())
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> AccountException.unknownTenant(command.tenant()));
		String email = command.email().trim();
		String hash = this.passwords.hash("password", command.password(), email);
		try {
			return CurrentTenant.call(new TenantId(tenantId), () -> this.transactions.execute((tx) -> {
				Tenant tenant = this.tenants.findById(tenantId).orElseThrow();
				String phone = PhoneNumbers.toE164(command.phone(), tenant.locale())
					.orElseThrow(() -> InvalidRequest.field("phone", "is not a valid phone number"));
				Instant now = this.clock.instant();
				User patient = this.users.save(User.withPassword(tenantId, email, command.name().trim(), phone,
						Role.PATIENT, hash, false, now));
				this.audit.record(AuditEntry.success("user.signed_up", "user", patient.id()).by(patient.id()));
				this.events.publishEvent(
						new PatientAccountCreated(tenantId, patient.id(), command.name().trim(), email, phone));
				return this.sessions.open(patient, null, now);
			}));
		}
		catch (DataAccessException ex) {
			throw UserDirectory.emailTakenOr(ex, email);
		}
	}

	/**
	 * Accepts an invitation: sets the invited user's password and logs them in.
	 * @param command the invitation token and the chosen password
	 * @return the user's session
	 */
	public Session acceptInvite(AuthRequests.AcceptInvite command) {
		byte[] tokenHash = RefreshTokens.hash(command.inviteToken());
		UUID tenantId = this.jdbc.sql("select identity.invite_tenant(?)")
			.param(tokenHash)
			.query(UUID.class)
			.optional()
			.orElseThrow(AccountException::invalidInvite);
		return CurrentTenant.call(new TenantId(tenantId), () -> this.transactions.execute((tx) -> {
			User user = this.users.findByInviteTokenHash(tokenHash).orElseThrow(AccountException::invalidInvite);
			Instant now = this.clock.instant();
			if (!user.active()
					|| !user.acceptInvite(this.passwords.hash("password", command.password(), user.email()), now)) {
				throw AccountException.invalidInvite();
			}
			this.users.save(user);
			this.audit.record(AuditEntry.success("user.invite_accepted", "user", user.id()).by(user.id()));
			return this.sessions.open(user, null, now);
		}));
	}

	static String timezone(@org.jspecify.annotations.Nullable String timezone) {
		if (timezone == null || timezone.isBlank()) {
			return DEFAULT_TIMEZONE;
		}
		try {
			return ZoneId.of(timezone.trim()).getId();
		}
		catch (DateTimeException ex) {
			throw InvalidRequest.field("timezone", "must be an IANA time zone such as America/Sao_Paulo");
		}
	}

	static String locale(@org.jspecify.annotations.Nullable String locale) {
		if (locale == null || locale.isBlank()) {
			return DEFAULT_LOCALE;
		}
		Locale parsed = Locale.forLanguageTag(locale.trim());
		if (parsed.getLanguage().isEmpty() || !parsed.toLanguageTag().equalsIgnoreCase(locale.trim())) {
			throw InvalidRequest.field("locale", "must be a BCP 47 language tag such as pt-BR");
		}
		return parsed.toLanguageTag();
	}

	private static String slug(String given) {
		String slug = given.trim();
		if (!slug.matches("[a-z0-9]+(-[a-z0-9]+)*") || slug.length() > 63) {
			throw InvalidRequest.field("tenantSlug", "must be lower-case letters, digits and single hyphens");
		}
		return slug;
	}

	/** "Clínica São João" becomes "clinica-sao-joao". */
	static String slugOf(String name) {
		String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
		slug = slug.isEmpty() ? "clinic" : slug;
		return (slug.length() > 50) ? slug.substring(0, 50).replaceAll("-+$", "") : slug;
	}

}
