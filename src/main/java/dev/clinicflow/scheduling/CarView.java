package dev.clinicflow.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.clinicflow.scheduling.CarInput.Driver;

/**
 * A collection car.
 *
 * @param id the car's id, which is also its resource id in schedules
 * @param name the name
 * @param plate the licence plate, if known
 * @param driver the driver, with the phone in E.164
 * @param capacityPerWindow collections per time window
 * @param zoneIds the zones it serves, oldest zone first
 * @param active whether it takes collections
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 * @param version the version, also the {@code ETag}
 */
public record CarView(UUID id, String name, @Nullable String plate, @Nullable Driver driver, int capacityPerWindow,
		List<UUID> zoneIds, boolean active, Instant createdAt, Instant updatedAt, long version) {

	CarInput input() {
		return new CarInput(this.name, this.plate, this.driver, this.capacityPerWindow, this.zoneIds, this.active);
	}

}
