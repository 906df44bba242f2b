package dev.clinicflow.shared;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.MDC;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What the current HTTP request says about itself, for the audit trail and problems.
 */
public final class RequestContext {

	/** MDC key and response header field of the request id. */
	public static final String REQUEST_ID = "requestId";

	private RequestContext() {
	}

	/**
	 * Returns the current request's id ({@code X-Request-Id}), if inside a request.
	 * @return the request id
	 */
	public static Optional<String> requestId() {
		return Optional.ofNullable(MDC.get(REQUEST_ID));
	}

	/**
	 * Returns the client's IP address, if inside a request.
	 * @return the address
	 */
	public static Optional<String> clientIp() {
		return current().map(HttpServletRequest::getRemoteAddr);
	}

	private static Optional<HttpServletRequest> current() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return Optional.of(attributes.getRequest());
		}
		return Optional.empty();
	}

}
