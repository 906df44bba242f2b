package dev.clinicflow.shared.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import dev.clinicflow.shared.CurrentActor;
import dev.clinicflow.shared.CurrentTenant;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Adds the authenticated tenant and user to every log line of the request, next to the
 * request id, so that an operator can follow one clinic's or one user's requests.
 */
@Component
@Order(-1)
class ActorLogContextFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		CurrentTenant.find().ifPresent((tenant) -> MDC.put("tenantId", tenant.toString()));
		CurrentActor.userId().ifPresent((user) -> MDC.put("userId", user.toString()));
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove("tenantId");
			MDC.remove("userId");
		}
	}

}
