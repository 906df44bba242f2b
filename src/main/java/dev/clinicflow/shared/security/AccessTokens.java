package dev.clinicflow.shared.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.clinicflow.shared.CurrentTenant;
import dev.clinicflow.shared.Ids;
import dev.clinicflow.shared.TenantId;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Issues the short-lived access tokens the API accepts: signed JWTs whose claims name the
 * user ({@code sub}), the tenant and the roles.
 */
@Component
public class AccessTokens {

	private final JwtEncoder encoder;

	private final SecurityProperties properties;

	private final Clock clock;

	AccessTokens(JwtEncoder encoder, SecurityProperties properties, Clock clock) {
		this.encoder = encoder;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Issues an access token.
	 * @param userId the user
	 * @param tenant the user's tenant
	 * @param roles the user's roles, such as {@code ADMIN}
	 * @return the token and its lifetime
	 */
	public AccessToken issue(UUID userId, TenantId tenant, List<String> roles) {
		Instant now = this.clock.instant();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(SecurityConfiguration.ISSUER)
			.subject(userId.toString())
			.id(Ids.next().toString())
			.issuedAt(now)
			.expiresAt(now.plus(this.properties.accessTokenTtl()))
			.claim(CurrentTenant.CLAIM, tenant.toString())
			.claim("roles", roles)
			.build();
		String token = this.encoder
			.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
			.getTokenValue();
		return new AccessToken(token, this.properties.accessTokenTtl().toSeconds());
	}

	/**
	 * An issued access token.
	 *
	 * @param value the compact JWT
	 * @param expiresIn its lifetime in seconds
	 */
	public record AccessToken(String value, long expiresIn) {
	}

}
