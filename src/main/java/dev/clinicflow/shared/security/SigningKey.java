package dev.clinicflow.shared.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the key that signs access tokens: from configuration, from a key file, or, for
 * the embedded single-node mode only, generated once and kept in the data directory.
 * There is never a built-in secret.
 */
final class SigningKey {

	private static final Logger log = LoggerFactory.getLogger(SigningKey.class);

	private static final int MIN_BYTES = 32;

	private SigningKey() {
	}

	static SecretKey resolve(SecurityProperties properties, Path dataDir, boolean embedded) {
		if (properties.jwtSecret() != null && !properties.jwtSecret().isBlank()) {
			return hmac(decode(properties.jwtSecret().trim(), "CLINICFLOW_JWT_SECRET"));
		}
		if (properties.jwtSecretFile() != null) {
			return hmac(decode(read(properties.jwtSecretFile()), "CLINICFLOW_JWT_SECRET_FILE"));
		}
		if (!embedded) {
			throw new IllegalStateException("Set CLINICFLOW_JWT_SECRET (or CLINICFLOW_JWT_SECRET_FILE) when using an "
					+ "external database: every instance must sign with the same key.");
		}
		return hmac(decode(generatedKey(dataDir.resolve("jwt-signing.key")), "generated key"));
	}

	private static String generatedKey(Path file) {
		if (Files.exists(file)) {
			return read(file);
		}
		byte[] key = new byte[MIN_BYTES];
		new SecureRandom().nextBytes(key);
		String encoded = Base64.getEncoder().encodeToString(key);
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, encoded, StandardCharsets.US_ASCII);
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not store the generated signing key in " + file, ex);
		}
		log.info("Generated a new token signing key in {}", file);
		return encoded;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.US_ASCII).trim();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the token signing key from " + file, ex);
		}
	}

	private static byte[] decode(String secret, String source) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(secret);
		}
		catch (IllegalArgumentException notBase64) {
			bytes = secret.getBytes(StandardCharsets.UTF_8);
		}
		if (bytes.length < MIN_BYTES) {
			throw new IllegalStateException(source + " must hold at least " + MIN_BYTES + " bytes of key material");
		}
		return bytes;
	}

	private static SecretKey hmac(byte[] bytes) {
		return new SecretKeySpec(bytes, "HmacSHA256");
	}

}
