package dev.clinicflow.shared;

import java.util.List;

/**
 * Paths a module serves without authentication (login, webhooks with their own
 * signatures, calendar feeds with their own tokens). Each module declares its own as a
 * bean; everything else under the API requires a valid access token.
 *
 * @param patterns path patterns, such as {@code /api/v1/auth/**}
 */
public record PublicPaths(List<String> patterns) {

	/**
	 * Declares public paths.
	 * @param patterns path patterns
	 * @return the declaration
	 */
	public static PublicPaths of(String... patterns) {
		return new PublicPaths(List.of(patterns));
	}

}
