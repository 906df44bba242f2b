package dev.clinicflow.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.clinicflow.Api.Response;
import dev.clinicflow.Api.Session;
import dev.clinicflow.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

class AuditTrailTests extends ApiTest {

	@Test
	void authenticationEventsAreRecordedWithTheirOutcome() {
		Session admin = this.api.registerTenant();
		this.api.post("/api/v1/auth/login").json(Map.of("email", admin.email(), "password", "not-the-password")).send();
		this.api.post("/api/v1/auth/login").json(Map.of("email", admin.email(), "password", admin.password())).send();
		this.api.post("/api/v1/auth/refresh").json(Map.of("refreshToken", admin.refreshToken())).send();
		this.api.post("/api/v1/auth/logout").json(Map.of("refreshToken", admin.refreshToken())).send();

		List<String> trail = entries(admin, "?entityId=" + admin.userId()).stream()
			.map((entry) -> entry.get("action").asString() + ":" + entry.get("outcome").asString())
			.toList();

		assertThat(trail).contains("auth.login:FAILURE", "auth.login:SUCCESS", "auth.refresh:SUCCESS",
				"auth.logout:SUCCESS", "user.created:SUCCESS");
	}

	@Test
	void refusedOperationsAreRecordedAsDenied() {
		Session admin = this.api.registerTenant();
		Session staff = this.api.createUser(admin, "STAFF");

		Response refused = this.api.post("/api/v1/users")
			.bearer(staff.accessToken())
			.json(Map.of("email", "x@clinic.test", "name", "X", "role", "STAFF"))
			.send();
		assertThat(refused.status()).isEqualTo(403);

		List<JsonNode> denied = entries(admin, "?actorId=" + staff.userId()).stream()
			.filter((entry) -> entry.get("action").asString().equals("access.denied"))
			.toList();
		assertThat(denied).hasSize(1);
		assertThat(denied.getFirst().get("outcome").asString()).isEqualTo("DENIED");
		assertThat(denied.getFirst().get("details").get("path").asString()).isEqualTo("/api/v1/users");
		assertThat(denied.getFirst().get("requestId").asString()).isEqualTo(refused.header("X-Request-Id"));
	}

	@Test
	void theTrailFiltersByTimeAndTypeNewestFirst() {
		Session admin = this.api.registerTenant();
		Instant before = this.clock.instant().minusSeconds(5);
		this.api.createUser(admin, "DOCTOR");

		List<JsonNode> users = entries(admin, "?entityType=user&from=" + before);
		assertThat(users).isNotEmpty().allMatch((entry) -> entry.get("entityType").asString().equals("user"));
		List<String> ids = users.stream().map((entry) -> entry.get("id").asString()).toList();
		assertThat(ids).isSortedAccordingTo((a, b) -> b.compareTo(a));
		assertThat(entries(admin, "?to=" + before)).isEmpty();

		Response bad = this.api.get("/api/v1/audit?from=yesterday").bearer(admin.accessToken()).send();
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("from");
	}

	private List<JsonNode> entries(Session admin, String query) {
		Response response = this.api.get("/api/v1/audit" + query).bearer(admin.accessToken()).send();
		assertThat(response.status()).isEqualTo(200);
		return StreamSupport.stream(response.json().get("items").spliterator(), false).toList();
	}

}
