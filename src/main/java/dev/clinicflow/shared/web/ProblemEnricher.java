package dev.clinicflow.shared.web;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import dev.clinicflow.shared.RequestContext;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Gives every problem, whichever module answered it, the same frame: the request path as
 * {@code instance}, the request id, and a {@code code} even when a framework built it.
 */
@RestControllerAdvice
class ProblemEnricher implements ResponseBodyAdvice<Object> {

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public @Nullable Object beforeBodyWrite(@Nullable Object body, MethodParameter returnType,
			MediaType selectedContentType, Class<? extends HttpMessageConverter<?>> selectedConverterType,
			ServerHttpRequest request, ServerHttpResponse response) {
		if (body instanceof ProblemDetail problem && request instanceof ServletServerHttpRequest servlet) {
			enrich(problem, servlet.getServletRequest());
		}
		return body;
	}

	static void enrich(ProblemDetail problem, HttpServletRequest request) {
		if (problem.getInstance() == null) {
			problem.setInstance(URI.create(request.getRequestURI()));
		}
		if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
			String code = switch (problem.getStatus()) {
				case 400 -> "bad_request";
				case 401 -> "unauthorized";
				case 403 -> "forbidden";
				case 404 -> "not_found";
				case 405 -> "method_not_allowed";
				case 406 -> "not_acceptable";
				case 409 -> "conflict";
				case 413 -> "payload_too_large";
				case 415 -> "unsupported_media_type";
				default -> problem.getStatus() >= 500 ? "internal_error" : "error";
			};
			problem.setProperty("code", code);
			if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
				problem.setType(URI.create(dev.clinicflow.shared.Problems.TYPE_BASE + code.replace('_', '-')));
			}
		}
		RequestContext.requestId().ifPresent((id) -> problem.setProperty("requestId", id));
	}

}
