package dev.clinicflow.scheduling.web;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.clinicflow.scheduling.CarInput;
import dev.clinicflow.scheduling.CarView;
import dev.clinicflow.scheduling.Cars;
import dev.clinicflow.shared.CursorPage;
import dev.clinicflow.shared.Versions;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cars that collection cars serve: neighbourhoods, cities and an optional circle.
 */
@RestController
@RequestMapping("/api/v1/cars")
@Tag(name = "Cars")
class CarController {

	private final Cars cars;

	CarController(Cars cars) {
		this.cars = cars;
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
	@Operation(summary = "Create a car (ADMIN, STAFF)",
			description = "Each of `zoneIds` must be a zone of the clinic (400 naming `zoneIds[i]`); `driver.userId`, "
					+ "if given, an active DRIVER user; `driver.phone` is stored in E.164.")
	@ApiResponse(responseCode = "201", description = "Created; `Location` names the car")
	@ApiResponse(responseCode = "409", description = "`plate_taken`; `existingId` names the other car")
	ResponseEntity<CarView> create(@Valid @RequestBody CarInput input) {
		CarView car = this.cars.create(input);
		return ResponseEntity.created(URI.create("/api/v1/cars/" + car.id()))
			.eTag(Versions.etag(car.version()))
			.body(car);
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF', 'DOCTOR', 'DRIVER')")
	@Operation(summary = "Read a car (ADMIN, STAFF, DOCTOR, DRIVER)")
	@ApiResponse(responseCode = "200", description = "The car")
	ResponseEntity<CarView> read(@PathVariable UUID id) {
		CarView car = this.cars.read(id);
		return ResponseEntity.ok().eTag(Versions.etag(car.version())).body(car);
	}

	@PatchMapping(path = "/{id}", consumes = { "application/merge-patch+json", "application/json" })
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
	@Operation(summary = "Change a car with a JSON merge patch (ADMIN, STAFF)",
			description = "Lists are replaced whole; `null` removes an optional member.")
	@ApiResponse(responseCode = "409", description = "`plate_taken`")
	ResponseEntity<CarView> patch(@PathVariable UUID id, @RequestBody JsonNode patch,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		CarView car = this.cars.patch(id, patch, ifMatch);
		return ResponseEntity.ok().eTag(Versions.etag(car.version())).body(car);
	}

	@GetMapping
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF', 'DOCTOR', 'DRIVER')")
	@Operation(summary = "List cars in creation order (ADMIN, STAFF, DOCTOR, DRIVER)")
	CursorPage<CarView> list(
			@Parameter(description = "Only cars serving this zone") @RequestParam(
					required = false) @Nullable UUID zoneId,
			@Parameter(description = "Only active (true) or inactive (false) cars") @RequestParam(
					required = false) @Nullable Boolean active,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return this.cars.list(zoneId, active, limit, cursor);
	}

}
