package dev.clinicflow.scheduling;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What a client writes about a collection car (creation, and the result of a merge
 * patch).
 *
 * @param name how the clinic calls the car, such as "Car 1"
 * @param plate licence plate, unique in the clinic; stored in upper case
 * @param driver who drives it, if known
 * @param capacityPerWindow how many collections it takes per time window: 1 to 50
 * (default 1)
 * @param zoneIds the zones it serves, each a zone of the clinic
 * @param active whether it takes collections (default true)
 */
public record CarInput(@NotBlank @Size(max = 100) String name, @Nullable @Size(max = 10) String plate,
		@Nullable @Valid Driver driver, @Nullable @Min(1) @Max(50) Integer capacityPerWindow,
		@Nullable @Size(max = 100) List<@NotNull UUID> zoneIds, @Nullable Boolean active) {

	/**
	 * The car's driver.
	 *
	 * @param userId the driver's user account, which must be an active DRIVER of the
	 * clinic
	 * @param name the driver's name
	 * @param phone the driver's phone, answered in E.164; without a country code it is
	 * read in the clinic's country
	 */
	public record Driver(@Nullable UUID userId, @NotBlank @Size(max = 200) String name,
			@NotBlank @Size(max = 30) String phone) {
	}

}
