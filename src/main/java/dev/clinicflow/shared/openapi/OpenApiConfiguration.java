package dev.clinicflow.shared.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document front-ends read: bearer authentication by default, and the problem
 * responses every operation can give (see {@link ProblemResponses}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String BEARER = "bearer";

	@Bean
	OpenAPI clinicflowOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Clinicflow API")
				.version("v1")
				.description(
						"Backend for clinics and home-collection laboratories. Conventions: docs/api-conventions.md.")
				.license(new License().name("Apache-2.0")))
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

}
