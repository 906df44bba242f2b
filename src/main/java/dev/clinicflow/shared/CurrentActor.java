package dev.clinicflow.shared;

import java.util.Optional;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The authenticated user behind the current request, as named by the access token's
 * {@code sub} claim.
 */
public final class CurrentActor {

	private CurrentActor() {
	}

	/**
	 * Returns the id of the authenticated user, if a user is authenticated.
	 * @return the user id
	 */
	public static Optional<UUID> userId() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof JwtAuthenticationToken token) {
			return Optional.of(UUID.fromString(token.getToken().getSubject()));
		}
		return Optional.empty();
	}

	/**
	 * Returns the id of the authenticated user or fails.
	 * @return the user id
	 */
	public static UUID requireUserId() {
		return userId().orElseThrow(() -> new IllegalStateException("No authenticated user"));
	}

	/**
	 * Tells whether the authenticated user has a role.
	 * @param role the role name without prefix, such as {@code ADMIN}
	 * @return whether the user has it
	 */
	public static boolean hasRole(String role) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> ("ROLE_" + role).equals(authority.getAuthority()));
	}

}
