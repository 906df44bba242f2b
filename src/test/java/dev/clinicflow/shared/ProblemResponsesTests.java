package dev.clinicflow.shared;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.clinicflow.Api.Response;
import dev.clinicflow.Api.Session;
import dev.clinicflow.ApiTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error is an RFC 9457 problem with the same frame, names the rejected field where
 * there is one, and is never a 500 for something the client got wrong.
 */
class ProblemResponsesTests extends ApiTest {

	private static final int ONE_MIB = 1024 * 1024;

	@LocalServerPort
	private int serverPort;

	@Test
	void malformedJsonIsA400MalformedRequestProblemWithTheFullFrame() {
		Response response = this.api.post("/api/v1/auth/login")
			.raw("application/json", "{\"email\": \"a@clinic.test\", \"password\": ")
			.send();

		JsonNode problem = problem(response, 400, "/api/v1/auth/login");
		assertThat(problem.get("code").asString()).isEqualTo("malformed_request");
		assertThat(problem.get("type").asString()).startsWith("https://");
	}

	@Test
	void anEmptyBodyIsA400() {
		Session admin = this.api.registerTenant();
		Response response = this.api.post("/api/v1/users").bearer(admin.accessToken()).json("").send();

		JsonNode problem = problem(response, 400, "/api/v1/users");
		assertThat(problem.get("code").asString()).isEqualTo("malformed_request");
	}

	@Test
	void anUnknownPropertyIsRejectedNamingIt() {
		Session admin = this.api.registerTenant();
		Response response = this.api.post("/api/v1/users")
			.bearer(admin.accessToken())
			.json(Map.of("email", unique() + "@clinic.test", "name", "Ana", "role", "STAFF", "nickname", "Aninha"))
			.send();

		assertThat(firstRejectedField(problem(response, 400, "/api/v1/users"))).isEqualTo("nickname");
	}

	@Test
	void aNumberForAStringFieldIsRejectedNamingIt() {
		Session admin = this.api.registerTenant();
		Response response = this.api.post("/api/v1/users")
			.bearer(admin.accessToken())
			.json(Map.of("email", unique() + "@clinic.test", "name", 42, "role", "STAFF"))
			.send();

		assertThat(firstRejectedField(problem(response, 400, "/api/v1/users"))).isEqualTo("name");
	}

	@Test
	void aStringForABooleanFieldIsRejectedNamingIt() {
		Session admin = this.api.registerTenant();
		Session staff = this.api.createUser(admin, "STAFF");
		String path = "/api/v1/users/" + staff.userId();
		Response response = this.api.patch(path).bearer(admin.accessToken()).json(Map.of("active", "true")).send();

		assertThat(firstRejectedField(problem(response, 400, path))).isEqualTo("active");
		assertThat(this.api.get(path).bearer(admin.accessToken()).send().json().get("active").asBoolean())
			.as("the user was not changed")
			.isTrue();
	}

	@Test
	void anUnknownEnumValueIsRejectedNamingTheFieldAndTheAllowedValues() {
		Session admin = this.api.registerTenant();
		Response response = this.api.post("/api/v1/users")
			.bearer(admin.accessToken())
			.json(Map.of("email", unique() + "@clinic.test", "name", "Ana", "role", "SUPERUSER"))
			.send();

		JsonNode error = problem(response, 400, "/api/v1/users").get("errors").get(0);
		assertThat(error.get("field").asString()).isEqualTo("role");
		assertThat(error.get("message").asString()).contains("ADMIN", "STAFF", "DOCTOR", "DRIVER");
	}

	@Test
	void aMissingRequiredFieldIsRejectedNamingIt() {
		Session admin = this.api.registerTenant();
		Response response = this.api.post("/api/v1/users")
			.bearer(admin.accessToken())
			.json(Map.of("name", "Ana", "role", "STAFF"))
			.send();

		JsonNode problem = problem(response, 400, "/api/v1/users");
		assertThat(problem.get("code").asString()).isEqualTo("validation_failed");
		assertThat(firstRejectedField(problem)).isEqualTo("email");
	}

	@Test
	void aPathIdThatIsNotAUuidIsRejectedNamingIt() {
		Session admin = this.api.registerTenant();
		Response response = this.api.get("/api/v1/users/not-a-uuid").bearer(admin.accessToken()).send();

		assertThat(firstRejectedField(problem(response, 400, "/api/v1/users/not-a-uuid"))).isEqualTo("id");
	}

	@Test
	void aQueryParameterOfTheWrongTypeIsRejectedNamingIt() {
		Session admin = this.api.registerTenant();
		Response response = this.api.get("/api/v1/users?active=maybe").bearer(admin.accessToken()).send();

		assertThat(firstRejectedField(problem(response, 400, "/api/v1/users"))).isEqualTo("active");
	}

	@Test
	void anUnknownPathIsA404Problem() {
		Session admin = this.api.registerTenant();
		Response response = this.api.get("/api/v1/no-such-thing").bearer(admin.accessToken()).send();

		assertThat(problem(response, 404, "/api/v1/no-such-thing").get("code").asString()).isEqualTo("not_found");
	}

	@Test
	void aMethodThePathDoesNotSupportIsA405Problem() {
		Session admin = this.api.registerTenant();
		Response response = this.api.delete("/api/v1/users/me").bearer(admin.accessToken()).send();

		assertThat(problem(response, 405, "/api/v1/users/me").get("code").asString()).isEqualTo("method_not_allowed");
		assertThat(response.header("Allow")).contains("GET", "PATCH");
	}

	@Test
	void aContentTypeTheEndpointDoesNotReadIsA415Problem() {
		Response response = this.api.post("/api/v1/auth/login").raw("text/plain", "email=a&password=b").send();

		assertThat(problem(response, 415, "/api/v1/auth/login").get("code").asString())
			.isEqualTo("unsupported_media_type");
	}

	@Test
	void aBodyDeclaredLargerThanOneMebibyteIsA413Problem() {
		Response response = this.api.post("/api/v1/auth/login").raw("application/json", oversizedLogin()).send();

		assertThat(problem(response, 413, "/api/v1/auth/login").get("code").asString()).isEqualTo("payload_too_large");
	}

	@Test
	void aChunkedBodyLargerThanOneMebibyteIsA413Problem() throws IOException, InterruptedException {
		byte[] body = oversizedLogin().getBytes(StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.serverPort + "/api/v1/auth/login"))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.fromPublisher(BodyPublishers.ofByteArray(body)))
			.build();
		assertThat(request.bodyPublisher().orElseThrow().contentLength()).as("sent without a length (chunked)")
			.isNegative();
		HttpResponse<byte[]> sent;
		try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
			sent = http.send(request, BodyHandlers.ofByteArray());
		}
		Response response = new Response(sent.statusCode(), sent.headers().map(), sent.body());

		assertThat(problem(response, 413, "/api/v1/auth/login").get("code").asString()).isEqualTo("payload_too_large");
	}

	/**
	 * Asserts the common frame of a problem and that it leaks no internals.
	 */
	static JsonNode problem(Response response, int status, String path) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		JsonNode problem = JsonMapper.builder().build().readTree(response.body());
		for (String field : new String[] { "type", "title", "detail", "instance", "code", "requestId" }) {
			assertThat(problem.path(field).isString()).as("%s in %s", field, response).isTrue();
			assertThat(problem.path(field).asString()).as("%s in %s", field, response).isNotBlank();
		}
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("instance").asString()).isEqualTo(path);
		assertThat(problem.has("trace")).isFalse();
		assertThat(problem.has("exception")).isFalse();
		assertThat(response.text()).doesNotContainIgnoringCase("exception")
			.doesNotContain("\tat ", "java.", "tools.jackson", "org.springframework", "dev.clinicflow")
			.doesNotContainIgnoringCase("sql")
			.doesNotContainIgnoringCase("select ")
			.doesNotContainIgnoringCase("insert into");
		return problem;
	}

	private static String firstRejectedField(JsonNode problem) {
		return problem.path("errors").path(0).path("field").asString();
	}

	private static String oversizedLogin() {
		return "{\"email\": \"big@clinic.test\", \"password\": \"" + "a".repeat(ONE_MIB + 1024) + "\"}";
	}

	private static String unique() {
		return "user-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
