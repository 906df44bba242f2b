package dev.clinicflow.shared.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.clinicflow.TestClock;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokensTests {

	private final TestClock clock = new TestClock();

	private final List<String> verifiedTexts = new ArrayList<>();

	/**
	 * Verifies tokens named "good…" (valid for 15 minutes from now) and refuses others.
	 */
	private final JwtDecoder verifier = (token) -> {
		this.verifiedTexts.add(token);
		if (!token.startsWith("good")) {
			throw new BadJwtException("Failed to validate the token");
		}
		return Jwt.withTokenValue(token)
			.header("alg", "HS256")
			.subject("someone")
			.issuedAt(this.clock.instant())
			.expiresAt(this.clock.instant().plus(Duration.ofMinutes(15)))
			.build();
	};

	private final VerifiedTokens tokens = new VerifiedTokens(this.verifier, timestamps(), Duration.ofMinutes(15));

	@Test
	void aTokenIsVerifiedOnceAndThenRemembered() {
		assertThat(this.tokens.decode("good-1").getSubject()).isEqualTo("someone");
		assertThat(this.tokens.decode("good-1").getTokenValue()).isEqualTo("good-1");
		assertThat(this.verifiedTexts).containsExactly("good-1");
	}

	@Test
	void aTokenDifferingInAnyCharacterIsVerifiedAfresh() {
		this.tokens.decode("good-1");
		assertThatThrownBy(() -> this.tokens.decode("good-1".replace("good", "g00d")))
			.isInstanceOf(BadJwtException.class);
		this.tokens.decode("good-1x");
		assertThat(this.verifiedTexts).containsExactly("good-1", "g00d-1", "good-1x");
	}

	@Test
	void refusedTokensAreNotRemembered() {
		assertThatThrownBy(() -> this.tokens.decode("forged")).isInstanceOf(BadJwtException.class);
		assertThatThrownBy(() -> this.tokens.decode("forged")).isInstanceOf(BadJwtException.class);
		assertThat(this.verifiedTexts).containsExactly("forged", "forged");
	}

	@Test
	void aRememberedTokenStopsWorkingWhenItExpires() {
		this.tokens.decode("good-1");
		this.clock.advance(Duration.ofMinutes(14));
		this.tokens.decode("good-1");
		this.clock.advance(Duration.ofMinutes(2));
		assertThatThrownBy(() -> this.tokens.decode("good-1")).isInstanceOf(JwtValidationException.class)
			.hasMessageContaining("expired");
		assertThat(this.verifiedTexts).containsExactly("good-1");
	}

	private JwtTimestampValidator timestamps() {
		// no leeway, so that the test's clock decides to the second
		JwtTimestampValidator validator = new JwtTimestampValidator(Duration.ZERO);
		validator.setClock(this.clock);
		return validator;
	}

}
