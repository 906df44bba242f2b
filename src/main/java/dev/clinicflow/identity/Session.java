package dev.clinicflow.identity;

/**
 * What a successful registration, login or refresh answers.
 *
 * @param accessToken the JWT to send as {@code Authorization: Bearer …}
 * @param refreshToken the opaque token that obtains the next access token, once
 * @param tokenType always {@code Bearer}
 * @param expiresIn the access token's lifetime in seconds
 * @param user the logged-in user
 * @param tenant the user's tenant
 */
public record Session(String accessToken, String refreshToken, String tokenType, long expiresIn, UserView user,
		TenantView tenant) {
}
