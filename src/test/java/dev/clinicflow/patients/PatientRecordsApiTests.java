package dev.clinicflow.patients;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.clinicflow.Api.Response;
import dev.clinicflow.Api.Session;
import dev.clinicflow.ApiTest;

import static dev.clinicflow.patients.PatientFixtures.patient;
import static dev.clinicflow.patients.PatientFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PatientRecordsApiTests extends ApiTest {

	@Test
	void aCreatedPatientIsStoredNormalised() {
		Session staff = this.api.createUser(this.api.registerTenant(), "STAFF");
		Map<String, Object> input = patient("Maria José da Conceição");

		Response created = create(staff, input);

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("Location")).isEqualTo("/api/v1/patients/" + created.json().get("id").asString());
		assertThat(created.header("ETag")).isEqualTo("\"0\"");
		JsonNode body = created.json();
		assertThat(body.get("cpf").asString()).isEqualTo(PatientFixtures.digits((String) input.get("cpf")));
		assertThat(body.get("contacts").get(0).get("value").asString()).startsWith("+5511").hasSize(14);
		assertThat(body.get("tags")).extracting(JsonNode::asString).containsExactly("diabetic", "vip");
		assertThat(body.get("address").get("location").get("lat").asDouble()).isEqualTo(-23.5531);
		assertThat(body.get("healthPlan").get("provider").asString()).isEqualTo("Unimed");
		assertThat(body.get("preferences").get("timeOfDay").asString()).isEqualTo("MORNING");
		assertThat(body.get("analytics").get("totalAppointments").asInt()).isZero();
		assertThat(body.get("deletedAt").isNull()).isTrue();
	}

	@Test
	void badInputIsRejectedNamingEachField() {
		Session admin = this.api.registerTenant();
		Map<String, Object> input = patient("Ana");
		input.put("cpf", "123.456.789-00");
		input.put("birthDate", this.clock.instant().plus(Duration.ofDays(3)).toString().substring(0, 10));
		input.put("contacts", List.of(Map.of("type", "MOBILE", "value", "12", "primary", true, "allowMessages", true),
				Map.of("type", "WHATSAPP", "value", "+55 11 98888-7777", "primary", true, "allowMessages", true),
				Map.of("type", "WHATSAPP", "value", "+55 11 98888-6666", "primary", true, "allowMessages", true)));

		Response response = create(admin, input);

		assertThat(response.status()).isEqualTo(400);
		assertThat(fields(response)).containsExactlyInAnyOrder("cpf", "birthDate", "contacts[0].value",
				"contacts[2].primary");
	}

	@Test
	void beanValidationAndJsonErrorsNameTheFieldToo() {
		Session admin = this.api.registerTenant();
		assertThat(fields(create(admin, with(patient("A"), "email", "not-an-email")))).containsExactly("email");
		assertThat(fields(create(admin, with(patient("A"), "gender", "FEMININE")))).containsExactly("gender");
		assertThat(fields(create(admin, with(patient("A"), "fullName", " ")))).containsExactly("fullName");
		assertThat(fields(create(admin,
				with(patient("A"), "address", Map.of("city", "X", "location", Map.of("lat", 91.0, "lon", 10.0))))))
			.containsExactly("address.location.lat");
		assertThat(fields(create(admin, with(patient("A"), "birthDate", "17/05/1980")))).containsExactly("birthDate");
	}

	@Test
	void aCpfAlreadyInTheClinicIsAConflictNamingItsPatient() {
		Session admin = this.api.registerTenant();
		Map<String, Object> first = patient("Primeira");
		String existing = create(admin, first).json().get("id").asString();

		Response again = create(admin,
				with(patient("Segunda"), "cpf", PatientFixtures.digits((String) first.get("cpf"))));

		assertThat(again.status()).isEqualTo(409);
		assertThat(again.code()).isEqualTo("cpf_taken");
		assertThat(again.json().get("patientId").asString()).isEqualTo(existing);

		Session otherClinic = this.api.registerTenant();
		assertThat(create(otherClinic, first).status()).as("CPFs are unique per clinic only").isEqualTo(201);
	}

	@Test
	void everyReadIsAuditedWithWhoReadWhom() {
		Session admin = this.api.registerTenant();
		Session doctor = this.api.createUser(admin, "DOCTOR");
		String id = create(admin, patient("Paciente Lido")).json().get("id").asString();

		Response read = this.api.get("/api/v1/patients/" + id).bearer(doctor.accessToken()).send();
		assertThat(read.status()).isEqualTo(200);

		List<JsonNode> reads = audit(admin, "?entityId=" + id).stream()
			.filter((entry) -> entry.get("action").asString().equals("patient.read"))
			.toList();
		assertThat(reads).hasSize(1);
		assertThat(reads.getFirst().get("actorId").asString()).isEqualTo(doctor.userId().toString());
		assertThat(reads.getFirst().get("requestId").asString()).isEqualTo(read.header("X-Request-Id"));
	}

	@Test
	void aMergePatchChangesOnlyWhatItNames() {
		Session admin = this.api.registerTenant();
		Response created = create(admin, patient("Carlos Pereira"));
		String id = created.json().get("id").asString();

		Response patched = this.api.patch("/api/v1/patients/" + id)
			.bearer(admin.accessToken())
			.header("If-Match", created.header("ETag"))
			.raw("application/merge-patch+json",
					"{\"address\": {\"city\": \"Campinas\", \"location\": null}, \"notes\": null, \"tags\": [\"gestante\"]}")
			.send();

		assertThat(patched.status()).isEqualTo(200);
		JsonNode body = patched.json();
		assertThat(body.get("address").get("city").asString()).isEqualTo("Campinas");
		assertThat(body.get("address").get("street").asString()).isEqualTo("Rua Augusta");
		assertThat(body.get("address").get("location").isNull()).isTrue();
		assertThat(body.get("notes").isNull()).isTrue();
		assertThat(body.get("tags")).extracting(JsonNode::asString).containsExactly("gestante");
		assertThat(body.get("fullName").asString()).isEqualTo("Carlos Pereira");
		assertThat(body.get("version").asLong()).isEqualTo(1);
		assertThat(patched.header("ETag")).isEqualTo("\"1\"");

		Response stale = this.api.patch("/api/v1/patients/" + id)
			.bearer(admin.accessToken())
			.header("If-Match", created.header("ETag"))
			.json(Map.of("notes", "late"))
			.send();
		assertThat(stale.status()).isEqualTo(412);
		assertThat(stale.code()).isEqualTo("stale_version");
	}

	@Test
	void aPatchIsValidatedLikeANewRecord() {
		Session admin = this.api.registerTenant();
		String id = create(admin, patient("Válido")).json().get("id").asString();
		assertThat(fields(patch(admin, id, "{\"cpf\": \"111.111.111-11\"}"))).containsExactly("cpf");
		assertThat(fields(patch(admin, id, "{\"fullName\": null}"))).containsExactly("fullName");
		assertThat(fields(patch(admin, id, "{\"analytics\": {\"noShows\": 0}}"))).containsExactly("analytics");
		assertThat(fields(patch(admin, id, "{\"birthDate\": 12}"))).containsExactly("birthDate");
		assertThat(this.api.get("/api/v1/patients/" + id)
			.bearer(admin.accessToken())
			.send()
			.json()
			.get("version")
			.asLong()).as("nothing was written").isZero();
	}

	@Test
	void deletionIsSoftAndCanBeUndone() {
		Session admin = this.api.registerTenant();
		Session staff = this.api.createUser(admin, "STAFF");
		String id = create(admin, patient("Apagado")).json().get("id").asString();

		assertThat(this.api.delete("/api/v1/patients/" + id + "?reason=duplicate%20entry")
			.bearer(staff.accessToken())
			.send()
			.status()).isEqualTo(204);
		assertThat(this.api.get("/api/v1/patients/" + id).bearer(staff.accessToken()).send().status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/patients/" + id + "?includeDeleted=true")
			.bearer(staff.accessToken())
			.send()
			.status()).isEqualTo(400);
		Response asAdmin = this.api.get("/api/v1/patients/" + id + "?includeDeleted=true")
			.bearer(admin.accessToken())
			.send();
		assertThat(asAdmin.status()).isEqualTo(200);
		assertThat(asAdmin.json().get("deletedAt").isNull()).isFalse();

		Response restored = this.api.post("/api/v1/patients/" + id + "/restore").bearer(staff.accessToken()).send();
		assertThat(restored.status()).isEqualTo(200);
		assertThat(restored.json().get("deletedAt").isNull()).isTrue();
		assertThat(this.api.post("/api/v1/patients/" + id + "/restore").bearer(staff.accessToken()).send().code())
			.isEqualTo("patient_not_deleted");
		assertThat(audit(admin, "?entityId=" + id).stream().map((entry) -> entry.get("action").asString()))
			.contains("patient.deleted", "patient.restored");
	}

	@Test
	void rolesLimitWhatEachUserMayDo() {
		Session admin = this.api.registerTenant();
		String id = create(admin, patient("Restrito")).json().get("id").asString();
		Session doctor = this.api.createUser(admin, "DOCTOR");
		Session driver = this.api.createUser(admin, "DRIVER");

		assertThat(this.api.get("/api/v1/patients/" + id).bearer(doctor.accessToken()).send().status()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/patients?q=Restrito").bearer(doctor.accessToken()).send().status())
			.isEqualTo(200);
		assertThat(create(doctor, patient("X")).status()).isEqualTo(403);
		assertThat(patch(doctor, id, "{\"notes\": \"x\"}").status()).isEqualTo(403);
		assertThat(this.api.get("/api/v1/patients/" + id).bearer(driver.accessToken()).send().status()).isEqualTo(403);
		assertThat(this.api.get("/api/v1/patients/me").bearer(admin.accessToken()).send().status()).isEqualTo(403);
	}

	@Test
	void anotherClinicsPatientIsNotFound() {
		Session admin = this.api.registerTenant();
		Session other = this.api.registerTenant();
		String id = create(other, patient("Alheio")).json().get("id").asString();

		Response read = this.api.get("/api/v1/patients/" + id).bearer(admin.accessToken()).send();
		assertThat(read.status()).isEqualTo(404);
		assertThat(read.text()).doesNotContain("Alheio");
		assertThat(patch(admin, id, "{\"notes\": \"x\"}").status()).isEqualTo(404);
		assertThat(this.api.delete("/api/v1/patients/" + id).bearer(admin.accessToken()).send().status())
			.isEqualTo(404);
	}

	@Test
	void aPatientWhoSignsUpGetsTheirRecordLinkedByEmail() {
		Session admin = this.api.registerTenant();
		Map<String, Object> input = patient("Joana Cadastrada");
		String id = create(admin, input).json().get("id").asString();

		Response signup = this.api.post("/api/v1/auth/patient/signup")
			.json(Map.of("tenant", admin.tenantSlug(), "name", "Joana", "email", input.get("email"), "phone",
					"+55 21 99999-0000", "password", "joana-password-1"))
			.send();
		assertThat(signup.status()).isEqualTo(201);
		String token = signup.json().get("accessToken").asString();

		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.api.get("/api/v1/patients/me").bearer(token).send().status() == 200);
		Response mine = this.api.get("/api/v1/patients/me").bearer(token).send();
		assertThat(mine.json().get("id").asString()).isEqualTo(id);
		assertThat(mine.json().get("fullName").asString()).isEqualTo("Joana Cadastrada");
		assertThat(this.api.get("/api/v1/patients/" + id).bearer(token).send().status()).isEqualTo(403);
	}

	@Test
	void aPatientWithoutARecordGetsANewOne() {
		Session admin = this.api.registerTenant();
		String email = "novo-" + UUID.randomUUID() + "@mail.test";
		String token = this.api.post("/api/v1/auth/patient/signup")
			.json(Map.of("tenant", admin.tenantSlug(), "name", "Pedro Novo", "email", email, "phone", "11 98765-1234",
					"password", "pedro-password-1"))
			.send()
			.json()
			.get("accessToken")
			.asString();

		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.api.get("/api/v1/patients/me").bearer(token).send().status() == 200);
		JsonNode mine = this.api.get("/api/v1/patients/me").bearer(token).send().json();
		assertThat(mine.get("fullName").asString()).isEqualTo("Pedro Novo");
		assertThat(mine.get("email").asString()).isEqualTo(email);
		assertThat(mine.get("contacts").get(0).get("value").asString()).isEqualTo("+5511987651234");
	}

	private Response create(Session session, Map<String, Object> input) {
		return this.api.post("/api/v1/patients").bearer(session.accessToken()).json(input).send();
	}

	private Response patch(Session session, String id, String patch) {
		return this.api.patch("/api/v1/patients/" + id)
			.bearer(session.accessToken())
			.raw("application/merge-patch+json", patch)
			.send();
	}

	private List<JsonNode> audit(Session admin, String query) {
		Response response = this.api.get("/api/v1/audit" + query).bearer(admin.accessToken()).send();
		return StreamSupport.stream(response.json().get("items").spliterator(), false).toList();
	}

	static List<String> fields(Response response) {
		assertThat(response.status()).as(response.text()).isEqualTo(400);
		return StreamSupport.stream(response.json().get("errors").spliterator(), false)
			.map((error) -> error.get("field").asString())
			.toList();
	}

}
