package dev.clinicflow.shared;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * Optimistic locking over HTTP: a resource's version is its strong {@code ETag}, and an
 * update that carries {@code If-Match} proceeds only while that version is current.
 */
public final class Versions {

	private Versions() {
	}

	/**
	 * Renders a version as an ETag.
	 * @param version the stored version
	 * @return the quoted entity tag
	 */
	public static String etag(long version) {
		return "\"" + version + "\"";
	}

	/**
	 * Checks an {@code If-Match} header against the current version; no header means the
	 * client does not ask for the check.
	 * @param ifMatch the header value, possibly absent
	 * @param resource what is being updated, for the message
	 * @param current the current version
	 * @throws StaleVersion when the header names no current version
	 */
	public static void checkIfMatch(@Nullable String ifMatch, String resource, long current) {
		if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
			return;
		}
		String expected = etag(current);
		boolean matches = Arrays.stream(ifMatch.split(","))
			.map(String::trim)
			.map((tag) -> tag.startsWith("W/") ? tag.substring(2) : tag)
			.anyMatch(expected::equals);
		if (!matches) {
			throw StaleVersion.of(resource, current);
		}
	}

}
