package dev.clinicflow.scheduling;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.clinicflow.scheduling.DoctorInput.AppointmentType;
import dev.clinicflow.scheduling.DoctorInput.Registration;
import dev.clinicflow.shared.CurrentTenant;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads and writes doctors: the resource row, the doctor row and the appointment types,
 * which a change replaces as a whole.
 */
@Component
class DoctorStore {

	private static final TypeReference<List<AppointmentType>> TYPES = new TypeReference<>() {
	};

	/**
	 * The doctor {@code d} has the specialisation {@code :specialization}, ignoring case
	 * and accents.
	 */
	static final String HAS_SPECIALIZATION = """
			exists (select 1 from unnest(d.specializations) s
			        where scheduling.normalize(s) = scheduling.normalize(:specialization))""";

	private static final String SELECT = """
			select r.id, r.name, r.active, r.created_at, r.updated_at, r.version, d.user_id, d.specializations,
			  d.registration_council, d.registration_number, d.registration_state, d.slot_minutes,
			  coalesce((select jsonb_agg(jsonb_build_object('code', t.code, 'name', t.name, 'minutes', t.minutes)
			                             order by t.position)
			            from scheduling.appointment_types t
			            where t.tenant_id = d.tenant_id and t.doctor_id = d.id), '[]')::text as types
			from scheduling.resources r join scheduling.doctors d on d.tenant_id = r.tenant_id and d.id = r.id
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final ResourceStore resources;

	DoctorStore(JdbcClient jdbc, JsonMapper json, ResourceStore resources) {
		this.jdbc = jdbc;
		this.json = json;
		this.resources = resources;
	}

	void insert(UUID id, DoctorInput doctor, Instant now) {
		this.resources.insert(ResourceKind.DOCTOR, id, doctor.name(), Boolean.TRUE.equals(doctor.active()), now);
		Registration registration = doctor.registration();
		this.jdbc.sql("""
				insert into scheduling.doctors (tenant_id, id, user_id, specializations, registration_council,
				  registration_number, registration_state, slot_minutes)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(CurrentTenant.require().value(), id, doctor.userId(), labels(doctor.specializations()),
					(registration != null) ? registration.council() : null,
					(registration != null) ? registration.number() : null,
					(registration != null) ? registration.state() : null, doctor.slotMinutes())
			.update();
		insertTypes(id, doctor.appointmentTypes());
	}

	/**
	 * Replaces a doctor's fields if its version is still the expected one; false
	 * otherwise.
	 */
	boolean update(UUID id, long expectedVersion, DoctorInput doctor, Instant now) {
		if (this.resources.update(id, expectedVersion, doctor.name(), Boolean.TRUE.equals(doctor.active()), now) == 0) {
			return false;
		}
		Registration registration = doctor.registration();
		this.jdbc.sql("""
				update scheduling.doctors set user_id = ?, specializations = ?, registration_council = ?,
				  registration_number = ?, registration_state = ?, slot_minutes = ?
				where id = ?""")
			.params(doctor.userId(), labels(doctor.specializations()),
					(registration != null) ? registration.council() : null,
					(registration != null) ? registration.number() : null,
					(registration != null) ? registration.state() : null, doctor.slotMinutes(), id)
			.update();
		this.jdbc.sql("delete from scheduling.appointment_types where doctor_id = ?").param(id).update();
		insertTypes(id, doctor.appointmentTypes());
		return true;
	}

	private void insertTypes(UUID doctorId, @Nullable List<AppointmentType> types) {
		if (types == null || types.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				insert into scheduling.appointment_types (tenant_id, doctor_id, code, name, minutes, position)
				select :tenant, :doctor, t.code, t.name, t.minutes, t.position
				from unnest(:codes, :names, :minutes) with ordinality as t(code, name, minutes, position)""")
			.param("tenant", CurrentTenant.require().value())
			.param("doctor", doctorId)
			.param("codes", types.stream().map(AppointmentType::code).toArray(String[]::new))
			.param("names", types.stream().map(AppointmentType::name).toArray(String[]::new))
			.param("minutes", types.stream().map(AppointmentType::minutes).toArray(Integer[]::new))
			.update();
	}

	Optional<DoctorView> find(UUID id) {
		return this.jdbc.sql(SELECT + "where r.id = ?").param(id).query(views()).optional();
	}

	Optional<UUID> findIdByUser(UUID userId) {
		return this.jdbc.sql("select id from scheduling.doctors where user_id = ?")
			.param(userId)
			.query(UUID.class)
			.optional();
	}

	Optional<UUID> findIdByRegistration(Registration registration) {
		return this.jdbc.sql("""
				select id from scheduling.doctors
				where registration_council = ? and coalesce(registration_state, '') = ? and registration_number = ?""")
			.params(registration.council(), (registration.state() != null) ? registration.state() : "",
					registration.number())
			.query(UUID.class)
			.optional();
	}

	/**
	 * One page of doctors in creation order, filtered by specialisation and name fragment
	 * (both ignoring case and accents) and active flag.
	 */
	List<DoctorView> list(@Nullable String specialization, @Nullable String q, @Nullable Boolean active,
			@Nullable UUID after, int limit) {
		return this.jdbc
			.sql(SELECT + " where (cast(:specialization as text) is null or " + HAS_SPECIALIZATION + ")" + """
					  and (cast(:q as text) is null or r.search_name like scheduling.normalize(:q) escape '\\')
					  and (cast(:active as boolean) is null or r.active = :active)
					  and (cast(:after as uuid) is null or r.id > :after)
					order by r.id
					limit :limit""")
			.param("specialization", specialization)
			.param("q", (q != null) ? Blank.containing(q) : null)
			.param("active", active)
			.param("after", after)
			.param("limit", limit)
			.query(views())
			.list();
	}

	private RowMapper<DoctorView> views() {
		return (row, n) -> view(row);
	}

	private DoctorView view(ResultSet row) throws SQLException {
		String council = row.getString("registration_council");
		Registration registration = (council != null)
				? new Registration(council, row.getString("registration_number"), row.getString("registration_state"))
				: null;
		return new DoctorView(row.getObject("id", UUID.class), row.getObject("user_id", UUID.class),
				row.getString("name"), List.of((String[]) row.getArray("specializations").getArray()), registration,
				row.getInt("slot_minutes"), this.json.readValue(row.getString("types"), TYPES),
				row.getBoolean("active"), row.getTimestamp("created_at").toInstant(),
				row.getTimestamp("updated_at").toInstant(), row.getLong("version"));
	}

	private static String[] labels(@Nullable List<String> labels) {
		return (labels != null) ? labels.toArray(String[]::new) : new String[0];
	}

}
