package dev.clinicflow.scheduling;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What a client writes about a zone (creation, and the result of a merge patch).
 *
 * @param name unique in the clinic, ignoring case and accents
 * @param neighborhoods neighbourhoods the zone covers, as written in addresses
 * @param cities cities the zone covers entirely
 * @param center the centre of a circular area, if the zone has one
 * @param radiusKm the circle's radius (needs {@code center}), up to 500 km
 */
public record ZoneInput(@NotBlank @Size(max = 100) String name,
		@Nullable @Size(max = 500) List<@NotBlank @Size(max = 100) String> neighborhoods,
		@Nullable @Size(max = 100) List<@NotBlank @Size(max = 100) String> cities, @Nullable @Valid Center center,
		@Nullable @Positive @DecimalMax("500") Double radiusKm) {

	/**
	 * A point on the earth.
	 *
	 * @param lat latitude in degrees
	 * @param lon longitude in degrees
	 */
	public record Center(@NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
			@NotNull @DecimalMin("-180") @DecimalMax("180") Double lon) {
	}

}
