package dev.clinicflow.scheduling;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Blank input is absent input: trimmed text, or null when nothing is left.
 */
final class Blank {

	private Blank() {
	}

	static @Nullable String toNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	static @Nullable String upper(@Nullable String value) {
		String trimmed = toNull(value);
		return (trimmed != null) ? trimmed.toUpperCase(Locale.ROOT) : null;
	}

	/** Trimmed, in the given form, without repeats, in the client's order. */
	static List<String> labels(@Nullable List<String> labels, Function<String, String> form) {
		return (labels != null) ? labels.stream().map(String::trim).map(form).distinct().toList() : List.of();
	}

	/** A LIKE pattern matching the text anywhere, with the wildcards in it escaped. */
	static String containing(String text) {
		return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

}
