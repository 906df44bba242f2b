package dev.clinicflow.shared.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import dev.clinicflow.shared.CurrentActor;
import dev.clinicflow.shared.CurrentTenant;
import dev.clinicflow.shared.InvalidField;
import dev.clinicflow.shared.Problems;
import dev.clinicflow.shared.TenantId;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes creating POSTs safe to retry: a request with an {@code Idempotency-Key} is
 * answered once; the same key with the same body replays that answer, the same key with a
 * different body is refused (422), and a retry while the first is still running is
 * refused (409). Keys are per tenant and user and kept for a day.
 */
@Component
@Order(0)
class IdempotencyFilter extends OncePerRequestFilter {

	static final String HEADER = "Idempotency-Key";

	private final IdempotencyKeys keys;

	private final ProblemWriter problems;

	IdempotencyFilter(IdempotencyKeys keys, ProblemWriter problems) {
		this.keys = keys;
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String contentType = request.getContentType();
		return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
				|| (contentType != null && contentType.startsWith("multipart/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<TenantId> tenant = CurrentTenant.find();
		Optional<UUID> user = CurrentActor.userId();
		if (tenant.isEmpty() || user.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		String key = request.getHeader(HEADER).trim();
		if (key.isEmpty() || key.length() > 255) {
			this.problems.write(request, response, Problems
				.invalid(java.util.List.of(new InvalidField(HEADER, "must be between 1 and 255 characters"))));
			return;
		}
		byte[] body;
		try {
			body = request.getInputStream().readAllBytes();
		}
		catch (BodySizeLimitFilter.BodyTooLarge ex) {
			this.problems.write(request, response,
					Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large", "The request body is too large."));
			return;
		}
		IdempotencyKeys.Scope scope = new IdempotencyKeys.Scope(tenant.get(), user.get(), key);
		byte[] hash = hash(request, body);
		Optional<IdempotencyKeys.Stored> earlier = this.keys.claim(scope, hash);
		if (earlier.isPresent()) {
			answerFromEarlier(request, response, earlier.get(), hash);
			return;
		}
		ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
		try {
			chain.doFilter(new CachedBodyRequest(request, body), recorded);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			this.keys.release(scope);
			throw ex;
		}
		if (recorded.getStatus() >= 500) {
			this.keys.release(scope);
		}
		else {
			this.keys.complete(scope,
					new IdempotencyKeys.Stored(hash, recorded.getStatus(), recorded.getContentType(),
							recorded.getHeader(HttpHeaders.LOCATION), recorded.getHeader(HttpHeaders.ETAG),
							recorded.getContentAsByteArray()));
		}
		recorded.copyBodyToResponse();
	}

	private void answerFromEarlier(HttpServletRequest request, HttpServletResponse response,
			IdempotencyKeys.Stored earlier, byte[] hash) throws IOException {
		if (!MessageDigest.isEqual(earlier.requestHash(), hash)) {
			this.problems.write(request, response, Problems.of(HttpStatus.UNPROCESSABLE_CONTENT,
					"idempotency_key_reused", "This Idempotency-Key was used with a different request."));
			return;
		}
		if (earlier.status() == null) {
			this.problems.write(request, response, Problems.of(HttpStatus.CONFLICT, "idempotency_key_in_progress",
					"A request with this Idempotency-Key is still being processed; retry shortly."));
			return;
		}
		response.setStatus(earlier.status());
		response.setHeader("Idempotent-Replayed", "true");
		if (earlier.contentType() != null) {
			response.setContentType(earlier.contentType());
		}
		if (earlier.location() != null) {
			response.setHeader(HttpHeaders.LOCATION, earlier.location());
		}
		if (earlier.etag() != null) {
			response.setHeader(HttpHeaders.ETAG, earlier.etag());
		}
		if (earlier.body() != null) {
			response.getOutputStream().write(earlier.body());
		}
	}

	private static byte[] hash(HttpServletRequest request, byte[] body) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			String target = request.getMethod() + " " + request.getRequestURI() + "?"
					+ (request.getQueryString() == null ? "" : request.getQueryString()) + "\n";
			digest.update(target.getBytes(StandardCharsets.UTF_8));
			return digest.digest(body);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static final class CachedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}

			};
		}

	}

}
