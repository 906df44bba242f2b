package dev.clinicflow.identity;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.clinicflow.Api.Response;
import dev.clinicflow.Api.Session;
import dev.clinicflow.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

class UsersApiTests extends ApiTest {

	// ---- own profile

	@Test
	void myProfileCarriesItsVersionAsETag() {
		Session admin = this.api.registerTenant();

		Response me = this.api.get("/api/v1/users/me").bearer(admin.accessToken()).send();

		assertThat(me.status()).isEqualTo(200);
		JsonNode body = me.json();
		assertThat(me.header("ETag")).isEqualTo("\"" + body.get("version").asLong() + "\"");
		assertThat(body.get("id").asString()).isEqualTo(admin.userId().toString());
		assertThat(body.get("email").asString()).isEqualTo(admin.email());
		assertThat(body.get("role").asString()).isEqualTo("ADMIN");
		assertThat(body.has("passwordHash")).isFalse();
	}

	@Test
	void usersChangeTheirNamePhoneAndLocaleWithThePhoneNormalisedToE164() {
		Session staff = this.api.createUser(this.api.registerTenant(), "STAFF");

		Response updated = patchMe(staff, Map.of("name", "Maria Souza", "phone", "(11) 98765-4321", "locale", "en-US"));

		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.json().get("name").asString()).isEqualTo("Maria Souza");
		assertThat(updated.json().get("phone").asString()).isEqualTo("+5511987654321");
		assertThat(updated.json().get("locale").asString()).isEqualTo("en-US");
		assertThat(updated.header("ETag")).isEqualTo("\"" + updated.json().get("version").asLong() + "\"");

		JsonNode reread = this.api.get("/api/v1/users/me").bearer(staff.accessToken()).send().json();
		assertThat(reread.get("name").asString()).isEqualTo("Maria Souza");
		assertThat(reread.get("phone").asString()).isEqualTo("+5511987654321");
		assertThat(reread.get("locale").asString()).isEqualTo("en-US");
	}

	@Test
	void anInvalidPhoneIsRejectedNamingPhone() {
		Session staff = this.api.createUser(this.api.registerTenant(), "STAFF");

		Response response = patchMe(staff, Map.of("phone", "123"));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.code()).isEqualTo("validation_failed");
		assertThat(fieldsOf(response)).containsExactly("phone");
	}

	@Test
	void anInvalidLocaleIsRejectedNamingLocale() {
		Session staff = this.api.createUser(this.api.registerTenant(), "STAFF");

		Response response = patchMe(staff, Map.of("locale", "not a locale"));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.code()).isEqualTo("validation_failed");
		assertThat(fieldsOf(response)).containsExactly("locale");
		JsonNode me = this.api.get("/api/v1/users/me").bearer(staff.accessToken()).send().json();
		assertThat(me.get("locale").isNull()).as("the locale is unchanged").isTrue();
	}

	@Test
	void anUpdateWithAStaleETagIsRefusedWith412AndWithTheCurrentOneSucceeds() {
		Session staff = this.api.createUser(this.api.registerTenant(), "STAFF");
		Response before = this.api.get("/api/v1/users/me").bearer(staff.accessToken()).send();
		String firstETag = before.header("ETag");
		long firstVersion = before.json().get("version").asLong();

		Response first = this.api.patch("/api/v1/users/me")
			.bearer(staff.accessToken())
			.header("If-Match", firstETag)
			.json(Map.of("name", "First Edit"))
			.send();
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.json().get("version").asLong()).isEqualTo(firstVersion + 1);
		assertThat(first.header("ETag")).isEqualTo("\"" + (firstVersion + 1) + "\"");

		Response stale = this.api.patch("/api/v1/users/me")
			.bearer(staff.accessToken())
			.header("If-Match", firstETag)
			.json(Map.of("name", "Lost Update"))
			.send();
		assertThat(stale.status()).isEqualTo(412);
		assertThat(stale.code()).isEqualTo("stale_version");

		Response current = this.api.patch("/api/v1/users/me")
			.bearer(staff.accessToken())
			.header("If-Match", first.header("ETag"))
			.json(Map.of("name", "Second Edit"))
			.send();
		assertThat(current.status()).isEqualTo(200);
		assertThat(current.json().get("name").asString()).isEqualTo("Second Edit");
		assertThat(current.json().get("version").asLong()).isEqualTo(firstVersion + 2);
		assertThat(current.header("ETag")).isEqualTo("\"" + (firstVersion + 2) + "\"");
	}

	@Test
	void aWrongCurrentPasswordIsRejectedNamingCurrentPassword() {
		Session staff = this.api.createUser(this.api.registerTenant(), "STAFF");

		Response response = patchMe(staff,
				Map.of("currentPassword", "not-my-password", "newPassword", "a-brand-new-password"));

		assertThat(response.status()).isEqualTo(400);
		assertThat(fieldsOf(response)).containsExactly("currentPassword");
		assertThat(login(staff.email(), staff.password()).status()).as("the password is unchanged").isEqualTo(200);
	}

	@Test
	void changingThePasswordReplacesTheOldOneAndRevokesRefreshTokens() {
		Session staff = this.api.createUser(this.api.registerTenant(), "STAFF");
		String newPassword = "a-brand-new-password";

		Response changed = patchMe(staff, Map.of("currentPassword", staff.password(), "newPassword", newPassword));

		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.json().get("mustChangePassword").asBoolean()).isFalse();
		assertThat(login(staff.email(), newPassword).status()).isEqualTo(200);
		Response oldPassword = login(staff.email(), staff.password());
		assertThat(oldPassword.status()).isEqualTo(401);
		assertThat(oldPassword.code()).isEqualTo("invalid_credentials");
		Response oldRefresh = this.api.post("/api/v1/auth/refresh")
			.json(Map.of("refreshToken", staff.refreshToken()))
			.send();
		assertThat(oldRefresh.status()).isEqualTo(401);
		assertThat(oldRefresh.code()).isEqualTo("invalid_refresh_token");
	}

	// ---- photos

	@Test
	void aPngPhotoIsStoredAndServedAsPng() {
		Session staff = this.api.createUser(this.api.registerTenant(), "STAFF");
		byte[] png = image("png");

		assertThat(uploadPhoto(staff, "me.png", "image/png", png).status()).isEqualTo(204);

		Response photo = this.api.get("/api/v1/users/" + staff.userId() + "/photo").bearer(staff.accessToken()).send();
		assertThat(photo.status()).isEqualTo(200);
		assertThat(photo.header("Content-Type")).isEqualTo("image/png");
		assertThat(photo.body()).isEqualTo(png);
		JsonNode me = this.api.get("/api/v1/users/me").bearer(staff.accessToken()).send().json();
		assertThat(me.get("hasPhoto").asBoolean()).isTrue();
	}

	@Test
	void aJpegPhotoIsStoredAndServedAsJpeg() {
		Session staff = this.api.createUser(this.api.registerTenant(), "STAFF");
		byte[] jpeg = image("jpg");

		assertThat(uploadPhoto(staff, "me.jpg", "image/jpeg", jpeg).status()).isEqualTo(204);

		Response photo = this.api.get("/api/v1/users/" + staff.userId() + "/photo").bearer(staff.accessToken()).send();
		assertThat(photo.status()).isEqualTo(200);
		assertThat(photo.header("Content-Type")).isEqualTo("image/jpeg");
		assertThat(photo.body()).isEqualTo(jpeg);
	}

	@Test
	void aWebpPhotoIsStoredAndServedAsWebp() {
		Session staff = this.api.createUser(this.api.registerTenant(), "STAFF");
		byte[] webp = webp();

		assertThat(uploadPhoto(staff, "me.webp", "image/webp", webp).status()).isEqualTo(204);

		Response photo = this.api.get("/api/v1/users/" + staff.userId() + "/photo").bearer(staff.accessToken()).send();
		assertThat(photo.status()).isEqualTo(200);
		assertThat(photo.header("Content-Type")).isEqualTo("image/webp");
		assertThat(photo.body()).isEqualTo(webp);
	}

	@Test
	void thePhotoTypeComesFromTheContentNotTheFileNameOrDeclaredType() {
		Session staff = this.api.createUser(this.api.registerTenant(), "STAFF");
		byte[] png = image("png");

		assertThat(uploadPhoto(staff, "holiday.jpg", "image/jpeg", png).status()).isEqualTo(204);

		Response photo = this.api.get("/api/v1/users/" + staff.userId() + "/photo").bearer(staff.accessToken()).send();
		assertThat(photo.status()).isEqualTo(200);
		assertThat(photo.header("Content-Type")).isEqualTo("image/png");
		assertThat(photo.body()).isEqualTo(png);
	}

	@Test
	void aNewPhotoReplacesTheOldOne() {
		Session staff = this.api.createUser(this.api.registerTenant(), "STAFF");
		assertThat(uploadPhoto(staff, "first.png", "image/png", image("png")).status()).isEqualTo(204);
		byte[] jpeg = image("jpg");

		assertThat(uploadPhoto(staff, "second.jpg", "image/jpeg", jpeg).status()).isEqualTo(204);

		Response photo = this.api.get("/api/v1/users/" + staff.userId() + "/photo").bearer(staff.accessToken()).send();
		assertThat(photo.header("Content-Type")).isEqualTo("image/jpeg");
		assertThat(photo.body()).isEqualTo(jpeg);
	}

	@Test
	void textPretendingToBeAPngIsRefusedWith415() {
		Session staff = this.api.createUser(this.api.registerTenant(), "STAFF");
		byte[] text = "this is not an image, just some text".getBytes(StandardCharsets.UTF_8);

		Response response = uploadPhoto(staff, "photo.png", "image/png", text);

		assertThat(response.status()).isEqualTo(415);
		assertThat(response.code()).isEqualTo("unsupported_image");
		assertThat(
				this.api.get("/api/v1/users/" + staff.userId() + "/photo").bearer(staff.accessToken()).send().status())
			.isEqualTo(404);
	}

	@Test
	void aPhotoOverTheLimitIsRefusedWith413() {
		Session staff = this.api.createUser(this.api.registerTenant(), "STAFF");
		// 3 MB: over the 2 MB photo limit, while the whole request stays under the 3 MiB
		// request limit, so the server reads the upload and answers on a healthy
		// connection
		byte[] big = new byte[3_000_000];
		new Random(42).nextBytes(big);
		byte[] png = image("png");
		System.arraycopy(png, 0, big, 0, png.length);

		Response response = uploadPhoto(staff, "huge.png", "image/png", big);

		assertThat(response.status()).isEqualTo(413);
		assertThat(response.code()).isEqualTo("payload_too_large");
		assertThat(
				this.api.get("/api/v1/users/" + staff.userId() + "/photo").bearer(staff.accessToken()).send().status())
			.isEqualTo(404);
	}

	@Test
	void aUserWithoutAPhotoHasNone() {
		Session admin = this.api.registerTenant();
		Session staff = this.api.createUser(admin, "STAFF");

		Response response = this.api.get("/api/v1/users/" + staff.userId() + "/photo")
			.bearer(admin.accessToken())
			.send();

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.code()).isEqualTo("not_found");
	}

	// ---- administration

	@Test
	void adminsCreateUsersWithATemporaryPasswordTheyMustChange() {
		Session admin = this.api.registerTenant();
		String email = "nova-" + UUID.randomUUID() + "@clinic.test";

		Response created = this.api.post("/api/v1/users")
			.bearer(admin.accessToken())
			.json(Map.of("email", email, "name", "Nova Recepcionista", "role", "STAFF", "phone", "(11) 98765-4321",
					"temporaryPassword", "temporary-password-1"))
			.send();

		assertThat(created.status()).isEqualTo(201);
		JsonNode user = created.json().get("user");
		assertThat(created.header("Location")).endsWith("/api/v1/users/" + user.get("id").asString());
		assertThat(created.header("ETag")).isEqualTo("\"" + user.get("version").asLong() + "\"");
		assertThat(user.get("email").asString()).isEqualTo(email);
		assertThat(user.get("role").asString()).isEqualTo("STAFF");
		assertThat(user.get("phone").asString()).isEqualTo("+5511987654321");
		assertThat(user.get("active").asBoolean()).isTrue();
		assertThat(user.get("mustChangePassword").asBoolean()).isTrue();
		assertThat(user.has("passwordHash")).isFalse();
		assertThat(created.json().get("inviteToken").isNull()).isTrue();

		Response login = login(email, "temporary-password-1");
		assertThat(login.status()).isEqualTo(200);
		assertThat(login.json().get("user").get("mustChangePassword").asBoolean()).isTrue();
		Response fetched = this.api.get("/api/v1/users/" + user.get("id").asString())
			.bearer(admin.accessToken())
			.send();
		assertThat(fetched.status()).isEqualTo(200);
		assertThat(fetched.json().get("email").asString()).isEqualTo(email);
	}

	@Test
	void anEmailAlreadyInTheTenantIsRefusedWhateverItsCase() {
		Session admin = this.api.registerTenant();
		String email = "Ana.Lima-" + UUID.randomUUID() + "@Clinic.test";
		assertThat(create(admin,
				Map.of("email", email, "name", "Ana", "role", "STAFF", "temporaryPassword", "temporary-password-1"))
			.status()).isEqualTo(201);

		Response again = create(admin, Map.of("email", email.toUpperCase(), "name", "Ana Again", "role", "DOCTOR",
				"temporaryPassword", "temporary-password-2"));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.code()).isEqualTo("email_taken");

		Response adminsOwn = create(admin, Map.of("email", admin.email().toUpperCase(), "name", "Copy", "role", "STAFF",
				"temporaryPassword", "temporary-password-3"));
		assertThat(adminsOwn.status()).isEqualTo(409);
		assertThat(adminsOwn.code()).isEqualTo("email_taken");
	}

	@Test
	void patientsCannotBeCreatedByAnAdmin() {
		Session admin = this.api.registerTenant();

		Response response = create(admin, Map.of("email", "p-" + UUID.randomUUID() + "@mail.test", "name", "Paciente",
				"role", "PATIENT", "temporaryPassword", "temporary-password-1"));

		assertThat(response.status()).isEqualTo(400);
		assertThat(fieldsOf(response)).containsExactly("role");
	}

	@Test
	void aUserWithoutANameIsRejectedNamingName() {
		Session admin = this.api.registerTenant();

		Response response = create(admin, Map.of("email", "nameless-" + UUID.randomUUID() + "@clinic.test", "role",
				"STAFF", "temporaryPassword", "temporary-password-1"));

		assertThat(response.status()).isEqualTo(400);
		assertThat(fieldsOf(response)).containsExactly("name");
	}

	@Test
	void usersAreListedByRoleAndActiveState() {
		Session admin = this.api.registerTenant();
		String activeStaff = newUser(admin, "STAFF");
		String inactiveStaff = newUser(admin, "STAFF");
		String doctor = newUser(admin, "DOCTOR");
		assertThat(patchUser(admin, inactiveStaff, Map.of("active", false)).status()).isEqualTo(200);

		assertThat(listIds(admin, "")).containsExactlyInAnyOrder(admin.userId().toString(), activeStaff, inactiveStaff,
				doctor);
		assertThat(listIds(admin, "role=STAFF")).containsExactlyInAnyOrder(activeStaff, inactiveStaff);
		assertThat(listIds(admin, "role=STAFF&active=true")).containsExactly(activeStaff);
		assertThat(listIds(admin, "active=false")).containsExactly(inactiveStaff);
		assertThat(listIds(admin, "role=DOCTOR")).containsExactly(doctor);
		assertThat(listIds(admin, "role=ADMIN")).containsExactly(admin.userId().toString());
		assertThat(listIds(admin, "role=DRIVER")).isEmpty();
	}

	@Test
	void cursorPaginationWalksEveryUserExactlyOnce() {
		Session admin = this.api.registerTenant();
		Set<String> expected = new HashSet<>(List.of(admin.userId().toString()));
		for (String role : List.of("STAFF", "STAFF", "DOCTOR", "DRIVER", "ADMIN")) {
			expected.add(newUser(admin, role));
		}

		List<String> seen = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			String query = "/api/v1/users?limit=2"
					+ ((cursor != null) ? "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8) : "");
			Response page = this.api.get(query).bearer(admin.accessToken()).send();
			assertThat(page.status()).isEqualTo(200);
			JsonNode items = page.json().get("items");
			assertThat(items.size()).isBetween(1, 2);
			items.forEach((item) -> seen.add(item.get("id").asString()));
			assertThat(page.json().has("nextCursor")).isTrue();
			JsonNode next = page.json().get("nextCursor");
			cursor = next.isNull() ? null : next.asString();
			pages++;
			assertThat(pages).as("pagination ends").isLessThanOrEqualTo(10);
		}
		while (cursor != null);

		assertThat(pages).isEqualTo(3);
		assertThat(seen).doesNotHaveDuplicates().hasSize(6);
		assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void aLimitOverTheMaximumIsRejectedNamingLimit() {
		Session admin = this.api.registerTenant();

		Response response = this.api.get("/api/v1/users?limit=500").bearer(admin.accessToken()).send();

		assertThat(response.status()).isEqualTo(400);
		assertThat(fieldsOf(response)).containsExactly("limit");
	}

	@Test
	void aCursorTheApiDidNotIssueIsRejectedNamingCursor() {
		Session admin = this.api.registerTenant();

		Response response = this.api.get("/api/v1/users?cursor=not-a-cursor").bearer(admin.accessToken()).send();

		assertThat(response.status()).isEqualTo(400);
		assertThat(fieldsOf(response)).containsExactly("cursor");
	}

	@Test
	void adminsChangeAUsersRoleAndDeactivateThem() {
		Session admin = this.api.registerTenant();
		String id = newUser(admin, "STAFF");

		Response promoted = patchUser(admin, id, Map.of("role", "DOCTOR"));
		assertThat(promoted.status()).isEqualTo(200);
		assertThat(promoted.json().get("role").asString()).isEqualTo("DOCTOR");
		assertThat(promoted.header("ETag")).isEqualTo("\"" + promoted.json().get("version").asLong() + "\"");

		Response deactivated = patchUser(admin, id, Map.of("active", false));
		assertThat(deactivated.status()).isEqualTo(200);
		assertThat(deactivated.json().get("active").asBoolean()).isFalse();

		JsonNode stored = this.api.get("/api/v1/users/" + id).bearer(admin.accessToken()).send().json();
		assertThat(stored.get("role").asString()).isEqualTo("DOCTOR");
		assertThat(stored.get("active").asBoolean()).isFalse();

		Response intoPatient = patchUser(admin, id, Map.of("role", "PATIENT"));
		assertThat(intoPatient.status()).isEqualTo(400);
		assertThat(fieldsOf(intoPatient)).containsExactly("role");
	}

	@Test
	void anAdminCannotDemoteOrDeactivateThemselves() {
		Session admin = this.api.registerTenant();
		String self = admin.userId().toString();

		Response demote = patchUser(admin, self, Map.of("role", "STAFF"));
		assertThat(demote.status()).isEqualTo(409);
		assertThat(demote.code()).isEqualTo("own_access");

		Response deactivate = patchUser(admin, self, Map.of("active", false));
		assertThat(deactivate.status()).isEqualTo(409);
		assertThat(deactivate.code()).isEqualTo("own_access");

		JsonNode me = this.api.get("/api/v1/users/me").bearer(admin.accessToken()).send().json();
		assertThat(me.get("role").asString()).isEqualTo("ADMIN");
		assertThat(me.get("active").asBoolean()).isTrue();
		assertThat(login(admin.email(), admin.password()).status()).isEqualTo(200);
	}

	@Test
	void creationRoleChangeAndDeactivationAreAuditedWithActorRequestIdAndAddress() {
		Session admin = this.api.registerTenant();
		Response created = create(admin, Map.of("email", "audited-" + UUID.randomUUID() + "@clinic.test", "name",
				"Audited", "role", "STAFF", "temporaryPassword", "temporary-password-1"));
		assertThat(created.status()).isEqualTo(201);
		String id = created.json().get("user").get("id").asString();
		Response promoted = patchUser(admin, id, Map.of("role", "DRIVER"));
		assertThat(promoted.status()).isEqualTo(200);
		Response deactivated = patchUser(admin, id, Map.of("active", false));
		assertThat(deactivated.status()).isEqualTo(200);
		assertThat(List.of(created.header("X-Request-Id"), promoted.header("X-Request-Id"),
				deactivated.header("X-Request-Id")))
			.doesNotContainNull()
			.doesNotHaveDuplicates();

		Response audit = this.api.get("/api/v1/audit?entityId=" + id).bearer(admin.accessToken()).send();

		assertThat(audit.status()).isEqualTo(200);
		JsonNode items = audit.json().get("items");
		JsonNode creation = auditedOnce(items, "user.created");
		assertAudited(creation, admin, id, created);
		assertThat(creation.get("details").get("role").asString()).isEqualTo("STAFF");
		JsonNode roleChange = auditedOnce(items, "user.role_changed");
		assertAudited(roleChange, admin, id, promoted);
		assertThat(roleChange.get("details").get("from").asString()).isEqualTo("STAFF");
		assertThat(roleChange.get("details").get("to").asString()).isEqualTo("DRIVER");
		assertAudited(auditedOnce(items, "user.deactivated"), admin, id, deactivated);
	}

	// ---- helpers

	private Response patchMe(Session session, Map<String, ?> changes) {
		return this.api.patch("/api/v1/users/me").bearer(session.accessToken()).json(changes).send();
	}

	private Response patchUser(Session admin, String id, Map<String, ?> changes) {
		return this.api.patch("/api/v1/users/" + id).bearer(admin.accessToken()).json(changes).send();
	}

	private Response create(Session admin, Map<String, ?> user) {
		return this.api.post("/api/v1/users").bearer(admin.accessToken()).json(user).send();
	}

	/**
	 * Creates a user with a temporary password (without logging in) and returns its id.
	 */
	private String newUser(Session admin, String role) {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		Response created = create(admin, Map.of("email", role.toLowerCase() + "-" + unique + "@clinic.test", "name",
				role + " " + unique, "role", role, "temporaryPassword", "temporary-" + unique));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("user").get("id").asString();
	}

	private List<String> listIds(Session admin, String query) {
		Response response = this.api.get("/api/v1/users?" + query).bearer(admin.accessToken()).send();
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json().get("nextCursor").isNull()).isTrue();
		return response.json().get("items").valueStream().map((item) -> item.get("id").asString()).toList();
	}

	private Response login(String email, String password) {
		return this.api.post("/api/v1/auth/login").json(Map.of("email", email, "password", password)).send();
	}

	private Response uploadPhoto(Session session, String filename, String partType, byte[] content) {
		return this.api.post("/api/v1/users/me/photo")
			.bearer(session.accessToken())
			.multipartFile("file", filename, partType, content)
			.send();
	}

	private static List<String> fieldsOf(Response response) {
		return response.json().get("errors").valueStream().map((error) -> error.get("field").asString()).toList();
	}

	private static JsonNode auditedOnce(JsonNode items, String action) {
		List<JsonNode> matching = items.valueStream()
			.filter((item) -> action.equals(item.get("action").asString()))
			.toList();
		assertThat(matching).as("audit rows for %s in %s", action, items).hasSize(1);
		return matching.getFirst();
	}

	private static void assertAudited(JsonNode row, Session actor, String entityId, Response cause) {
		assertThat(row.get("entityType").asString()).isEqualTo("user");
		assertThat(row.get("entityId").asString()).isEqualTo(entityId);
		assertThat(row.get("actorId").asString()).isEqualTo(actor.userId().toString());
		assertThat(row.get("outcome").asString()).isEqualTo("SUCCESS");
		assertThat(row.get("requestId").asString()).isEqualTo(cause.header("X-Request-Id"));
		assertThat(row.get("clientIp").asString()).isIn("127.0.0.1", "::1");
	}

	/** A small real image written by the JDK's own encoders. */
	private static byte[] image(String format) {
		BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < 16; x++) {
			for (int y = 0; y < 16; y++) {
				image.setRGB(x, y, new Color(x * 16, y * 16, 128).getRGB());
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			assertThat(ImageIO.write(image, format, out)).as("the JDK writes " + format).isTrue();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * A minimal valid WebP: a RIFF container with one lossless (VP8L) chunk holding a 1x1
	 * image.
	 */
	private static byte[] webp() {
		byte[] vp8l = { 0x2f, 0x00, 0x00, 0x00, 0x10, 0x07, 0x10, 0x11, 0x11, (byte) 0x88, (byte) 0x88, (byte) 0xfe,
				0x07 };
		int padded = vp8l.length + (vp8l.length % 2);
		ByteBuffer riff = ByteBuffer.allocate(12 + 8 + padded).order(ByteOrder.LITTLE_ENDIAN);
		riff.put("RIFF".getBytes(StandardCharsets.US_ASCII));
		riff.putInt(4 + 8 + padded);
		riff.put("WEBP".getBytes(StandardCharsets.US_ASCII));
		riff.put("VP8L".getBytes(StandardCharsets.US_ASCII));
		riff.putInt(vp8l.length);
		riff.put(vp8l);
		return riff.array();
	}

}
