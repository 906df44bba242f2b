package dev.clinicflow.shared.web;

import jakarta.servlet.http.HttpServletRequest;

import dev.clinicflow.shared.AccessDenied;
import dev.clinicflow.shared.CurrentActor;
import dev.clinicflow.shared.CurrentTenant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Tells the rest of the application (the audit trail) that an authenticated user was
 * refused, wherever the refusal happened: in a URL rule or in a method check.
 */
@Component
public class DeniedAccess {

	private final ApplicationEventPublisher events;

	DeniedAccess(ApplicationEventPublisher events) {
		this.events = events;
	}

	/**
	 * Reports the current request as refused, if a user is authenticated.
	 * @param request the refused request
	 */
	public void report(HttpServletRequest request) {
		CurrentTenant.find()
			.ifPresent((tenant) -> CurrentActor.userId()
				.ifPresent((user) -> this.events
					.publishEvent(new AccessDenied(tenant, user, request.getMethod(), request.getRequestURI()))));
	}

}
