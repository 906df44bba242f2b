package dev.clinicflow.shared;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Builds RFC 9457 problem details the way every Clinicflow endpoint answers errors: a
 * stable {@code type} and {@code code}, a human title and detail, and for validation an
 * {@code errors} list naming each field.
 */
public final class Problems {

	/** Base of every problem type URI. */
	public static final String TYPE_BASE = "https://clinicflow.dev/problems/";

	private Problems() {
	}

	/**
	 * Builds a problem.
	 * @param status the HTTP status
	 * @param code the stable, machine-readable code, such as {@code email_taken}
	 * @param detail a sentence for humans about this occurrence
	 * @return the problem
	 */
	public static ProblemDetail of(HttpStatus status, String code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + code.replace('_', '-')));
		problem.setTitle(status.getReasonPhrase());
		problem.setProperty("code", code);
		return problem;
	}

	/**
	 * Builds a validation problem (400) that names the rejected fields.
	 * @param errors the rejected fields
	 * @return the problem
	 */
	public static ProblemDetail invalid(List<InvalidField> errors) {
		String detail = errors.isEmpty() ? "The request is invalid."
				: errors.stream()
					.map((error) -> "'" + error.field() + "' " + error.message())
					.reduce((a, b) -> a + "; " + b)
					.orElseThrow();
		ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "validation_failed", detail);
		problem.setTitle("Invalid request");
		problem.setProperty("errors", errors);
		return problem;
	}

}
