package dev.clinicflow.shared.security;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token settings.
 *
 * @param jwtSecret the HMAC key signing access tokens, at least 32 bytes, as Base64 or
 * plain text ({@code CLINICFLOW_JWT_SECRET})
 * @param jwtSecretFile a file holding that key ({@code CLINICFLOW_JWT_SECRET_FILE})
 * @param accessTokenTtl lifetime of an access token
 * @param refreshTokenTtl lifetime of a refresh token
 */
@ConfigurationProperties("clinicflow.security")
public record SecurityProperties(@Nullable String jwtSecret, @Nullable Path jwtSecretFile,
		@DefaultValue("15m") Duration accessTokenTtl, @DefaultValue("30d") Duration refreshTokenTtl) {
}
