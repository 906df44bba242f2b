package dev.clinicflow.scheduling;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.Status;
import org.jspecify.annotations.Nullable;

import dev.clinicflow.audit.AuditEntry;
import dev.clinicflow.audit.AuditLog;
import dev.clinicflow.patients.PatientDirectory;
import dev.clinicflow.shared.CurrentTenant;
import dev.clinicflow.shared.ResourceNotFound;
import dev.clinicflow.shared.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A doctor's appointments as a read-only iCalendar feed that calendar apps subscribe to
 * with a secret token in the address (they cannot log in). Each doctor has at most one
 * token; issuing a new one revokes the old. Only the database keeps the token's hash.
 * Events name the patient by first name and initial only: feeds end up stored by
 * third-party calendar services.
 */
@Service
public class CalendarFeeds {

	/** How far back and ahead the feed reaches. */
	static final Duration PAST = Duration.ofDays(30);

	static final Duration AHEAD = Duration.ofDays(180);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final ResourceAccess access;

	private final PatientDirectory patients;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final Clock clock;

	CalendarFeeds(JdbcClient jdbc, ResourceAccess access, PatientDirectory patients, AuditLog audit,
			PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.patients = patients;
		this.audit = audit;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * Issues a doctor's feed token, revoking the previous one.
	 * @param doctorId the doctor (a DOCTOR issues their own)
	 * @return the token, shown this once
	 */
	public FeedToken issue(UUID doctorId) {
		return java.util.Objects.requireNonNull(this.transactions.execute((status) -> {
			this.access.requireOwn(ResourceKind.DOCTOR, doctorId, true);
			byte[] secret = new byte[32];
			RANDOM.nextBytes(secret);
			String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
			Instant now = this.clock.instant();
			this.jdbc.sql("""
					insert into scheduling.calendar_feeds (tenant_id, doctor_id, token_hash, created_at)
					values (?, ?, ?, ?)
					on conflict (tenant_id, doctor_id)
					  do update set token_hash = excluded.token_hash, created_at = excluded.created_at""")
				.params(CurrentTenant.require().value(), doctorId, hash(token), Timestamp.from(now))
				.update();
			this.audit.record(AuditEntry.success("doctor.calendar_feed_issued", "doctor", doctorId));
			return new FeedToken(doctorId, token, now);
		}));
	}

	/**
	 * Revokes a doctor's feed token; subscribed calendars stop updating.
	 * @param doctorId the doctor (a DOCTOR revokes their own)
	 * @throws ResourceNotFound when the doctor has no feed
	 */
	public void revoke(UUID doctorId) {
		this.transactions.executeWithoutResult((status) -> {
			this.access.requireOwn(ResourceKind.DOCTOR, doctorId, true);
			if (this.jdbc.sql("delete from scheduling.calendar_feeds where doctor_id = ?")
				.param(doctorId)
				.update() == 0) {
				throw ResourceNotFound.of("calendar feed of doctor", doctorId);
			}
			this.audit.record(AuditEntry.success("doctor.calendar_feed_revoked", "doctor", doctorId));
		});
	}

	/**
	 * Renders the feed of the doctor a token belongs to.
	 * @param doctorId the doctor in the address
	 * @param token the token in the address
	 * @return the iCalendar text
	 * @throws ResourceNotFound when the token is unknown, revoked or another doctor's
	 */
	public String render(UUID doctorId, String token) {
		Owner owner = ownerOf(token).filter((found) -> found.doctorId().equals(doctorId))
			.orElseThrow(() -> ResourceNotFound.of("calendar feed", doctorId));
		return CurrentTenant.call(new TenantId(owner.tenantId()),
				() -> java.util.Objects.requireNonNull(this.transactions.execute((status) -> calendar(doctorId))));
	}

	private Optional<Owner> ownerOf(String token) {
		if (token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		return this.transactions
			.execute((status) -> this.jdbc.sql("select tenant_id, doctor_id from scheduling.calendar_feed_owner(?)")
				.param(hash(token))
				.query((row, n) -> new Owner(row.getObject(1, UUID.class), row.getObject(2, UUID.class)))
				.optional());
	}

	private String calendar(UUID doctorId) {
		Instant now = this.clock.instant();
		String doctor = this.jdbc.sql("select name from scheduling.resources where id = ?")
			.param(doctorId)
			.query(String.class)
			.single();
		List<FeedEvent> events = this.jdbc
			.sql("""
					select a.id, lower(a.period), upper(a.period), a.status, a.type_code, a.patient_id, a.updated_at,
					  a.version, t.name
					from scheduling.appointments a
					left join scheduling.appointment_types t on t.doctor_id = a.resource_id and t.code = a.type_code
					where a.resource_id = ? and a.resource_kind = 'DOCTOR' and a.status in\s"""
					+ AppointmentStatus.HOLDING_SQL + """
							   and a.period && tstzrange(?, ?)
							order by lower(a.period), a.id""")
			.params(doctorId, Timestamp.from(now.minus(PAST)), Timestamp.from(now.plus(AHEAD)))
			.query((row, n) -> new FeedEvent(row.getObject(1, UUID.class), row.getTimestamp(2).toInstant(),
					row.getTimestamp(3).toInstant(), AppointmentStatus.valueOf(row.getString(4)), row.getString(5),
					row.getObject(6, UUID.class), row.getTimestamp(7).toInstant(), row.getLong(8), row.getString(9)))
			.list();
		Map<UUID, String> names = this.patients
			.displayNames(events.stream().map(FeedEvent::patientId).collect(Collectors.toSet()));
		ICalendar calendar = new ICalendar();
		calendar.setProductId("-//Clinicflow//Doctor calendar feed//EN");
		calendar.setExperimentalProperty("X-WR-CALNAME", doctor);
		for (FeedEvent appointment : events) {
			VEvent event = new VEvent();
			event.setUid(appointment.id() + "@clinicflow");
			event.setDateTimeStamp(Date.from(now));
			event.setDateStart(Date.from(appointment.start()));
			event.setDateEnd(Date.from(appointment.end()));
			event.setLastModified(Date.from(appointment.updatedAt()));
			event.setSequence((int) Math.min(Integer.MAX_VALUE, appointment.version()));
			event.setSummary(((appointment.typeName() != null) ? appointment.typeName() : "Consulta") + " – "
					+ initials(names.getOrDefault(appointment.patientId(), "")));
			event.setStatus(
					(appointment.status() == AppointmentStatus.SCHEDULED) ? Status.tentative() : Status.confirmed());
			calendar.addEvent(event);
		}
		this.audit.record(AuditEntry.success("doctor.calendar_feed_read", "doctor", doctorId)
			.with(Map.of("events", events.size())));
		return Biweekly.write(calendar).go();
	}

	/** "Ana Maria Souza" becomes "Ana S.". */
	static String initials(String name) {
		String[] words = name.trim().split("\\s+");
		if (words.length == 0 || words[0].isEmpty()) {
			return "paciente";
		}
		if (words.length == 1) {
			return words[0];
		}
		return words[0] + " " + words[words.length - 1].substring(0, 1).toUpperCase(Locale.ROOT) + ".";
	}

	private static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Owner(UUID tenantId, UUID doctorId) {
	}

	private record FeedEvent(UUID id, Instant start, Instant end, AppointmentStatus status, @Nullable String typeCode,
			UUID patientId, Instant updatedAt, long version, @Nullable String typeName) {
	}

	/**
	 * A feed token, shown once.
	 *
	 * @param doctorId the doctor
	 * @param token the secret to put in the feed's address
	 * @param createdAt when it was issued
	 */
	public record FeedToken(UUID doctorId, String token, Instant createdAt) {
	}

}
