package dev.clinicflow.shared.web;

import java.util.List;
import java.util.Objects;

import java.sql.SQLTransientConnectionException;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.exc.MismatchedInputException;

import dev.clinicflow.shared.InvalidField;
import dev.clinicflow.shared.InvalidRequest;
import dev.clinicflow.shared.Problems;
import dev.clinicflow.shared.ResourceNotFound;
import dev.clinicflow.shared.StaleVersion;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The fallback that turns framework and shared errors into problems: bad JSON, unknown
 * fields, wrong types and unknown enum values name the field; nothing a client does
 * yields a 500, and a real 500 never shows internals. Modules map their own exceptions in
 * their own advice, which runs first.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private final DeniedAccess deniedAccess;

	ApiExceptionHandler(DeniedAccess deniedAccess) {
		this.deniedAccess = deniedAccess;
	}

	@ExceptionHandler
	ProblemDetail invalidRequest(InvalidRequest ex) {
		return Problems.invalid(ex.errors());
	}

	@ExceptionHandler
	ProblemDetail notFound(ResourceNotFound ex) {
		return Problems.of(HttpStatus.NOT_FOUND, "not_found", ex.getMessage());
	}

	@ExceptionHandler({ StaleVersion.class, OptimisticLockingFailureException.class })
	ProblemDetail staleVersion(RuntimeException ex) {
		String detail = (ex instanceof StaleVersion) ? ex.getMessage()
				: "The resource was changed by someone else. Read it again and retry.";
		return Problems.of(HttpStatus.PRECONDITION_FAILED, "stale_version", detail);
	}

	/** Input converted from JSON by application code (a merge patch, one bulk item). */
	@ExceptionHandler
	ProblemDetail invalidJson(MismatchedInputException ex) {
		return JsonInputProblems.of(ex);
	}

	@ExceptionHandler
	ProblemDetail accessDenied(AccessDeniedException ex, HttpServletRequest request) {
		this.deniedAccess.report(request);
		return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Your role does not allow this operation.");
	}

	/**
	 * No database connection came free in time: the service is overloaded. Say so (503
	 * with Retry-After) instead of failing as if something were broken.
	 */
	@ExceptionHandler({ CannotCreateTransactionException.class, CannotGetJdbcConnectionException.class })
	ResponseEntity<ProblemDetail> overloaded(RuntimeException ex) {
		if (!(NestedExceptionUtils.getMostSpecificCause(ex) instanceof SQLTransientConnectionException)) {
			return ResponseEntity.internalServerError().body(unexpected(ex));
		}
		log.warn("No database connection available in time: {}",
				NestedExceptionUtils.getMostSpecificCause(ex).getMessage());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "1")
			.body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "overloaded", "The service is busy; retry in a moment."));
	}

	@ExceptionHandler
	ProblemDetail unexpected(Exception ex) {
		log.error("Unexpected error", ex);
		return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
				"Something went wrong on our side. Quote the request id when reporting it.");
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<InvalidField> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> new InvalidField(error.getField(),
					error.isBindingFailure() ? "is not a valid value"
							: Objects.requireNonNullElse(error.getDefaultMessage(), "is invalid")))
			.toList();
		return ResponseEntity.badRequest().body(Problems.invalid(errors));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<InvalidField> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap((result) -> result.getResolvableErrors()
				.stream()
				.map((error) -> new InvalidField(
						Objects.requireNonNullElse(result.getMethodParameter().getParameterName(), "parameter"),
						Objects.requireNonNullElse(error.getDefaultMessage(), "is invalid"))))
			.toList();
		return ResponseEntity.badRequest().body(Problems.invalid(errors));
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = Objects.requireNonNullElse(ex.getPropertyName(), "parameter");
		String expected = (ex.getRequiredType() != null) ? JsonInputProblems.describe(ex.getRequiredType())
				: "another type";
		return ResponseEntity.badRequest()
			.body(Problems.invalid(List.of(new InvalidField(field, "must be " + expected))));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest()
			.body(Problems.invalid(List.of(new InvalidField(ex.getParameterName(), "is required"))));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest()
			.body(Problems.invalid(List.of(new InvalidField(ex.getRequestPartName(), "is required"))));
	}

	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
			.body(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large", "The upload is larger than allowed."));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (BodySizeLimitFilter.isTooLarge(ex)) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
				.body(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large",
						"The request body is larger than " + BodySizeLimitFilter.MAX_BYTES / 1024 + " KiB."));
		}
		return ResponseEntity.badRequest().body(JsonInputProblems.of(ex.getCause()));
	}

}
