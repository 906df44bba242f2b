package dev.clinicflow.shared.time;

import java.time.Clock;
import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.clinicflow.shared.PublicPaths;

import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Server time, so that clients can correct their own clock.
 */
@RestController
@RequestMapping("/api/v1/time")
@Tag(name = "Platform")
@SecurityRequirements
class TimeController {

	private final Clock clock;

	TimeController(Clock clock) {
		this.clock = clock;
	}

	@GetMapping("/now")
	@Operation(summary = "Current server time (UTC)", description = "Public; for clients' clock sync.")
	ServerTime now() {
		return new ServerTime(this.clock.instant());
	}

	@Bean
	static PublicPaths timePaths() {
		return PublicPaths.of("/api/v1/time/now");
	}

	record ServerTime(Instant now) {
	}

}
