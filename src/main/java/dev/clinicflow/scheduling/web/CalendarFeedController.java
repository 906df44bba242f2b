package dev.clinicflow.scheduling.web;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.clinicflow.scheduling.CalendarFeeds;
import dev.clinicflow.scheduling.CalendarFeeds.FeedToken;
import dev.clinicflow.shared.PublicPaths;

import org.springframework.context.annotation.Bean;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A doctor's calendar feed: issue or revoke its token, and the feed itself, which
 * calendar apps read with the token instead of a login.
 */
@RestController
@Tag(name = "Calendar feed")
class CalendarFeedController {

	static final MediaType TEXT_CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

	private final CalendarFeeds feeds;

	CalendarFeedController(CalendarFeeds feeds) {
		this.feeds = feeds;
	}

	@Bean
	static PublicPaths calendarFeedPaths() {
		return PublicPaths.of("/api/v1/doctors/*/calendar.ics");
	}

	@PostMapping("/api/v1/doctors/{id}/calendar-feed")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF', 'DOCTOR')")
	@Operation(summary = "Issue the doctor's calendar feed token (ADMIN, STAFF; a DOCTOR their own)",
			description = "Revokes the previous token. The token is shown once; `url` is the address to subscribe "
					+ "to from a calendar app.")
	@ApiResponse(responseCode = "201", description = "Issued")
	@ApiResponse(responseCode = "403", description = "A DOCTOR asked for another doctor's feed")
	@ApiResponse(responseCode = "404", description = "No such doctor")
	ResponseEntity<FeedLink> issue(@PathVariable UUID id) {
		FeedToken token = this.feeds.issue(id);
		URI url = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/api/v1/doctors/{id}/calendar.ics")
			.queryParam("token", token.token())
			.buildAndExpand(id)
			.toUri();
		return ResponseEntity.created(url).body(new FeedLink(id, token.token(), url.toString(), token.createdAt()));
	}

	@DeleteMapping("/api/v1/doctors/{id}/calendar-feed")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF', 'DOCTOR')")
	@Operation(summary = "Revoke the doctor's calendar feed token (ADMIN, STAFF; a DOCTOR their own)")
	@ApiResponse(responseCode = "204", description = "Revoked")
	@ApiResponse(responseCode = "403", description = "A DOCTOR asked for another doctor's feed")
	@ApiResponse(responseCode = "404", description = "No such doctor, or no feed")
	ResponseEntity<Void> revoke(@PathVariable UUID id) {
		this.feeds.revoke(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping(path = "/api/v1/doctors/{id}/calendar.ics", produces = "text/calendar")
	@SecurityRequirements
	@Operation(summary = "The doctor's appointments as iCalendar (no login: the feed token authenticates)",
			description = "Appointments that hold their slot, from 30 days ago to 180 days ahead. Patients appear "
					+ "by first name and initial.")
	@ApiResponse(responseCode = "200", description = "The calendar",
			content = @Content(mediaType = "text/calendar", schema = @Schema(type = "string")))
	@ApiResponse(responseCode = "404", description = "Unknown or revoked token, or another doctor's")
	ResponseEntity<String> feed(@PathVariable UUID id, @RequestParam String token) {
		return ResponseEntity.ok()
			.contentType(TEXT_CALENDAR)
			.cacheControl(CacheControl.noStore())
			.body(this.feeds.render(id, token));
	}

	/**
	 * A feed's address.
	 *
	 * @param doctorId the doctor
	 * @param token the secret token, shown once
	 * @param url the address to subscribe to
	 * @param createdAt when the token was issued
	 */
	record FeedLink(UUID doctorId, String token, String url, java.time.Instant createdAt) {
	}

}
