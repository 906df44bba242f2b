package dev.clinicflow.shared.security;

import java.time.Clock;
import java.util.List;

import javax.crypto.SecretKey;

import com.nimbusds.jose.jwk.source.ImmutableSecret;

import dev.clinicflow.shared.CurrentTenant;
import dev.clinicflow.shared.PlatformProperties;
import dev.clinicflow.shared.PublicPaths;
import dev.clinicflow.shared.database.DatabaseProperties;
import dev.clinicflow.shared.web.DeniedAccess;
import dev.clinicflow.shared.web.ProblemWriter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Stateless bearer-token security: every API path needs a valid access token except the
 * paths modules declare public; roles come from the token and are checked per method.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	/** Issuer and audience of Clinicflow's access tokens. */
	static final String ISSUER = "clinicflow";

	@Bean
	SecurityFilterChain api(HttpSecurity http, List<PublicPaths> publicPaths, ProblemWriter problems,
			DeniedAccess deniedAccess, JwtDecoder decoder) throws Exception {
		ProblemAuthenticationHandlers handlers = new ProblemAuthenticationHandlers(problems, deniedAccess);
		http.csrf(AbstractHttpConfigurer::disable).cors((cors) -> {
		})
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((requests) -> {
				publicPaths.stream()
					.flatMap((paths) -> paths.patterns().stream())
					.forEach((pattern) -> requests.requestMatchers(pattern).permitAll());
				requests
					.requestMatchers("/error", "/v3/api-docs/**", "/docs", "/docs/**", "/swagger-ui/**",
							"/swagger-ui.html", "/actuator/health", "/actuator/health/**")
					.permitAll();
				requests.requestMatchers("/actuator/**").hasRole("ADMIN");
				requests.anyRequest().authenticated();
			})
			.oauth2ResourceServer((server) -> server.authenticationEntryPoint(handlers)
				.accessDeniedHandler(handlers)
				.jwt((jwt) -> jwt.decoder(decoder).jwtAuthenticationConverter(authenticationConverter())))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(handlers).accessDeniedHandler(handlers));
		return http.build();
	}

	private static JwtAuthenticationConverter authenticationConverter() {
		JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
		roles.setAuthoritiesClaimName("roles");
		roles.setAuthorityPrefix("ROLE_");
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(roles);
		return converter;
	}

	@Bean
	SecretKey tokenSigningKey(SecurityProperties properties, PlatformProperties platform, DatabaseProperties database) {
		return SigningKey.resolve(properties, platform.dataDir(), database.embedded());
	}

	@Bean
	JwtEncoder jwtEncoder(SecretKey tokenSigningKey) {
		return new NimbusJwtEncoder(new ImmutableSecret<>(tokenSigningKey));
	}

	@Bean
	JwtDecoder jwtDecoder(SecretKey tokenSigningKey, Clock clock, SecurityProperties properties) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(tokenSigningKey)
			.macAlgorithm(MacAlgorithm.HS256)
			.build();
		JwtTimestampValidator timestamps = new JwtTimestampValidator();
		timestamps.setClock(clock);
		OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(timestamps,
				new JwtIssuerValidator(ISSUER),
				new JwtClaimValidator<Object>(CurrentTenant.CLAIM, (tenant) -> tenant != null),
				new JwtClaimValidator<Object>("sub", (subject) -> subject != null));
		decoder.setJwtValidator(validator);
		return new VerifiedTokens(decoder, validator, properties.accessTokenTtl());
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	CorsConfigurationSource corsConfigurationSource(PlatformProperties platform) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(platform.corsOrigins().stream().map(String::trim).filter((o) -> !o.isEmpty()).toList());
		cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
		cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match", "Idempotency-Key", "X-Request-Id"));
		cors.setExposedHeaders(
				List.of(HttpHeaders.ETAG, HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER, "X-Request-Id"));
		cors.setMaxAge(3600L);
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", cors);
		return source;
	}

}
