package dev.clinicflow.scheduling.web;

import dev.clinicflow.scheduling.BookingConflict;
import dev.clinicflow.scheduling.SchedulingException;
import dev.clinicflow.shared.Problems;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers scheduling operations refused because of stored data; the problem names the
 * record the request conflicts with, when known.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SchedulingProblems {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> refused(SchedulingException ex) {
		ProblemDetail problem = Problems.of(ex.reason().status(), ex.reason().code(), ex.getMessage());
		if (ex.existingId() != null) {
			problem.setProperty("existingId", ex.existingId());
		}
		return ResponseEntity.status(ex.reason().status()).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> refused(BookingConflict ex) {
		ProblemDetail problem = Problems.of(ex.status(), ex.code(), ex.getMessage());
		ex.details().forEach(problem::setProperty);
		return ResponseEntity.status(ex.status()).body(problem);
	}

}
