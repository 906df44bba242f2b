package dev.clinicflow.identity;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.clinicflow.Api.Response;
import dev.clinicflow.Api.Session;
import dev.clinicflow.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

class AuthApiTests extends ApiTest {

	@Test
	void registrationCreatesTenantAndAdminAndLogsIn() {
		Response response = this.api.post("/api/v1/auth/register")
			.json(Map.of("tenantName", "Laboratório Ação", "timezone", "America/Manaus", "name", "Bia", "email",
					"bia-" + UUID.randomUUID() + "@lab.test", "password", "correct-horse-bia"))
			.send();

		assertThat(response.status()).isEqualTo(201);
		var body = response.json();
		assertThat(body.get("tokenType").asString()).isEqualTo("Bearer");
		assertThat(body.get("expiresIn").asLong()).isEqualTo(900);
		assertThat(body.get("refreshToken").asString()).isNotBlank();
		assertThat(body.get("user").get("role").asString()).isEqualTo("ADMIN");
		assertThat(body.get("user").has("passwordHash")).isFalse();
		assertThat(body.get("tenant").get("timezone").asString()).isEqualTo("America/Manaus");
		assertThat(body.get("tenant").get("locale").asString()).isEqualTo("pt-BR");
		assertThat(body.get("tenant").get("slug").asString()).startsWith("laboratorio-acao");

		Response me = this.api.get("/api/v1/users/me").bearer(body.get("accessToken").asString()).send();
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("name").asString()).isEqualTo("Bia");
	}

	@Test
	void takenSlugIsRejectedWith409() {
		Session first = this.api.registerTenant();
		Response response = this.api.post("/api/v1/auth/register")
			.json(Map.of("tenantName", "Other", "tenantSlug", first.tenantSlug(), "name", "X", "email",
					"x-" + UUID.randomUUID() + "@clinic.test", "password", "correct-horse-x1"))
			.send();
		assertThat(response.status()).isEqualTo(409);
		assertThat(response.code()).isEqualTo("slug_taken");
	}

	@Test
	void weakPasswordsAreRejectedNamingTheField() {
		String email = "weak-" + UUID.randomUUID() + "@clinic.test";
		Response tooShort = this.api.post("/api/v1/auth/register")
			.json(Map.of("tenantName", "Weak", "name", "W", "email", email, "password", "short"))
			.send();
		assertThat(tooShort.status()).isEqualTo(400);
		assertThat(tooShort.json().get("errors").get(0).get("field").asString()).isEqualTo("password");

		Response sameAsEmail = this.api.post("/api/v1/auth/register")
			.json(Map.of("tenantName", "Weak", "name", "W", "email", email, "password", email.toUpperCase()))
			.send();
		assertThat(sameAsEmail.status()).isEqualTo(400);
		assertThat(sameAsEmail.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
	}

	@Test
	void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
		Session admin = this.api.registerTenant();
		Response wrongPassword = this.api.post("/api/v1/auth/login")
			.json(Map.of("email", admin.email(), "password", "not-the-password"))
			.send();
		Response unknownEmail = this.api.post("/api/v1/auth/login")
			.json(Map.of("email", "nobody-" + UUID.randomUUID() + "@clinic.test", "password", "not-the-password"))
			.send();

		assertThat(wrongPassword.status()).isEqualTo(401);
		assertThat(unknownEmail.status()).isEqualTo(401);
		assertThat(withoutRequestId(wrongPassword)).isEqualTo(withoutRequestId(unknownEmail));
	}

	@Test
	void fiveFailuresThrottleTheAccountWith429AndRetryAfter() {
		Session admin = this.api.registerTenant();
		for (int i = 0; i < 5; i++) {
			assertThat(login(admin.email(), "wrong-password-" + i).status()).isEqualTo(401);
		}
		Response throttled = login(admin.email(), admin.password());
		assertThat(throttled.status()).isEqualTo(429);
		assertThat(throttled.code()).isEqualTo("too_many_attempts");
		assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 900L);

		this.clock.advance(Duration.ofMinutes(16));
		assertThat(login(admin.email(), admin.password()).status()).isEqualTo(200);
	}

	@Test
	void unknownEmailsAreThrottledToo() {
		String email = "ghost-" + UUID.randomUUID() + "@clinic.test";
		for (int i = 0; i < 5; i++) {
			assertThat(login(email, "wrong-password-" + i).status()).isEqualTo(401);
		}
		assertThat(login(email, "wrong-password-x").status()).isEqualTo(429);
	}

	@Test
	void refreshRotatesAndReuseRevokesTheWholeFamily() {
		Session admin = this.api.registerTenant();
		Response first = refresh(admin.refreshToken());
		assertThat(first.status()).isEqualTo(200);
		String second = first.json().get("refreshToken").asString();
		assertThat(second).isNotEqualTo(admin.refreshToken());

		Response reuse = refresh(admin.refreshToken());
		assertThat(reuse.status()).isEqualTo(401);
		assertThat(reuse.code()).isEqualTo("invalid_refresh_token");
		assertThat(refresh(second).status()).as("the family is revoked").isEqualTo(401);
	}

	@Test
	void logoutRevokesTheFamily() {
		Session admin = this.api.registerTenant();
		Response logout = this.api.post("/api/v1/auth/logout")
			.json(Map.of("refreshToken", admin.refreshToken()))
			.send();
		assertThat(logout.status()).isEqualTo(204);
		assertThat(refresh(admin.refreshToken()).status()).isEqualTo(401);
	}

	@Test
	void refreshTokensExpire() {
		Session admin = this.api.registerTenant();
		this.clock.advance(Duration.ofDays(31));
		assertThat(refresh(admin.refreshToken()).status()).isEqualTo(401);
	}

	@Test
	void accessTokensExpireAfterFifteenMinutes() {
		Session admin = this.api.registerTenant();
		// used before it expires, so the server has verified it once and remembers it
		assertThat(this.api.get("/api/v1/users/me").bearer(admin.accessToken()).send().status()).isEqualTo(200);
		this.clock.advance(Duration.ofMinutes(16));
		Response response = this.api.get("/api/v1/users/me").bearer(admin.accessToken()).send();
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.code()).isEqualTo("unauthorized");
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
	}

	@Test
	void deactivatedUsersCannotLogInOrRefresh() {
		Session admin = this.api.registerTenant();
		Session staff = this.api.createUser(admin, "STAFF");
		Response deactivate = this.api.patch("/api/v1/users/" + staff.userId())
			.bearer(admin.accessToken())
			.json(Map.of("active", false))
			.send();
		assertThat(deactivate.status()).isEqualTo(200);

		Response login = login(staff.email(), staff.password());
		assertThat(login.status()).isEqualTo(403);
		assertThat(login.code()).isEqualTo("account_inactive");
		assertThat(refresh(staff.refreshToken()).status()).isEqualTo(401);
	}

	@Test
	void patientSignupCreatesAPatientAccount() {
		Session admin = this.api.registerTenant();
		Response signup = this.api.post("/api/v1/auth/patient/signup")
			.json(Map.of("tenant", admin.tenantSlug(), "name", "João Paciente", "email",
					"joao-" + UUID.randomUUID() + "@mail.test", "phone", "(11) 98765-4321", "password",
					"paciente-senha-1"))
			.send();
		assertThat(signup.status()).isEqualTo(201);
		assertThat(signup.json().get("user").get("role").asString()).isEqualTo("PATIENT");
		assertThat(signup.json().get("user").get("phone").asString()).isEqualTo("+5511987654321");
		assertThat(signup.json().get("tenant").get("id").asString()).isEqualTo(admin.tenantId().toString());

		Response unknown = this.api.post("/api/v1/auth/patient/signup")
			.json(Map.of("tenant", "no-such-clinic-" + UUID.randomUUID().toString().substring(0, 8), "name", "X",
					"email", "x@mail.test", "phone", "11987654321", "password", "paciente-senha-1"))
			.send();
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.code()).isEqualTo("unknown_tenant");

		Response badPhone = this.api.post("/api/v1/auth/patient/signup")
			.json(Map.of("tenant", admin.tenantSlug(), "name", "X", "email", "y-" + UUID.randomUUID() + "@mail.test",
					"phone", "123", "password", "paciente-senha-1"))
			.send();
		assertThat(badPhone.status()).isEqualTo(400);
		assertThat(badPhone.json().get("errors").get(0).get("field").asString()).isEqualTo("phone");
	}

	@Test
	void invitedUsersSetTheirPasswordOnce() {
		Session admin = this.api.registerTenant();
		String email = "invited-" + UUID.randomUUID() + "@clinic.test";
		Response created = this.api.post("/api/v1/users")
			.bearer(admin.accessToken())
			.json(Map.of("email", email, "name", "Dra. Convidada", "role", "DOCTOR"))
			.send();
		assertThat(created.status()).isEqualTo(201);
		String invite = created.json().get("inviteToken").asString();

		Response accepted = this.api.post("/api/v1/auth/invite/accept")
			.json(Map.of("inviteToken", invite, "password", "doctor-password-1"))
			.send();
		assertThat(accepted.status()).isEqualTo(200);
		assertThat(accepted.json().get("user").get("role").asString()).isEqualTo("DOCTOR");
		assertThat(login(email, "doctor-password-1").status()).isEqualTo(200);

		Response again = this.api.post("/api/v1/auth/invite/accept")
			.json(Map.of("inviteToken", invite, "password", "another-password-2"))
			.send();
		assertThat(again.status()).isEqualTo(401);
		assertThat(again.code()).isEqualTo("invalid_invite");
	}

	@Test
	void forgedTokensAreRejected() {
		Session admin = this.api.registerTenant();
		String[] parts = admin.accessToken().split("\\.");
		String forged = parts[0] + "." + parts[1] + ".c2lnbmVkLXdpdGgtYW5vdGhlci1rZXktYWFhYWFhYWFhYWFhYWFh";
		// the genuine token, verified first, does not vouch for the same claims signed
		// otherwise
		assertThat(this.api.get("/api/v1/users/me").bearer(admin.accessToken()).send().status()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/users/me").bearer(forged).send().status()).isEqualTo(401);
		assertThat(this.api.get("/api/v1/users/me").bearer("not-a-jwt").send().status()).isEqualTo(401);
		assertThat(this.api.get("/api/v1/users/me").send().status()).isEqualTo(401);
	}

	private Response login(String email, String password) {
		return this.api.post("/api/v1/auth/login").json(Map.of("email", email, "password", password)).send();
	}

	private Response refresh(String token) {
		return this.api.post("/api/v1/auth/refresh").json(Map.of("refreshToken", token)).send();
	}

	private static String withoutRequestId(Response response) {
		var body = (tools.jackson.databind.node.ObjectNode) response.json();
		body.remove("requestId");
		return body.toString();
	}

}
