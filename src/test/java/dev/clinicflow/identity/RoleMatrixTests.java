package dev.clinicflow.identity;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.clinicflow.Api;
import dev.clinicflow.Api.Response;
import dev.clinicflow.Api.Session;
import dev.clinicflow.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role matrix of {@code docs/roles.md}, row by row: each role of one tenant, and an
 * anonymous caller, calls the endpoint and gets the documented answer. Allowed calls are
 * real, valid requests that must succeed; refused ones must be 403 {@code forbidden} for
 * a role that may not, and 401 {@code unauthorized} without a token.
 */
class RoleMatrixTests extends ApiTest {

	@ParameterizedTest(name = "{0}")
	@MethodSource("matrix")
	void everyCallerGetsTheAnswerTheRoleMatrixDocuments(String endpoint, Endpoint call, Map<Caller, String> expected) {
		Fixture fixture = fixture();
		Map<Caller, String> actual = new EnumMap<>(Caller.class);
		for (Caller caller : Caller.values()) {
			Api.Call request = call.request(fixture);
			Session session = fixture.sessions().get(caller);
			if (session != null) {
				request.bearer(session.accessToken());
			}
			actual.put(caller, outcome(request.send()));
		}
		assertThat(actual).as(endpoint).containsExactlyEntriesOf(expected);
	}

	static Stream<Arguments> matrix() {
		return Stream.of(
				row("POST /api/v1/auth/register",
						(f) -> f.api()
							.post("/api/v1/auth/register")
							.json(Map.of("tenantName", "Matrix " + unique(), "name", "Admin", "email",
									"admin-" + UUID.randomUUID() + "@clinic.test", "password", "correct-horse-matrix")),
						everyone("201")),
				row("POST /api/v1/auth/login",
						(f) -> f.api()
							.post("/api/v1/auth/login")
							.json(Map.of("email", f.admin().email(), "password", f.admin().password())),
						everyone("200")),
				row("POST /api/v1/auth/refresh",
						(f) -> f.api().post("/api/v1/auth/refresh").json(Map.of("refreshToken", f.freshRefreshToken())),
						everyone("200")),
				row("POST /api/v1/auth/logout",
						(f) -> f.api().post("/api/v1/auth/logout").json(Map.of("refreshToken", f.freshRefreshToken())),
						everyone("204")),
				row("POST /api/v1/auth/patient/signup",
						(f) -> f.api()
							.post("/api/v1/auth/patient/signup")
							.json(Map.of("tenant", f.admin().tenantSlug(), "name", "Paciente", "email",
									"patient-" + UUID.randomUUID() + "@mail.test", "phone", "(11) 98765-4321",
									"password", "patient-password-1")),
						everyone("201")),
				row("POST /api/v1/auth/invite/accept",
						(f) -> f.api()
							.post("/api/v1/auth/invite/accept")
							.json(Map.of("inviteToken", f.freshInvite(), "password", "invited-password-1")),
						everyone("200")),
				row("GET /api/v1/time/now", (f) -> f.api().get("/api/v1/time/now"), everyone("200")),
				row("GET /actuator/health", (f) -> f.api().get("/actuator/health"), everyone("200")),
				row("GET /actuator/health/readiness", (f) -> f.api().get("/actuator/health/readiness"),
						everyone("200")),
				row("GET /actuator/health/liveness", (f) -> f.api().get("/actuator/health/liveness"), everyone("200")),
				row("GET /api/v1/users/me", (f) -> f.api().get("/api/v1/users/me"), anyRole("200")),
				row("PATCH /api/v1/users/me",
						(f) -> f.api().patch("/api/v1/users/me").json(Map.of("name", "Renamed " + unique())),
						anyRole("200")),
				row("POST /api/v1/users/me/photo",
						(f) -> f.api()
							.post("/api/v1/users/me/photo")
							.multipartFile("file", "me.png", "image/png", png()),
						anyRole("204")),
				row("GET /api/v1/users/{id}/photo",
						(f) -> f.api().get("/api/v1/users/" + f.admin().userId() + "/photo"), anyRole("200")),
				row("GET /api/v1/users", (f) -> f.api().get("/api/v1/users"), only("200", Caller.ADMIN, Caller.STAFF)),
				row("GET /api/v1/users/{id}", (f) -> f.api().get("/api/v1/users/" + f.target()),
						only("200", Caller.ADMIN, Caller.STAFF)),
				row("POST /api/v1/users",
						(f) -> f.api()
							.post("/api/v1/users")
							.json(Map.of("email", "new-" + UUID.randomUUID() + "@clinic.test", "name", "New User",
									"role", "STAFF")),
						only("201", Caller.ADMIN)),
				row("PATCH /api/v1/users/{id}",
						(f) -> f.api().patch("/api/v1/users/" + f.target()).json(Map.of("name", "Renamed " + unique())),
						only("200", Caller.ADMIN)),
				row("GET /api/v1/audit", (f) -> f.api().get("/api/v1/audit"), only("200", Caller.ADMIN)),
				row("GET /actuator/prometheus", (f) -> f.api().get("/actuator/prometheus"), only("200", Caller.ADMIN)),
				row("GET /actuator/metrics", (f) -> f.api().get("/actuator/metrics"), only("200", Caller.ADMIN)),
				row("GET /actuator/info", (f) -> f.api().get("/actuator/info"), only("200", Caller.ADMIN)));
	}

	/**
	 * One tenant with a user of every role (the patient signed up on their own), a staff
	 * user to act on, and an administrator's photo to read.
	 */
	private Fixture fixture() {
		Session admin = this.api.registerTenant();
		Map<Caller, Session> sessions = new EnumMap<>(Caller.class);
		sessions.put(Caller.ADMIN, admin);
		sessions.put(Caller.STAFF, this.api.createUser(admin, "STAFF"));
		sessions.put(Caller.DOCTOR, this.api.createUser(admin, "DOCTOR"));
		sessions.put(Caller.DRIVER, this.api.createUser(admin, "DRIVER"));
		String patientPassword = "patient-password-" + unique();
		Response signup = this.api.post("/api/v1/auth/patient/signup")
			.json(Map.of("tenant", admin.tenantSlug(), "name", "Paciente Matriz", "email",
					"patient-" + UUID.randomUUID() + "@mail.test", "phone", "(21) 99876-5432", "password",
					patientPassword))
			.send();
		assertThat(signup.status()).as(signup.toString()).isEqualTo(201);
		sessions.put(Caller.PATIENT, new Session(signup.json(), patientPassword));
		Response target = this.api.post("/api/v1/users")
			.bearer(admin.accessToken())
			.json(Map.of("email", "target-" + UUID.randomUUID() + "@clinic.test", "name", "Target", "role", "STAFF"))
			.send();
		assertThat(target.status()).as(target.toString()).isEqualTo(201);
		Response photo = this.api.post("/api/v1/users/me/photo")
			.bearer(admin.accessToken())
			.multipartFile("file", "admin.png", "image/png", png())
			.send();
		assertThat(photo.status()).as(photo.toString()).isEqualTo(204);
		return new Fixture(this.api, sessions, target.json().get("user").get("id").asString());
	}

	/** The status, and for refusals the problem code, so both are compared at once. */
	private static String outcome(Response response) {
		return switch (response.status()) {
			case 401, 403 -> response.status() + " " + response.code();
			default -> Integer.toString(response.status());
		};
	}

	private static Arguments row(String endpoint, Endpoint call, Map<Caller, String> expected) {
		return Arguments.of(endpoint, call, expected);
	}

	/** Public: every role and anonymous callers get the success status. */
	private static Map<Caller, String> everyone(String status) {
		Map<Caller, String> expected = new EnumMap<>(Caller.class);
		Arrays.stream(Caller.values()).forEach((caller) -> expected.put(caller, status));
		return expected;
	}

	/** Any authenticated user; anonymous callers get 401. */
	private static Map<Caller, String> anyRole(String status) {
		Map<Caller, String> expected = everyone(status);
		expected.put(Caller.ANONYMOUS, "401 unauthorized");
		return expected;
	}

	/** Only the given roles; the others get 403 and anonymous callers 401. */
	private static Map<Caller, String> only(String status, Caller... allowed) {
		Map<Caller, String> expected = new EnumMap<>(Caller.class);
		for (Caller caller : Caller.values()) {
			expected.put(caller, List.of(allowed).contains(caller) ? status : "403 forbidden");
		}
		expected.put(Caller.ANONYMOUS, "401 unauthorized");
		return expected;
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	private static byte[] png() {
		BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
		image.setRGB(3, 3, 0x3366cc);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** Who calls: a user of each role, or nobody logged in. */
	enum Caller {

		ADMIN, STAFF, DOCTOR, DRIVER, PATIENT, ANONYMOUS

	}

	/** Builds a valid request to the endpoint, with fresh data for each call. */
	@FunctionalInterface
	interface Endpoint {

		Api.Call request(Fixture fixture);

	}

	/**
	 * The tenant the calls are made in.
	 *
	 * @param api the client
	 * @param sessions a session per role (none for anonymous callers)
	 * @param target the id of a staff user to read and change
	 */
	record Fixture(Api api, Map<Caller, Session> sessions, String target) {

		Session admin() {
			return this.sessions.get(Caller.ADMIN);
		}

		/** A refresh token of a new login, so that every call spends its own. */
		String freshRefreshToken() {
			Response login = this.api.post("/api/v1/auth/login")
				.json(Map.of("email", admin().email(), "password", admin().password()))
				.send();
			assertThat(login.status()).as(login.toString()).isEqualTo(200);
			return login.json().get("refreshToken").asString();
		}

		/** An invitation token of a newly invited user. */
		String freshInvite() {
			Response created = this.api.post("/api/v1/users")
				.bearer(admin().accessToken())
				.json(Map.of("email", "invited-" + UUID.randomUUID() + "@clinic.test", "name", "Invited", "role",
						"DOCTOR"))
				.send();
			assertThat(created.status()).as(created.toString()).isEqualTo(201);
			return created.json().get("inviteToken").asString();
		}

	}

}
