package dev.clinicflow.scheduling.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import dev.clinicflow.scheduling.SchedulingSettings;
import dev.clinicflow.scheduling.SchedulingSettings.Settings;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The clinic's scheduling rules.
 */
@RestController
@RequestMapping("/api/v1/scheduling/settings")
@Tag(name = "Scheduling settings")
class SchedulingSettingsController {

	private final SchedulingSettings settings;

	SchedulingSettingsController(SchedulingSettings settings) {
		this.settings = settings;
	}

	@GetMapping
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "Read the clinic's scheduling rules (every signed-in user)")
	Settings read() {
		return this.settings.current();
	}

	@PutMapping
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Replace the clinic's scheduling rules (ADMIN)")
	Settings replace(@Valid @RequestBody Settings settings) {
		return this.settings.replace(settings);
	}

}
