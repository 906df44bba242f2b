package dev.clinicflow.identity;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import dev.clinicflow.shared.InvalidRequest;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password rules and hashing (bcrypt through Spring Security's delegating encoder, so the
 * algorithm can be upgraded without resetting passwords).
 */
@Component
class Passwords {

	static final int MIN_LENGTH = 10;

	/** bcrypt reads only the first 72 bytes; longer passwords would be silently cut. */
	static final int MAX_BYTES = 72;

	private final PasswordEncoder encoder;

	/** Compared against when no account matched, so both paths cost one bcrypt. */
	private final String decoy;

	Passwords(PasswordEncoder encoder) {
		this.encoder = encoder;
		this.decoy = encoder.encode("decoy-password-for-timing");
	}

	String hash(String field, String password, String email) {
		if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
			throw InvalidRequest.field(field, "must be at least " + MIN_LENGTH + " characters long");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			throw InvalidRequest.field(field, "must be at most " + MAX_BYTES + " bytes long");
		}
		if (password.trim().toLowerCase(Locale.ROOT).equals(email.trim().toLowerCase(Locale.ROOT))) {
			throw InvalidRequest.field(field, "must not be the e-mail address");
		}
		return this.encoder.encode(password);
	}

	boolean matches(String password, String hash) {
		return this.encoder.matches(password, hash);
	}

	void spendDecoy(String password) {
		this.encoder.matches(password, this.decoy);
	}

}
