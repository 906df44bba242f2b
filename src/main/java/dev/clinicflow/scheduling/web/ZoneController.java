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

import dev.clinicflow.scheduling.ZoneInput;
import dev.clinicflow.scheduling.ZoneView;
import dev.clinicflow.scheduling.Zones;
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
 * Zones that collection cars serve: neighbourhoods, cities and an optional circle.
 */
@RestController
@RequestMapping("/api/v1/zones")
@Tag(name = "Zones")
class ZoneController {

	private final Zones zones;

	ZoneController(Zones zones) {
		this.zones = zones;
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
	@Operation(summary = "Create a zone (ADMIN, STAFF)")
	@ApiResponse(responseCode = "201", description = "Created; `Location` names the zone")
	@ApiResponse(responseCode = "409",
			description = "`zone_name_taken` (ignoring case and accents); `existingId` names the other zone")
	ResponseEntity<ZoneView> create(@Valid @RequestBody ZoneInput input) {
		ZoneView zone = this.zones.create(input);
		return ResponseEntity.created(URI.create("/api/v1/zones/" + zone.id()))
			.eTag(Versions.etag(zone.version()))
			.body(zone);
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF', 'DOCTOR', 'DRIVER')")
	@Operation(summary = "Read a zone (ADMIN, STAFF, DOCTOR, DRIVER)")
	@ApiResponse(responseCode = "200", description = "The zone")
	ResponseEntity<ZoneView> read(@PathVariable UUID id) {
		ZoneView zone = this.zones.read(id);
		return ResponseEntity.ok().eTag(Versions.etag(zone.version())).body(zone);
	}

	@PatchMapping(path = "/{id}", consumes = { "application/merge-patch+json", "application/json" })
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
	@Operation(summary = "Change a zone with a JSON merge patch (ADMIN, STAFF)",
			description = "Lists are replaced whole; `null` removes an optional member.")
	@ApiResponse(responseCode = "409", description = "`zone_name_taken`")
	ResponseEntity<ZoneView> patch(@PathVariable UUID id, @RequestBody JsonNode patch,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		ZoneView zone = this.zones.patch(id, patch, ifMatch);
		return ResponseEntity.ok().eTag(Versions.etag(zone.version())).body(zone);
	}

	@GetMapping
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF', 'DOCTOR', 'DRIVER')")
	@Operation(summary = "List zones in creation order (ADMIN, STAFF, DOCTOR, DRIVER)")
	CursorPage<ZoneView> list(
			@Parameter(description = "Only zones covering this city, ignoring case and accents") @RequestParam(
					required = false) @Nullable String city,
			@Parameter(description = "Only zones covering this neighbourhood, ignoring case and accents") @RequestParam(
					required = false) @Nullable String neighborhood,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return this.zones.list(city, neighborhood, limit, cursor);
	}

}
