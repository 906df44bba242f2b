package dev.clinicflow.patients;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.clinicflow.patients.PatientNormalizer.Normalized;
import dev.clinicflow.patients.PatientParts.Address;
import dev.clinicflow.patients.PatientParts.Contact;
import dev.clinicflow.patients.PatientParts.HealthPlan;
import dev.clinicflow.patients.PatientParts.Location;
import dev.clinicflow.patients.PatientParts.Preferences;
import dev.clinicflow.shared.TenantId;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads and writes patient rows. Plain SQL rather than an entity mapping: the record has
 * JSON, arrays and generated columns, and bulk loads need batched statements.
 */
@Component
class PatientStore {

	private static final TypeReference<List<Contact>> CONTACTS = new TypeReference<>() {
	};

	static final String COLUMNS = """
			p.id, p.full_name, p.social_name, p.cpf, p.birth_date, p.gender, p.email, p.contacts::text as contacts,
			p.street, p.street_number, p.complement, p.neighborhood, p.city, p.state, p.postal_code, p.country, p.lat, p.lon,
			p.health_plan_provider, p.health_plan_name, p.health_plan_member, p.health_plan_valid_until,
			p.tags, p.conditions, p.allergies, p.notes, p.preferred_channel, p.preferred_language, p.preferred_time_of_day,
			p.total_appointments, p.completed_appointments, p.cancelled_appointments, p.no_shows, p.no_show_rate,
			p.confirmation_rate, p.last_visit_at, p.next_appointment_at, p.user_id, p.created_at, p.updated_at, p.version,
			p.deleted_at, p.merged_into""";

	/** The columns a client's input fills, with their types for jsonb_to_recordset. */
	private static final List<String> WRITABLE = List.of("full_name text", "social_name text", "cpf text",
			"birth_date date", "gender text", "email text", "contacts jsonb", "street text", "street_number text",
			"complement text", "neighborhood text", "city text", "state text", "postal_code text", "country text",
			"lat float8", "lon float8", "health_plan_provider text", "health_plan_name text", "health_plan_member text",
			"health_plan_valid_until date", "tags text[]", "conditions text[]", "allergies text[]", "notes text",
			"preferred_channel text", "preferred_language text", "preferred_time_of_day text", "phone_keys text[]");

	private static final String NAMES = String.join(", ", WRITABLE.stream().map(PatientStore::name).toList());

	/**
	 * Inserts rows given as one JSON array: one statement for a whole bulk load, and the
	 * ids it returns tell which rows went in (a taken CPF makes a row be skipped).
	 */
	private static final String INSERT = """
			insert into patients.patients (tenant_id, id, user_id, created_at, updated_at, %s)
			select :tenant, r.id, r.user_id, :now, :now, %s
			from jsonb_to_recordset(cast(:rows as jsonb)) as r(id uuid, user_id uuid, %s)
			on conflict (tenant_id, cpf) where cpf is not null do nothing
			returning id""".formatted(NAMES, prefixed("r."), String.join(", ", WRITABLE));

	private static final String UPDATE = """
			update patients.patients p set %s, updated_at = :now, version = p.version + 1
			from jsonb_to_record(cast(:row as jsonb)) as r(%s)
			where p.id = :id and p.version = :version""".formatted(
			String.join(", ", WRITABLE.stream().map(PatientStore::name).map((c) -> c + " = r." + c).toList()),
			String.join(", ", WRITABLE));

	private final JdbcClient jdbc;

	private final JsonMapper json;

	PatientStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Inserts a patient; false when its CPF is already taken in the tenant. */
	boolean insert(TenantId tenant, UUID id, Normalized patient, @Nullable UUID userId, Instant now) {
		return !insertAll(tenant, List.of(new NewRow(id, patient, userId)), now).isEmpty();
	}

	/** Inserts many patients in one statement; returns the ids that went in. */
	Set<UUID> insertAll(TenantId tenant, List<NewRow> rows, Instant now) {
		if (rows.isEmpty()) {
			return Set.of();
		}
		List<Map<String, Object>> json = rows.stream().map((row) -> {
			Map<String, Object> values = row(row.patient());
			values.put("id", row.id());
			values.put("user_id", row.userId());
			return values;
		}).toList();
		return new HashSet<>(this.jdbc.sql(INSERT)
			.param("tenant", tenant.value())
			.param("now", Timestamp.from(now))
			.param("rows", this.json.writeValueAsString(json))
			.query(UUID.class)
			.list());
	}

	int update(UUID id, long expectedVersion, Normalized patient, Instant now) {
		return this.jdbc.sql(UPDATE)
			.param("row", this.json.writeValueAsString(row(patient)))
			.param("now", Timestamp.from(now))
			.param("id", id)
			.param("version", expectedVersion)
			.update();
	}

	Optional<PatientView> find(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from patients.patients p where p.id = ?")
			.param(id)
			.query(this.views())
			.optional();
	}

	Optional<PatientView> findByUser(UUID userId) {
		return this.jdbc
			.sql("select " + COLUMNS + " from patients.patients p where p.user_id = ? and p.deleted_at is null "
					+ "and p.merged_into is null")
			.param(userId)
			.query(this.views())
			.optional();
	}

	Optional<UUID> findIdByCpf(String cpf) {
		return this.jdbc.sql("select id from patients.patients where cpf = ?").param(cpf).query(UUID.class).optional();
	}

	List<String> takenCpfs(List<String> cpfs) {
		if (cpfs.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select cpf from patients.patients where cpf = any(?)")
			.param(cpfs.toArray(String[]::new))
			.query(String.class)
			.list();
	}

	int markDeleted(UUID id, UUID by, @Nullable String reason, Instant now) {
		return this.jdbc.sql("""
				update patients.patients set deleted_at = ?, deleted_by = ?, delete_reason = ?, updated_at = ?,
				  version = version + 1
				where id = ? and deleted_at is null""")
			.params(Timestamp.from(now), by, reason, Timestamp.from(now), id)
			.update();
	}

	int restore(UUID id, Instant now) {
		return this.jdbc.sql("""
				update patients.patients set deleted_at = null, deleted_by = null, delete_reason = null, updated_at = ?,
				  version = version + 1
				where id = ? and deleted_at is not null and merged_into is null""")
			.params(Timestamp.from(now), id)
			.update();
	}

	/** Records without an account that share the e-mail or phone, oldest first. */
	List<UUID> unlinkedMatches(String email, String phoneKey) {
		return this.jdbc.sql("""
				select id from patients.patients
				where user_id is null and deleted_at is null and merged_into is null
				  and (lower(email) = lower(?) or phone_keys @> array[cast(? as text)])
				order by id""").params(email, phoneKey).query(UUID.class).list();
	}

	int linkUser(UUID id, UUID userId, Instant now) {
		return this.jdbc.sql("""
				update patients.patients set user_id = ?, updated_at = ?, version = version + 1
				where id = ? and user_id is null""").params(userId, Timestamp.from(now), id).update();
	}

	/** A record's writable columns, keyed by column name. */
	private static Map<String, Object> row(Normalized normalized) {
		PatientInput p = normalized.input();
		Address address = (p.address() != null) ? p.address()
				: new Address(null, null, null, null, null, null, null, null, null);
		Location location = address.location();
		HealthPlan plan = (p.healthPlan() != null) ? p.healthPlan() : new HealthPlan(null, null, null, null);
		Preferences preferences = (p.preferences() != null) ? p.preferences() : new Preferences(null, null, null);
		Map<String, Object> values = new HashMap<>();
		values.put("full_name", p.fullName());
		values.put("social_name", p.socialName());
		values.put("cpf", p.cpf());
		values.put("birth_date", p.birthDate());
		values.put("gender", p.gender());
		values.put("email", p.email());
		values.put("contacts", p.contacts());
		values.put("street", address.street());
		values.put("street_number", address.number());
		values.put("complement", address.complement());
		values.put("neighborhood", address.neighborhood());
		values.put("city", address.city());
		values.put("state", address.state());
		values.put("postal_code", address.postalCode());
		values.put("country", address.country());
		values.put("lat", (location != null) ? location.lat() : null);
		values.put("lon", (location != null) ? location.lon() : null);
		values.put("health_plan_provider", plan.provider());
		values.put("health_plan_name", plan.planName());
		values.put("health_plan_member", plan.memberNumber());
		values.put("health_plan_valid_until", plan.validUntil());
		values.put("tags", p.tags());
		values.put("conditions", p.conditions());
		values.put("allergies", p.allergies());
		values.put("notes", p.notes());
		values.put("preferred_channel", preferences.contactChannel());
		values.put("preferred_language", preferences.language());
		values.put("preferred_time_of_day", preferences.timeOfDay());
		values.put("phone_keys", normalized.phoneKeys());
		return values;
	}

	private static String name(String definition) {
		return definition.substring(0, definition.indexOf(' '));
	}

	private static String prefixed(String prefix) {
		return String.join(", ", WRITABLE.stream().map((c) -> prefix + name(c)).toList());
	}

	/** A patient to insert. */
	record NewRow(UUID id, Normalized patient, @Nullable UUID userId) {
	}

	RowMapper<PatientView> views() {
		return (row, n) -> view(row);
	}

	/** The address columns of a row, as one address (with its location when known). */
	static Address address(ResultSet row) throws SQLException {
		Double lat = (Double) row.getObject("lat");
		Double lon = (Double) row.getObject("lon");
		return new Address(row.getString("street"), row.getString("street_number"), row.getString("complement"),
				row.getString("neighborhood"), row.getString("city"), row.getString("state"),
				row.getString("postal_code"), row.getString("country"),
				(lat != null && lon != null) ? new Location(lat, lon) : null);
	}

	private PatientView view(ResultSet row) throws SQLException {
		Address address = address(row);
		HealthPlan plan = new HealthPlan(row.getString("health_plan_provider"), row.getString("health_plan_name"),
				row.getString("health_plan_member"), row.getObject("health_plan_valid_until", LocalDate.class));
		String channel = row.getString("preferred_channel");
		String timeOfDay = row.getString("preferred_time_of_day");
		Preferences preferences = new Preferences((channel != null) ? ContactChannel.valueOf(channel) : null,
				row.getString("preferred_language"), (timeOfDay != null) ? TimeOfDay.valueOf(timeOfDay) : null);
		String gender = row.getString("gender");
		PatientView.Analytics analytics = new PatientView.Analytics(row.getInt("total_appointments"),
				row.getInt("completed_appointments"), row.getInt("cancelled_appointments"), row.getInt("no_shows"),
				row.getBigDecimal("no_show_rate"), row.getBigDecimal("confirmation_rate"),
				instant(row.getTimestamp("last_visit_at")), instant(row.getTimestamp("next_appointment_at")));
		return new PatientView(row.getObject("id", UUID.class), row.getString("full_name"),
				row.getString("social_name"), row.getString("cpf"), row.getObject("birth_date", LocalDate.class),
				(gender != null) ? Gender.valueOf(gender) : null, row.getString("email"),
				this.json.readValue(row.getString("contacts"), CONTACTS), empty(address) ? null : address,
				empty(plan) ? null : plan, strings(row.getArray("tags")), strings(row.getArray("conditions")),
				strings(row.getArray("allergies")), row.getString("notes"), empty(preferences) ? null : preferences,
				analytics, row.getObject("user_id", UUID.class), row.getTimestamp("created_at").toInstant(),
				row.getTimestamp("updated_at").toInstant(), row.getLong("version"),
				instant(row.getTimestamp("deleted_at")), row.getObject("merged_into", UUID.class));
	}

	private static boolean empty(Record record) {
		return Arrays.stream(record.getClass().getRecordComponents()).allMatch((component) -> {
			try {
				return component.getAccessor().invoke(record) == null;
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	private static List<String> strings(@Nullable Array array) throws SQLException {
		return (array == null) ? List.of() : List.of((String[]) array.getArray());
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
