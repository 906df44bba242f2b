package dev.clinicflow.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.clinicflow.scheduling.ZoneInput.Center;

/**
 * A zone that collection cars serve.
 *
 * @param id the zone id
 * @param name the name
 * @param neighborhoods neighbourhoods it covers, as written
 * @param cities cities it covers, as written
 * @param center the centre of its circular area, if any
 * @param radiusKm the circle's radius, if any
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 * @param version the version, also the {@code ETag}
 */
public record ZoneView(UUID id, String name, List<String> neighborhoods, List<String> cities, @Nullable Center center,
		@Nullable Double radiusKm, Instant createdAt, Instant updatedAt, long version) {

	ZoneInput input() {
		return new ZoneInput(this.name, this.neighborhoods, this.cities, this.center, this.radiusKm);
	}

}
