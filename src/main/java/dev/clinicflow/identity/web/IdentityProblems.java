package dev.clinicflow.identity.web;

import dev.clinicflow.identity.AccountException;
import dev.clinicflow.shared.Problems;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers refused account operations with their problem code; a throttled login also says
 * when to retry.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class IdentityProblems {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> refused(AccountException ex) {
		ProblemDetail problem = Problems.of(ex.reason().status(), ex.reason().code(), ex.getMessage());
		ResponseEntity.BodyBuilder response = ResponseEntity.status(ex.reason().status());
		if (ex.retryAfterSeconds() > 0) {
			response.header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()));
		}
		return response.body(problem);
	}

}
