package dev.clinicflow.shared;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.clinicflow.Api.Response;
import dev.clinicflow.Api.Session;
import dev.clinicflow.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operators and front-ends rely on besides the resources: server time, the OpenAPI
 * document, health probes and CORS.
 */
class OperabilityTests extends ApiTest {

	private static final String ALLOWED_ORIGIN = "https://app.clinicflow.test";

	private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "options", "head",
			"trace");

	@Test
	void serverTimeIsPublicAndIsTheApplicationClockInUtc() {
		Instant before = this.clock.instant();
		Response response = this.api.get("/api/v1/time/now").send();
		Instant after = this.clock.instant();

		assertThat(response.status()).isEqualTo(200);
		String now = response.json().get("now").asString();
		assertThat(now).endsWith("Z");
		assertThat(Instant.parse(now)).isBetween(before.minusSeconds(2), after.plusSeconds(2));
	}

	@Test
	void theOpenApiDocumentIsPublicVersion31WithBearerAuthentication() {
		Response response = this.api.get("/v3/api-docs").send();

		assertThat(response.status()).isEqualTo(200);
		JsonNode document = response.json();
		assertThat(document.get("openapi").asString()).startsWith("3.1");
		JsonNode schemes = document.path("components").path("securitySchemes");
		assertThat(schemes.valueStream()
			.anyMatch((scheme) -> "http".equals(scheme.path("type").asString())
					&& "bearer".equalsIgnoreCase(scheme.path("scheme").asString())))
			.as("a bearer scheme in %s", schemes)
			.isTrue();
		assertThat(document.path("components").path("schemas").has("Problem")).isTrue();
	}

	@Test
	void everyApiOperationDocumentsItsClientErrors() {
		JsonNode paths = this.api.get("/v3/api-docs").send().json().get("paths");

		List<String> undocumented = new ArrayList<>();
		int operations = 0;
		for (Map.Entry<String, JsonNode> path : paths.properties()) {
			if (!path.getKey().startsWith("/api/v1/")) {
				continue;
			}
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				if (!HTTP_METHODS.contains(operation.getKey())) {
					continue;
				}
				operations++;
				boolean publicWithoutInput = operation.getValue().has("security")
						&& operation.getValue().get("security").isEmpty() && !operation.getValue().has("parameters")
						&& !operation.getValue().has("requestBody");
				if (publicWithoutInput) {
					// nothing a client sends can be wrong (GET /api/v1/time/now)
					continue;
				}
				if (operation.getValue()
					.path("responses")
					.propertyNames()
					.stream()
					.noneMatch((s) -> s.startsWith("4"))) {
					undocumented.add(operation.getKey().toUpperCase() + " " + path.getKey());
				}
			}
		}

		assertThat(operations).isGreaterThan(5);
		assertThat(undocumented).isEmpty();
		assertThat(responses(paths, "/api/v1/time/now", "get")).doesNotContain("401");
		assertThat(responses(paths, "/api/v1/auth/login", "post")).contains("401", "429");
		assertThat(responses(paths, "/api/v1/users/{id}", "patch")).contains("403", "404", "412");
	}

	@Test
	void everyDocumentedErrorResponseIsAProblem() {
		JsonNode paths = this.api.get("/v3/api-docs").send().json().get("paths");

		List<String> notProblems = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : paths.properties()) {
			if (!path.getKey().startsWith("/api/v1/")) {
				continue;
			}
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				if (!HTTP_METHODS.contains(operation.getKey())) {
					continue;
				}
				for (Map.Entry<String, JsonNode> response : operation.getValue().path("responses").properties()) {
					JsonNode content = response.getValue().path("content");
					boolean problem = content.has("application/problem+json") && content.propertyNames()
						.stream()
						.allMatch((type) -> content.path(type).toString().contains("#/components/schemas/Problem"));
					if (response.getKey().matches("[45]\\d\\d") && !problem) {
						notProblems.add(operation.getKey().toUpperCase() + " " + path.getKey() + " " + response.getKey()
								+ " " + content);
					}
				}
			}
		}

		assertThat(notProblems).isEmpty();
	}

	@Test
	void theApiDocumentationUiIsPublic() {
		Response docs = this.api.get("/docs").send();

		assertThat(docs.status()).as(docs.toString()).isIn(200, 301, 302, 303, 307, 308);
		if (docs.status() != 200) {
			assertThat(docs.header("Location")).isNotBlank();
			String location = docs.header("Location").replaceFirst("^https?://[^/]+", "");
			Response ui = this.api.get(location).send();
			assertThat(ui.status()).as(location).isEqualTo(200);
			assertThat(ui.text()).containsIgnoringCase("swagger");
		}
	}

	@Test
	void healthProbesArePublicAndUp() {
		for (String probe : new String[] { "/actuator/health", "/actuator/health/liveness",
				"/actuator/health/readiness" }) {
			Response response = this.api.get(probe).send();
			assertThat(response.status()).as(probe).isEqualTo(200);
			assertThat(response.json().get("status").asString()).as(probe).isEqualTo("UP");
		}
	}

	@Test
	void readinessIncludesTheDatabaseAndShowsDetailsOnlyToAdministrators() {
		Session admin = this.api.registerTenant();
		Session staff = this.api.createUser(admin, "STAFF");

		JsonNode asAdmin = this.api.get("/actuator/health/readiness").bearer(admin.accessToken()).send().json();
		assertThat(asAdmin.path("status").asString()).isEqualTo("UP");
		assertThat(asAdmin.path("components").path("db").path("status").asString()).as(asAdmin.toString())
			.isEqualTo("UP");
		assertThat(asAdmin.path("components").path("readinessState").path("status").asString()).isEqualTo("UP");

		JsonNode anonymous = this.api.get("/actuator/health/readiness").send().json();
		JsonNode asStaff = this.api.get("/actuator/health/readiness").bearer(staff.accessToken()).send().json();
		assertThat(anonymous.has("components")).as(anonymous.toString()).isFalse();
		assertThat(asStaff.has("components")).as(asStaff.toString()).isFalse();
	}

	@Test
	void otherActuatorEndpointsNeedAnAdministrator() {
		Session admin = this.api.registerTenant();
		Session staff = this.api.createUser(admin, "STAFF");

		assertThat(this.api.get("/actuator/metrics").send().status()).isEqualTo(401);
		assertThat(this.api.get("/actuator/metrics").bearer(staff.accessToken()).send().status()).isEqualTo(403);
		assertThat(this.api.get("/actuator/metrics").bearer(admin.accessToken()).send().status()).isEqualTo(200);
	}

	@Test
	void aPreflightFromTheConfiguredOriginIsAllowed() {
		Response preflight = preflight(ALLOWED_ORIGIN);

		assertThat(preflight.status()).isEqualTo(200);
		assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
		assertThat(preflight.header("Access-Control-Allow-Methods")).contains("GET");
	}

	@Test
	void aPreflightFromAnUnlistedOriginIsNotAllowed() {
		Response preflight = preflight("https://evil.example");

		assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
		assertThat(preflight.status()).isEqualTo(403);
	}

	@Test
	void anAllowedCrossOriginRequestCanReadTheETagAndRequestId() {
		Session admin = this.api.registerTenant();
		Response response = this.api.get("/api/v1/users/me")
			.bearer(admin.accessToken())
			.header("Origin", ALLOWED_ORIGIN)
			.send();

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
		assertThat(response.header("Access-Control-Expose-Headers")).isNotNull();
		List<String> exposed = Arrays.stream(response.header("Access-Control-Expose-Headers").split(","))
			.map((name) -> name.trim().toLowerCase())
			.toList();
		assertThat(exposed).contains("etag", "x-request-id");
	}

	private Response preflight(String origin) {
		return this.api.request("OPTIONS", "/api/v1/users/me")
			.header("Origin", origin)
			.header("Access-Control-Request-Method", "GET")
			.header("Access-Control-Request-Headers", "authorization")
			.send();
	}

	private static List<String> responses(JsonNode paths, String path, String method) {
		return List.copyOf(paths.path(path).path(method).path("responses").propertyNames());
	}

}
