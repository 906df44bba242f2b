package dev.clinicflow.shared.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import dev.clinicflow.shared.Problems;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps JSON request bodies (uploads have their own multipart limits): a declared length
 * over the cap is refused at once, and a chunked body stops being read at the cap.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodySizeLimitFilter extends OncePerRequestFilter {

	static final int MAX_BYTES = 1024 * 1024;

	private final ProblemWriter problems;

	BodySizeLimitFilter(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String contentType = request.getContentType();
		if (contentType != null && contentType.startsWith("multipart/")) {
			chain.doFilter(request, response);
			return;
		}
		if (request.getContentLengthLong() > MAX_BYTES) {
			this.problems.write(request, response, Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large",
					"The request body is larger than " + MAX_BYTES / 1024 + " KiB."));
			return;
		}
		chain.doFilter(new LimitedRequest(request), response);
	}

	static boolean isTooLarge(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof BodyTooLarge) {
				return true;
			}
		}
		return false;
	}

	static final class BodyTooLarge extends IOException {

		BodyTooLarge() {
			super("request body over " + MAX_BYTES + " bytes");
		}

	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private ServletInputStream limited;

		LimitedRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.limited == null) {
				this.limited = new LimitedStream(super.getInputStream());
			}
			return this.limited;
		}

	}

	private static final class LimitedStream extends ServletInputStream {

		private final ServletInputStream in;

		private long read;

		LimitedStream(ServletInputStream in) {
			this.in = in;
		}

		@Override
		public int read() throws IOException {
			int b = this.in.read();
			if (b >= 0 && ++this.read > MAX_BYTES) {
				throw new BodyTooLarge();
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.in.read(buffer, offset, length);
			if (n > 0 && (this.read += n) > MAX_BYTES) {
				throw new BodyTooLarge();
			}
			return n;
		}

		@Override
		public boolean isFinished() {
			return this.in.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.in.setReadListener(listener);
		}

	}

}
