package dev.clinicflow.scheduling.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import dev.clinicflow.scheduling.HolidayInput;
import dev.clinicflow.scheduling.HolidayView;
import dev.clinicflow.scheduling.Holidays;
import dev.clinicflow.shared.CursorPage;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The clinic's holidays.
 */
@RestController
@RequestMapping("/api/v1/holidays")
@Tag(name = "Holidays")
class HolidayController {

	private final Holidays holidays;

	HolidayController(Holidays holidays) {
		this.holidays = holidays;
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
	@Operation(summary = "Record a holiday of the whole clinic (ADMIN, STAFF)")
	@ApiResponse(responseCode = "201", description = "Created")
	@ApiResponse(responseCode = "409", description = "`holiday_exists`: `existingId` names that date's holiday")
	ResponseEntity<HolidayView> create(@Valid @RequestBody HolidayInput input) {
		HolidayView holiday = this.holidays.create(input);
		return ResponseEntity.created(URI.create("/api/v1/holidays/" + holiday.id())).body(holiday);
	}

	@GetMapping
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF', 'DOCTOR', 'DRIVER')")
	@Operation(summary = "List holidays in date order (ADMIN, STAFF, DOCTOR, DRIVER)")
	CursorPage<HolidayView> list(
			@Parameter(description = "First day, included") @RequestParam(required = false) @Nullable LocalDate from,
			@Parameter(description = "Last day, included") @RequestParam(required = false) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return this.holidays.list(from, to, limit, cursor);
	}

	@DeleteMapping("/{id}")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
	@Operation(summary = "Remove a holiday (ADMIN, STAFF)")
	@ApiResponse(responseCode = "204", description = "Removed")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		this.holidays.delete(id);
		return ResponseEntity.noContent().build();
	}

}
