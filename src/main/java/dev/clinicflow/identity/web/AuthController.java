package dev.clinicflow.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import dev.clinicflow.identity.AuthRequests;
import dev.clinicflow.identity.Registrations;
import dev.clinicflow.identity.Session;
import dev.clinicflow.identity.Sessions;
import dev.clinicflow.shared.PublicPaths;

import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Registration, login, token refresh and logout: the public side of the API.
 */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication")
@SecurityRequirements
class AuthController {

	private final Registrations registrations;

	private final Sessions sessions;

	AuthController(Registrations registrations, Sessions sessions) {
		this.registrations = registrations;
		this.sessions = sessions;
	}

	@PostMapping("/register")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register a clinic or laboratory and its first administrator")
	@ApiResponse(responseCode = "201", description = "Registered and logged in")
	@ApiResponse(responseCode = "409", description = "`slug_taken`: the tenant slug is taken")
	Session register(@Valid @RequestBody AuthRequests.Register request) {
		return this.registrations.register(request);
	}

	@PostMapping("/login")
	@Operation(summary = "Log in with e-mail and password")
	@ApiResponse(responseCode = "200", description = "Logged in")
	@ApiResponse(responseCode = "401", description = "`invalid_credentials`: same answer for unknown e-mails")
	@ApiResponse(responseCode = "403", description = "`account_inactive`: the user was deactivated")
	@ApiResponse(responseCode = "429",
			description = "`too_many_attempts`: 5 failures for this e-mail and address within 15 minutes; see Retry-After")
	Session login(@Valid @RequestBody AuthRequests.Login request) {
		return this.sessions.login(request);
	}

	@PostMapping("/refresh")
	@Operation(summary = "Exchange a refresh token for a new token pair (rotation)")
	@ApiResponse(responseCode = "200", description = "New tokens; the presented refresh token is spent")
	@ApiResponse(responseCode = "401",
			description = "`invalid_refresh_token`: unknown, expired, revoked, or reused (which revokes its family)")
	Session refresh(@Valid @RequestBody AuthRequests.Refresh request) {
		return this.sessions.refresh(request);
	}

	@PostMapping("/logout")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke the refresh token's family (log out this device)")
	@ApiResponse(responseCode = "204", description = "Logged out (also for unknown tokens)")
	void logout(@Valid @RequestBody AuthRequests.Refresh request) {
		this.sessions.logout(request);
	}

	@PostMapping("/patient/signup")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a patient's own account in a clinic")
	@ApiResponse(responseCode = "201", description = "Signed up and logged in")
	@ApiResponse(responseCode = "404", description = "`unknown_tenant`: no clinic with that slug")
	@ApiResponse(responseCode = "409", description = "`email_taken`: the e-mail already has an account there")
	Session signUpPatient(@Valid @RequestBody AuthRequests.PatientSignup request) {
		return this.registrations.signUpPatient(request);
	}

	@PostMapping("/invite/accept")
	@Operation(summary = "Accept an invitation by choosing a password")
	@ApiResponse(responseCode = "200", description = "Password set and logged in")
	@ApiResponse(responseCode = "401", description = "`invalid_invite`: unknown or expired invitation")
	Session acceptInvite(@Valid @RequestBody AuthRequests.AcceptInvite request) {
		return this.registrations.acceptInvite(request);
	}

	@Bean
	static PublicPaths authPaths() {
		return PublicPaths.of("/api/v1/auth/**");
	}

}
