package dev.clinicflow.identity;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A user as clients see it (never the password hash).
 *
 * @param id the user id
 * @param email login e-mail, unique in the tenant
 * @param name display name
 * @param phone phone number in E.164
 * @param role what the user may do
 * @param active whether the user may log in
 * @param locale preferred BCP 47 locale, if set
 * @param mustChangePassword whether the user logged in with a temporary password
 * @param hasPhoto whether a profile photo is stored
 * @param createdAt when the user was created
 * @param updatedAt when the user was last changed
 * @param version the version, also the {@code ETag}
 */
public record UserView(UUID id, String email, String name, @Nullable String phone, Role role, boolean active,
		@Nullable String locale, boolean mustChangePassword, boolean hasPhoto, Instant createdAt, Instant updatedAt,
		long version) {
}
