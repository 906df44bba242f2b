package dev.clinicflow.scheduling;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.clinicflow.shared.CurrentTenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The row every bookable resource has, whatever its kind: name, active flag and version.
 * Doctors and cars keep their own fields in their own tables.
 */
@Component
class ResourceStore {

	private final JdbcClient jdbc;

	ResourceStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(ResourceKind kind, UUID id, String name, boolean active, Instant now) {
		this.jdbc.sql("""
				insert into scheduling.resources (tenant_id, id, kind, name, active, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(CurrentTenant.require().value(), id, kind.name(), name, active, Timestamp.from(now),
					Timestamp.from(now))
			.update();
	}

	/** Changes name and flag if the version is still the expected one; 0 otherwise. */
	int update(UUID id, long expectedVersion, String name, boolean active, Instant now) {
		return this.jdbc.sql("""
				update scheduling.resources set name = ?, active = ?, updated_at = ?, version = version + 1
				where id = ? and version = ?""")
			.params(name, active, Timestamp.from(now), id, expectedVersion)
			.update();
	}

	/**
	 * Locks a resource of a kind for the rest of the transaction, so that replacing its
	 * schedule or checking its owner is not raced by another writer.
	 */
	boolean lock(UUID id, ResourceKind kind) {
		return this.jdbc.sql("select 1 from scheduling.resources where id = ? and kind = ? for update")
			.params(id, kind.name())
			.query(Integer.class)
			.optional()
			.isPresent();
	}

	boolean exists(UUID id, ResourceKind kind) {
		return this.jdbc.sql("select 1 from scheduling.resources where id = ? and kind = ?")
			.params(id, kind.name())
			.query(Integer.class)
			.optional()
			.isPresent();
	}

	/** The user account of a doctor, if the doctor exists and has one. */
	Optional<UUID> doctorUser(UUID doctorId) {
		return this.jdbc.sql("select user_id from scheduling.doctors where id = ? and user_id is not null")
			.param(doctorId)
			.query(UUID.class)
			.optional();
	}

}
