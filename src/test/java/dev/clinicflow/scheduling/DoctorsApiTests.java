package dev.clinicflow.scheduling;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.clinicflow.Api.Response;
import dev.clinicflow.Api.Session;
import dev.clinicflow.ApiTest;

import static dev.clinicflow.scheduling.SchedulingFixtures.create;
import static dev.clinicflow.scheduling.SchedulingFixtures.createdId;
import static dev.clinicflow.scheduling.SchedulingFixtures.doctor;
import static dev.clinicflow.scheduling.SchedulingFixtures.fields;
import static dev.clinicflow.scheduling.SchedulingFixtures.strings;
import static dev.clinicflow.scheduling.SchedulingFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

class DoctorsApiTests extends ApiTest {

	@Test
	void aCreatedDoctorIsStoredNormalisedAndAudited() {
		Session admin = this.api.registerTenant();
		Session staff = this.api.createUser(admin, "STAFF");
		Session account = this.api.createUser(admin, "DOCTOR");

		Response created = create(this.api, staff, "doctors",
				with(doctor("Dra. Ana Souza"), "userId", account.userId().toString()));

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode body = created.json();
		String id = body.get("id").asString();
		assertThat(UUID.fromString(id).version()).isEqualTo(7);
		assertThat(created.header("Location")).isEqualTo("/api/v1/doctors/" + id);
		assertThat(created.header("ETag")).isEqualTo("\"0\"");
		assertThat(body.get("userId").asString()).isEqualTo(account.userId().toString());
		assertThat(strings(body.get("specializations"))).containsExactly("cardiology", "clinical-medicine");
		assertThat(body.get("registration").get("council").asString()).isEqualTo("CRM");
		assertThat(body.get("registration").get("state").asString()).isEqualTo("SP");
		assertThat(body.get("slotMinutes").asInt()).isEqualTo(20);
		assertThat(body.get("appointmentTypes").get(0).get("code").asString()).isEqualTo("first-visit");
		assertThat(body.get("appointmentTypes").get(1).get("minutes").asInt()).isEqualTo(20);
		assertThat(body.get("active").asBoolean()).isTrue();

		Response read = this.api.get("/api/v1/doctors/" + id).bearer(staff.accessToken()).send();
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json()).isEqualTo(body);
		assertThat(this.api.get("/api/v1/audit?entityId=" + id).bearer(admin.accessToken()).send().text())
			.contains("doctor.created");
	}

	@Test
	void aMinimalDoctorGetsDefaults() {
		Session admin = this.api.registerTenant();
		JsonNode body = create(this.api, admin, "doctors", Map.of("name", "Dr. Mínimo")).json();
		assertThat(body.get("slotMinutes").asInt()).isEqualTo(30);
		assertThat(body.get("specializations").isEmpty()).isTrue();
		assertThat(body.get("appointmentTypes").isEmpty()).isTrue();
		assertThat(body.get("registration").isNull()).isTrue();
		assertThat(body.get("userId").isNull()).isTrue();
	}

	@Test
	void badInputIsRejectedNamingEachField() {
		Session admin = this.api.registerTenant();
		assertThat(fields(create(this.api, admin, "doctors", with(doctor("A"), "slotMinutes", 33))))
			.containsExactly("slotMinutes");
		assertThat(fields(create(this.api, admin, "doctors", with(doctor("A"), "slotMinutes", 485))))
			.containsExactly("slotMinutes");
		assertThat(fields(create(this.api, admin, "doctors", with(doctor("A"), "slotMinutes", 0))))
			.containsExactly("slotMinutes");
		assertThat(fields(create(this.api, admin, "doctors",
				with(doctor("A"), "appointmentTypes",
						List.of(Map.of("code", "a", "name", "A", "minutes", 15),
								Map.of("code", "A", "name", "B", "minutes", 17))))))
			.containsExactlyInAnyOrder("appointmentTypes[1].code", "appointmentTypes[1].minutes");
		assertThat(fields(create(this.api, admin, "doctors", with(doctor("A"), "name", " ")))).containsExactly("name");
		assertThat(
				fields(create(this.api, admin, "doctors", with(doctor("A"), "registration", Map.of("council", "CRM")))))
			.containsExactly("registration.number");
		assertThat(fields(create(this.api, admin, "doctors", with(doctor("A"), "slotMinutes", "30"))))
			.containsExactly("slotMinutes");
		assertThat(fields(create(this.api, admin, "doctors", with(doctor("A"), "nickname", "x"))))
			.containsExactly("nickname");
	}

	@Test
	void theLinkedAccountMustBeAnActiveDoctorOfTheClinicWithOneProfile() {
		Session admin = this.api.registerTenant();
		Session staff = this.api.createUser(admin, "STAFF");
		Session account = this.api.createUser(admin, "DOCTOR");
		Session elsewhere = this.api.createUser(this.api.registerTenant(), "DOCTOR");

		for (UUID wrong : List.of(staff.userId(), elsewhere.userId(), UUID.randomUUID())) {
			Response refused = create(this.api, admin, "doctors", with(doctor("A"), "userId", wrong.toString()));
			assertThat(refused.status()).isEqualTo(400);
			assertThat(fields(refused)).containsExactly("userId");
		}

		String first = createdId(this.api, admin, "doctors",
				with(doctor("Primeiro"), "userId", account.userId().toString()));
		Response second = create(this.api, admin, "doctors",
				with(with(doctor("Segundo"), "registration", Map.of("council", "CRM", "number", "999")), "userId",
						account.userId().toString()));
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.code()).isEqualTo("doctor_profile_exists");
		assertThat(second.json().get("existingId").asString()).isEqualTo(first);

		Response sameRegistration = create(this.api, admin, "doctors", doctor("Terceiro"));
		assertThat(sameRegistration.status()).isEqualTo(409);
		assertThat(sameRegistration.code()).isEqualTo("registration_taken");
	}

	@Test
	void aMergePatchChangesOnlyWhatItNamesAndHonoursIfMatch() {
		Session admin = this.api.registerTenant();
		Response created = create(this.api, admin, "doctors", doctor("Dr. Carlos"));
		String id = created.json().get("id").asString();

		Response patched = this.api.patch("/api/v1/doctors/" + id)
			.bearer(admin.accessToken())
			.header("If-Match", created.header("ETag"))
			.raw("application/merge-patch+json",
					"{\"slotMinutes\": 15, \"registration\": {\"number\": \"54321\"}, \"appointmentTypes\": "
							+ "[{\"code\": \"exam\", \"name\": \"Exame\", \"minutes\": 15}], \"active\": false}")
			.send();

		assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
		JsonNode body = patched.json();
		assertThat(body.get("slotMinutes").asInt()).isEqualTo(15);
		assertThat(body.get("registration").get("number").asString()).isEqualTo("54321");
		assertThat(body.get("registration").get("state").asString()).isEqualTo("SP");
		assertThat(body.get("appointmentTypes")).hasSize(1);
		assertThat(body.get("active").asBoolean()).isFalse();
		assertThat(body.get("name").asString()).isEqualTo("Dr. Carlos");
		assertThat(patched.header("ETag")).isEqualTo("\"1\"");

		Response stale = this.api.patch("/api/v1/doctors/" + id)
			.bearer(admin.accessToken())
			.header("If-Match", created.header("ETag"))
			.json(Map.of("name", "Late"))
			.send();
		assertThat(stale.status()).isEqualTo(412);
		assertThat(stale.code()).isEqualTo("stale_version");

		Response invalid = this.api.patch("/api/v1/doctors/" + id)
			.bearer(admin.accessToken())
			.json(Map.of("slotMinutes", 7, "version", 3))
			.send();
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(fields(invalid)).containsExactly("version");
		assertThat(fields(this.api.patch("/api/v1/doctors/" + id)
			.bearer(admin.accessToken())
			.json(Map.of("slotMinutes", 7))
			.send())).containsExactly("slotMinutes");
		assertThat(this.api.get("/api/v1/doctors/" + id).bearer(admin.accessToken()).send().header("ETag"))
			.as("nothing was written")
			.isEqualTo("\"1\"");
	}

	@Test
	void theListFiltersBySpecialisationAccentFreeNameAndActiveFlagInPages() {
		Session admin = this.api.registerTenant();
		String joao = createdId(this.api, admin, "doctors",
				Map.of("name", "Dr. João Gonçalves", "specializations", List.of("Cardiology")));
		String maria = createdId(this.api, admin, "doctors",
				Map.of("name", "Dra. Maria Joana", "specializations", List.of("pediatrics", "Clínica Médica")));
		String inactive = createdId(this.api, admin, "doctors",
				Map.of("name", "Dr. Antônio", "specializations", List.of("cardiology"), "active", false));

		assertThat(list(admin, "")).containsExactly(joao, maria, inactive);
		assertThat(list(admin, "?specialization=CARDIOLOGY")).containsExactly(joao, inactive);
		assertThat(list(admin, "?q=joao")).containsExactly(joao);
		assertThat(list(admin, "?q=JO")).containsExactly(joao, maria);
		assertThat(list(admin, "?q=antonio&active=false")).containsExactly(inactive);
		assertThat(list(admin, "?active=true&specialization=cardiology")).containsExactly(joao);
		assertThat(list(admin, "?specialization=clinica%20medica")).containsExactly(maria);
		assertThat(list(admin, "?specialization=CL%C3%8DNICA%20M%C3%89DICA")).containsExactly(maria);
		assertThat(list(admin, "?q=50%25")).isEmpty();

		JsonNode first = this.api.get("/api/v1/doctors?limit=2").bearer(admin.accessToken()).send().json();
		assertThat(strings(first.get("items"))).containsExactly(joao, maria);
		JsonNode second = this.api.get("/api/v1/doctors?limit=2&cursor=" + first.get("nextCursor").asString())
			.bearer(admin.accessToken())
			.send()
			.json();
		assertThat(strings(second.get("items"))).containsExactly(inactive);
		assertThat(second.get("nextCursor").isNull()).isTrue();
		assertThat(fields(this.api.get("/api/v1/doctors?active=maybe").bearer(admin.accessToken()).send()))
			.containsExactly("active");
	}

	@Test
	void patientsSeeOnlyActiveDoctorsAndOnlyWhatTheyNeed() {
		Session admin = this.api.registerTenant();
		Session patient = SchedulingFixtures.patient(this.api, admin);
		String active = createdId(this.api, admin, "doctors", doctor("Dra. Ativa"));
		String inactive = createdId(this.api, admin, "doctors", with(with(doctor("Dr. Inativo"), "active", false),
				"registration", Map.of("council", "CRM", "number", "1")));

		Response read = this.api.get("/api/v1/doctors/" + active).bearer(patient.accessToken()).send();
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().propertyNames()).containsExactlyInAnyOrder("id", "name", "specializations",
				"appointmentTypes");
		assertThat(this.api.get("/api/v1/doctors/" + inactive).bearer(patient.accessToken()).send().status())
			.isEqualTo(404);
		JsonNode page = this.api.get("/api/v1/doctors?active=false").bearer(patient.accessToken()).send().json();
		assertThat(strings(page.get("items"))).containsExactly(active);
		assertThat(page.get("items").get(0).has("registration")).isFalse();
		assertThat(create(this.api, patient, "doctors", doctor("X")).status()).isEqualTo(403);
	}

	@Test
	void rolesLimitWhoMayChangeOrReadDoctors() {
		Session admin = this.api.registerTenant();
		String id = createdId(this.api, admin, "doctors", doctor("Dr. Papel"));
		Session doctor = this.api.createUser(admin, "DOCTOR");
		Session driver = this.api.createUser(admin, "DRIVER");

		assertThat(this.api.get("/api/v1/doctors/" + id).bearer(doctor.accessToken()).send().status()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/doctors").bearer(doctor.accessToken()).send().status()).isEqualTo(200);
		assertThat(create(this.api, doctor, "doctors", Map.of("name", "X")).status()).isEqualTo(403);
		assertThat(this.api.patch("/api/v1/doctors/" + id)
			.bearer(doctor.accessToken())
			.json(Map.of("name", "Y"))
			.send()
			.status()).isEqualTo(403);
		assertThat(this.api.get("/api/v1/doctors/" + id).bearer(driver.accessToken()).send().status()).isEqualTo(403);
		assertThat(this.api.get("/api/v1/doctors").bearer(driver.accessToken()).send().status()).isEqualTo(403);
		assertThat(this.api.get("/api/v1/doctors").send().status()).isEqualTo(401);
	}

	@Test
	void anotherClinicsDoctorIsNotFound() {
		Session mine = this.api.registerTenant();
		Session theirs = this.api.registerTenant();
		String id = createdId(this.api, theirs, "doctors", doctor("Dr. Alheio"));

		assertThat(this.api.get("/api/v1/doctors/" + id).bearer(mine.accessToken()).send().code())
			.isEqualTo("not_found");
		assertThat(this.api.patch("/api/v1/doctors/" + id)
			.bearer(mine.accessToken())
			.json(Map.of("name", "Meu"))
			.send()
			.status()).isEqualTo(404);
		assertThat(list(mine, "")).isEmpty();
		assertThat(this.api.get("/api/v1/doctors/not-a-uuid").bearer(mine.accessToken()).send().status())
			.isEqualTo(400);
	}

	private List<String> list(Session session, String query) {
		Response response = this.api.get("/api/v1/doctors" + query).bearer(session.accessToken()).send();
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return strings(response.json().get("items"));
	}

}
