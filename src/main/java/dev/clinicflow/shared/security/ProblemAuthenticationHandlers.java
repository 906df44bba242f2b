package dev.clinicflow.shared.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.clinicflow.shared.Problems;
import dev.clinicflow.shared.web.DeniedAccess;
import dev.clinicflow.shared.web.ProblemWriter;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers missing, expired or forged tokens (401) and missing roles (403) as problems,
 * keeping the standard {@code WWW-Authenticate} header.
 */
final class ProblemAuthenticationHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final ProblemWriter problems;

	private final DeniedAccess deniedAccess;

	private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();

	private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();

	ProblemAuthenticationHandlers(ProblemWriter problems, DeniedAccess deniedAccess) {
		this.problems = problems;
		this.deniedAccess = deniedAccess;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		this.bearerEntryPoint.commence(request, response, ex);
		this.problems.write(request, response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized",
				"A valid access token is required (Authorization: Bearer …); it may be missing, expired or invalid."));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		this.bearerDenied.handle(request, response, ex);
		this.deniedAccess.report(request);
		this.problems.write(request, response,
				Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Your role does not allow this operation."));
	}

}
