package dev.clinicflow.shared;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.clinicflow.Api;
import dev.clinicflow.Api.Response;
import dev.clinicflow.Api.Session;
import dev.clinicflow.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conventions every endpoint shares: request ids, idempotent creating POSTs and
 * bounded cursor pages.
 */
class ApiConventionsTests extends ApiTest {

	private static final String SANE_ID = "[A-Za-z0-9._:-]{1,64}";

	@Test
	void aSaneRequestIdIsEchoedInTheHeaderAndInProblems() {
		String requestId = "web-" + UUID.randomUUID();
		Response unauthorized = this.api.get("/api/v1/users/me").header("X-Request-Id", requestId).send();
		assertThat(unauthorized.status()).isEqualTo(401);
		assertThat(unauthorized.header("X-Request-Id")).isEqualTo(requestId);
		assertThat(unauthorized.json().get("requestId").asString()).isEqualTo(requestId);

		Response malformed = this.api.post("/api/v1/auth/login")
			.header("X-Request-Id", requestId)
			.raw("application/json", "{")
			.send();
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.header("X-Request-Id")).isEqualTo(requestId);
		assertThat(malformed.json().get("requestId").asString()).isEqualTo(requestId);
	}

	@Test
	void withoutARequestIdAFreshOneIsGeneratedAndReturned() {
		Response first = this.api.post("/api/v1/auth/login").raw("application/json", "{").send();
		Response second = this.api.post("/api/v1/auth/login").raw("application/json", "{").send();

		assertThat(first.header("X-Request-Id")).matches(SANE_ID);
		assertThat(first.json().get("requestId").asString()).isEqualTo(first.header("X-Request-Id"));
		assertThat(second.header("X-Request-Id")).matches(SANE_ID).isNotEqualTo(first.header("X-Request-Id"));
		Response success = this.api.get("/api/v1/time/now").send();
		assertThat(success.status()).isEqualTo(200);
		assertThat(success.header("X-Request-Id")).matches(SANE_ID);
	}

	@Test
	void anInsaneRequestIdIsReplaced() {
		for (String insane : new String[] { "x".repeat(200), "has spaces in it", "semi;colon" }) {
			Response response = this.api.post("/api/v1/auth/login")
				.header("X-Request-Id", insane)
				.raw("application/json", "{")
				.send();
			assertThat(response.header("X-Request-Id")).as(insane).matches(SANE_ID).isNotEqualTo(insane);
			assertThat(response.json().get("requestId").asString()).isEqualTo(response.header("X-Request-Id"));
		}
	}

	@Test
	void aRetriedCreateWithTheSameKeyReplaysTheFirstAnswerAndCreatesOnce() {
		Session admin = this.api.registerTenant();
		String email = unique() + "@clinic.test";
		String body = newUser(email);
		String key = UUID.randomUUID().toString();

		Response first = createUser(admin, key, body);
		Response retry = createUser(admin, key, body);

		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(first.header("Idempotent-Replayed")).isNull();
		assertThat(retry.status()).isEqualTo(201);
		assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(retry.text()).isEqualTo(first.text());
		assertThat(retry.header("Location")).isNotNull().isEqualTo(first.header("Location"));
		assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
		assertThat(retry.header("Content-Type")).isEqualTo(first.header("Content-Type"));
		assertThat(usersWithEmail(admin, email)).isEqualTo(1);
	}

	@Test
	void theSameKeyWithADifferentBodyIsRefused() {
		Session admin = this.api.registerTenant();
		String key = UUID.randomUUID().toString();
		assertThat(createUser(admin, key, newUser(unique() + "@clinic.test")).status()).isEqualTo(201);

		String otherEmail = unique() + "@clinic.test";
		Response reused = createUser(admin, key, newUser(otherEmail));

		assertThat(reused.status()).as(reused.toString()).isEqualTo(422);
		assertThat(reused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(reused.code()).isEqualTo("idempotency_key_reused");
		assertThat(usersWithEmail(admin, otherEmail)).isZero();
	}

	@Test
	void keysOfAnotherTenantDoNotCollide() {
		Session first = this.api.registerTenant();
		Session second = this.api.registerTenant();
		String key = UUID.randomUUID().toString();
		String body = newUser(unique() + "@clinic.test");

		Response mine = createUser(first, key, body);
		Response theirs = createUser(second, key, body);

		assertThat(mine.status()).isEqualTo(201);
		assertThat(theirs.status()).as(theirs.toString()).isEqualTo(201);
		assertThat(theirs.header("Idempotent-Replayed")).isNull();
		assertThat(theirs.header("Location")).isNotEqualTo(mine.header("Location"));
		assertThat(theirs.json().get("user").get("id").asString())
			.isNotEqualTo(mine.json().get("user").get("id").asString());
	}

	@Test
	void keysLongerThan255CharactersAreRejected() {
		Session admin = this.api.registerTenant();
		String email = unique() + "@clinic.test";
		Response tooLong = createUser(admin, "k".repeat(256), newUser(email));

		assertThat(tooLong.status()).as(tooLong.toString()).isEqualTo(400);
		assertThat(tooLong.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
		assertThat(usersWithEmail(admin, email)).isZero();
		assertThat(createUser(admin, "k".repeat(255), newUser(email)).status()).isEqualTo(201);
	}

	@Test
	void aRequestThatFailedValidationIsReplayedAsTheSame400() {
		Session admin = this.api.registerTenant();
		String key = UUID.randomUUID().toString();
		String invalid = Api.toJson(Map.of("name", "No E-mail", "role", "STAFF"));

		Response first = createUser(admin, key, invalid);
		Response retry = createUser(admin, key, invalid);

		assertThat(first.status()).isEqualTo(400);
		assertThat(first.json().get("errors").get(0).get("field").asString()).isEqualTo("email");
		assertThat(retry.status()).isEqualTo(400);
		assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(retry.header("Content-Type")).startsWith("application/problem+json");
		assertThat(retry.text()).isEqualTo(first.text());
	}

	@Test
	void pageLimitsOutsideOneTo200AreRejectedNamingLimit() {
		Session admin = this.api.registerTenant();
		for (String limit : new String[] { "0", "201", "-1" }) {
			Response response = this.api.get("/api/v1/users?limit=" + limit).bearer(admin.accessToken()).send();
			assertThat(response.status()).as("limit=" + limit).isEqualTo(400);
			assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("limit");
		}
		for (String limit : new String[] { "1", "200" }) {
			Response response = this.api.get("/api/v1/users?limit=" + limit).bearer(admin.accessToken()).send();
			assertThat(response.status()).as("limit=" + limit).isEqualTo(200);
			assertThat(response.json().get("items").isArray()).isTrue();
		}
	}

	private Response createUser(Session admin, String key, String body) {
		return this.api.post("/api/v1/users")
			.bearer(admin.accessToken())
			.header("Idempotency-Key", key)
			.json(body)
			.send();
	}

	private long usersWithEmail(Session admin, String email) {
		Response list = this.api.get("/api/v1/users?limit=200").bearer(admin.accessToken()).send();
		assertThat(list.status()).isEqualTo(200);
		JsonNode items = list.json().get("items");
		return items.valueStream().filter((user) -> email.equals(user.get("email").asString())).count();
	}

	private static String newUser(String email) {
		return Api.toJson(Map.of("email", email, "name", "Nova Pessoa", "role", "STAFF", "temporaryPassword",
				"temporary-" + UUID.randomUUID()));
	}

	private static String unique() {
		return "user-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
