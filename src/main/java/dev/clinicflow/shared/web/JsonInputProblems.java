package dev.clinicflow.shared.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import dev.clinicflow.shared.InvalidField;
import dev.clinicflow.shared.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Turns a JSON input that could not be read (unknown field, wrong type, unknown enum
 * value, broken syntax) into a 400 problem that names the field.
 */
public final class JsonInputProblems {

	private JsonInputProblems() {
	}

	/**
	 * Builds the problem for a failed read.
	 * @param cause what the JSON reader threw, or null when there was no body
	 * @return the problem
	 */
	public static ProblemDetail of(@Nullable Throwable cause) {
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return Problems.invalid(List.of(new InvalidField(path(unknown), "is not a known field")));
		}
		if (cause instanceof InvalidFormatException format && format.getTargetType() != null
				&& format.getTargetType().isEnum()) {
			return Problems.invalid(List.of(new InvalidField(path(format),
					"must be one of " + List.of(format.getTargetType().getEnumConstants()))));
		}
		if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			String expected = (mismatch.getTargetType() != null) ? describe(mismatch.getTargetType()) : "another type";
			return Problems.invalid(List.of(new InvalidField(path(mismatch), "must be " + expected)));
		}
		if (cause instanceof JacksonException json && !(cause instanceof StreamReadException)
				&& !json.getPath().isEmpty()) {
			return Problems.invalid(List.of(new InvalidField(path(json), "is invalid")));
		}
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed_request",
				(cause == null) ? "The request body is missing." : "The request body is not valid JSON.");
		problem.setTitle("Malformed request");
		return problem;
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	static String describe(Class<?> type) {
		if (type.isEnum()) {
			return "one of " + List.of(type.getEnumConstants());
		}
		return switch (type.getSimpleName()) {
			case "UUID" -> "a UUID";
			case "Instant" -> "an ISO-8601 instant such as 2026-01-31T13:00:00Z";
			case "LocalDate" -> "a date as YYYY-MM-DD";
			case "Integer", "int", "Long", "long" -> "an integer";
			case "Boolean", "boolean" -> "true or false";
			case "String" -> "a string";
			case "List", "Set" -> "an array";
			default -> "a " + type.getSimpleName();
		};
	}

}
