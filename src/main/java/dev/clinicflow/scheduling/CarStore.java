package dev.clinicflow.scheduling;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.clinicflow.scheduling.CarInput.Driver;
import dev.clinicflow.shared.CurrentTenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads and writes cars: the resource row, the car row and the zones it serves, which a
 * change replaces as a whole.
 */
@Component
class CarStore {

	private static final String SELECT = """
			select r.id, r.name, r.active, r.created_at, r.updated_at, r.version, c.plate, c.driver_user_id,
			  c.driver_name, c.driver_phone, c.capacity_per_window,
			  array(select z.zone_id from scheduling.car_zones z
			        where z.tenant_id = c.tenant_id and z.car_id = c.id order by z.zone_id) as zone_ids
			from scheduling.resources r join scheduling.cars c on c.tenant_id = r.tenant_id and c.id = r.id
			""";

	private final JdbcClient jdbc;

	private final ResourceStore resources;

	CarStore(JdbcClient jdbc, ResourceStore resources) {
		this.jdbc = jdbc;
		this.resources = resources;
	}

	void insert(UUID id, CarInput car, Instant now) {
		this.resources.insert(ResourceKind.CAR, id, car.name(), Boolean.TRUE.equals(car.active()), now);
		Driver driver = car.driver();
		this.jdbc.sql("""
				insert into scheduling.cars (tenant_id, id, plate, driver_user_id, driver_name, driver_phone,
				  capacity_per_window)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(CurrentTenant.require().value(), id, car.plate(), (driver != null) ? driver.userId() : null,
					(driver != null) ? driver.name() : null, (driver != null) ? driver.phone() : null,
					car.capacityPerWindow())
			.update();
		insertZones(id, car.zoneIds());
	}

	boolean update(UUID id, long expectedVersion, CarInput car, Instant now) {
		if (this.resources.update(id, expectedVersion, car.name(), Boolean.TRUE.equals(car.active()), now) == 0) {
			return false;
		}
		Driver driver = car.driver();
		this.jdbc.sql("""
				update scheduling.cars set plate = ?, driver_user_id = ?, driver_name = ?, driver_phone = ?,
				  capacity_per_window = ?
				where id = ?""")
			.params(car.plate(), (driver != null) ? driver.userId() : null, (driver != null) ? driver.name() : null,
					(driver != null) ? driver.phone() : null, car.capacityPerWindow(), id)
			.update();
		this.jdbc.sql("delete from scheduling.car_zones where car_id = ?").param(id).update();
		insertZones(id, car.zoneIds());
		return true;
	}

	private void insertZones(UUID carId, @Nullable List<UUID> zoneIds) {
		if (zoneIds == null || zoneIds.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				insert into scheduling.car_zones (tenant_id, car_id, zone_id)
				select ?, ?, z from unnest(?) as z""")
			.params(CurrentTenant.require().value(), carId, zoneIds.toArray(UUID[]::new))
			.update();
	}

	Optional<CarView> find(UUID id) {
		return this.jdbc.sql(SELECT + "where r.id = ?").param(id).query((row, n) -> view(row)).optional();
	}

	Optional<UUID> findIdByPlate(String plate) {
		return this.jdbc.sql("select id from scheduling.cars where plate = ?")
			.param(plate)
			.query(UUID.class)
			.optional();
	}

	/** One page of cars in creation order, optionally those serving a zone. */
	List<CarView> list(@Nullable UUID zoneId, @Nullable Boolean active, @Nullable UUID after, int limit) {
		return this.jdbc.sql(SELECT + """
				where (cast(:zone as uuid) is null or exists (select 1 from scheduling.car_zones z
				       where z.tenant_id = c.tenant_id and z.car_id = c.id and z.zone_id = :zone))
				  and (cast(:active as boolean) is null or r.active = :active)
				  and (cast(:after as uuid) is null or r.id > :after)
				order by r.id
				limit :limit""")
			.param("zone", zoneId)
			.param("active", active)
			.param("after", after)
			.param("limit", limit)
			.query((row, n) -> view(row))
			.list();
	}

	private static CarView view(ResultSet row) throws SQLException {
		String driverName = row.getString("driver_name");
		Driver driver = (driverName != null)
				? new Driver(row.getObject("driver_user_id", UUID.class), driverName, row.getString("driver_phone"))
				: null;
		return new CarView(row.getObject("id", UUID.class), row.getString("name"), row.getString("plate"), driver,
				row.getInt("capacity_per_window"), List.of((UUID[]) row.getArray("zone_ids").getArray()),
				row.getBoolean("active"), row.getTimestamp("created_at").toInstant(),
				row.getTimestamp("updated_at").toInstant(), row.getLong("version"));
	}

}
