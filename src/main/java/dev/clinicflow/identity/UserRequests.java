package dev.clinicflow.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The bodies of the user endpoints. In updates an absent (or null) field stays as it is;
 * an empty string clears an optional one.
 */
public final class UserRequests {

	private UserRequests() {
	}

	/**
	 * An administrator creates a user, with a temporary password or, without one, an
	 * invitation token the administrator passes on.
	 *
	 * @param email the user's e-mail
	 * @param name the user's name
	 * @param role ADMIN, STAFF, DOCTOR or DRIVER
	 * @param phone the user's phone number
	 * @param temporaryPassword a password the user must change after logging in
	 */
	public record Create(@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 200) String name,
			@NotNull Role role, @Nullable @Size(max = 40) String phone,
			@Nullable @Size(max = 200) String temporaryPassword) {
	}

	/**
	 * An administrator changes a user's access.
	 *
	 * @param role the new role
	 * @param active whether the user may log in
	 * @param name the corrected name
	 */
	public record Update(@Nullable Role role, @Nullable Boolean active,
			@Nullable @Size(min = 1, max = 200) String name) {
	}

	/**
	 * A user changes their own profile; a new password needs the current one.
	 *
	 * @param name the new name
	 * @param phone the new phone number, or "" to remove it
	 * @param locale the preferred locale, or "" to use the tenant's
	 * @param currentPassword the current password, to change it
	 * @param newPassword the new password
	 */
	public record UpdateMe(@Nullable @Size(min = 1, max = 200) String name, @Nullable @Size(max = 40) String phone,
			@Nullable @Size(max = 35) String locale, @Nullable @Size(max = 200) String currentPassword,
			@Nullable @Size(max = 200) String newPassword) {
	}

	/**
	 * A created user, with the invitation token when no temporary password was set.
	 *
	 * @param user the user
	 * @param inviteToken the one-time invitation token (shown only now)
	 */
	public record Created(UserView user, @Nullable String inviteToken) {
	}

}
