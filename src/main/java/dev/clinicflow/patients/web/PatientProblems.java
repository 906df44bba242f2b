package dev.clinicflow.patients.web;

import java.net.URI;

import dev.clinicflow.patients.PatientException;
import dev.clinicflow.shared.Problems;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers refused patient operations. A taken CPF names the patient who has it; a merged
 * record redirects to the one that survived.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PatientProblems {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> refused(PatientException ex) {
		ProblemDetail problem = Problems.of(ex.reason().status(), ex.reason().code(), ex.getMessage());
		ResponseEntity.BodyBuilder response = ResponseEntity.status(ex.reason().status());
		switch (ex.reason()) {
			case CPF_TAKEN -> problem.setProperty("patientId", ex.patientId());
			case MERGED -> {
				problem.setProperty("mergedInto", ex.patientId());
				response.location(URI.create("/api/v1/patients/" + ex.patientId()));
			}
			default -> {
			}
		}
		return response.body(problem);
	}

}
