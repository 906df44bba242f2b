package dev.clinicflow.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The bodies of the authentication endpoints.
 */
public final class AuthRequests {

	private AuthRequests() {
	}

	/**
	 * Registers a clinic or laboratory and its first administrator.
	 *
	 * @param tenantName the clinic's name
	 * @param tenantSlug its short unique name; derived from the name when absent
	 * @param timezone IANA time zone, {@code America/Sao_Paulo} when absent
	 * @param locale BCP 47 locale, {@code pt-BR} when absent
	 * @param name the administrator's name
	 * @param email the administrator's e-mail
	 * @param password the administrator's password, at least 10 characters
	 */
	public record Register(@NotBlank @Size(max = 200) String tenantName, @Nullable @Size(max = 63) String tenantSlug,
			@Nullable @Size(max = 64) String timezone, @Nullable @Size(max = 35) String locale,
			@NotBlank @Size(max = 200) String name, @NotBlank @Email @Size(max = 254) String email,
			@NotBlank @Size(max = 200) String password) {
	}

	/**
	 * Logs in.
	 *
	 * @param email the user's e-mail
	 * @param password the password
	 * @param tenant the tenant's slug, needed only when the e-mail exists in several
	 */
	public record Login(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 200) String password,
			@Nullable @Size(max = 63) String tenant) {
	}

	/**
	 * Presents a refresh token (to refresh or to log out).
	 *
	 * @param refreshToken the token
	 */
	public record Refresh(@NotBlank @Size(max = 200) String refreshToken) {
	}

	/**
	 * Creates a patient's own account.
	 *
	 * @param tenant the clinic's slug
	 * @param name the patient's name
	 * @param email the patient's e-mail
	 * @param phone the patient's phone number
	 * @param password the password
	 */
	public record PatientSignup(@NotBlank @Size(max = 63) String tenant, @NotBlank @Size(max = 200) String name,
			@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 40) String phone,
			@NotBlank @Size(max = 200) String password) {
	}

	/**
	 * Accepts an invitation by choosing a password.
	 *
	 * @param inviteToken the token the administrator passed on
	 * @param password the new password
	 */
	public record AcceptInvite(@NotBlank @Size(max = 200) String inviteToken,
			@NotBlank @Size(max = 200) String password) {
	}

}
