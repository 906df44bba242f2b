package dev.clinicflow.patients;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.clinicflow.Api.Response;
import dev.clinicflow.Api.Session;
import dev.clinicflow.ApiTest;

import static dev.clinicflow.patients.PatientFixtures.patient;
import static dev.clinicflow.patients.PatientFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

class BulkPatientsApiTests extends ApiTest {

	@Test
	void eachItemGetsItsOwnResult() {
		Session admin = this.api.registerTenant();
		Map<String, Object> existing = patient("Já Cadastrada");
		String existingId = this.api.post("/api/v1/patients")
			.bearer(admin.accessToken())
			.json(existing)
			.send()
			.json()
			.get("id")
			.asString();
		Map<String, Object> twice = patient("Duas Vezes");

		Response response = bulk(admin, List.of(patient("Nova Um"), with(patient("Inválida"), "cpf", "111"),
				with(patient("Repetida"), "cpf", existing.get("cpf")), twice, with(patient("Tipo Errado"), "tags", 7),
				with(patient("Duas Vezes de Novo"), "cpf", twice.get("cpf"))));

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(body.get("created").asInt()).isEqualTo(2);
		assertThat(body.get("duplicates").asInt()).isEqualTo(2);
		assertThat(body.get("invalid").asInt()).isEqualTo(2);
		JsonNode results = body.get("results");
		assertThat(results.get(0).get("status").asString()).isEqualTo("CREATED");
		assertThat(results.get(1).get("status").asString()).isEqualTo("INVALID");
		assertThat(results.get(1).get("errors").get(0).get("field").asString()).isEqualTo("cpf");
		assertThat(results.get(2).get("status").asString()).isEqualTo("DUPLICATE");
		assertThat(results.get(2).get("existingId").asString()).isEqualTo(existingId);
		assertThat(results.get(3).get("status").asString()).isEqualTo("CREATED");
		assertThat(results.get(4).get("errors").get(0).get("field").asString()).isEqualTo("tags");
		assertThat(results.get(5).get("status").asString()).isEqualTo("DUPLICATE");
		assertThat(results.get(5).get("existingId").asString()).isEqualTo(results.get(3).get("id").asString());

		String created = results.get(0).get("id").asString();
		Response read = this.api.get("/api/v1/patients/" + created).bearer(admin.accessToken()).send();
		assertThat(read.json().get("fullName").asString()).isEqualTo("Nova Um");
		Response audit = this.api.get("/api/v1/audit?entityId=" + created).bearer(admin.accessToken()).send();
		assertThat(audit.json().get("items").findValuesAsString("action")).contains("patient.created");
	}

	@Test
	void aThousandPatientsGoInAtOnceAndMoreAreRefused() {
		Session admin = this.api.registerTenant();
		List<Map<String, Object>> items = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			items.add(patient("Paciente " + i));
		}
		Response response = bulk(admin, items);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("created").asInt()).isEqualTo(1000);
		Response page = this.api.get("/api/v1/patients?limit=200").bearer(admin.accessToken()).send();
		assertThat(page.json().get("items").size()).isEqualTo(200);
		assertThat(page.json().get("nextCursor").isNull()).isFalse();

		items.add(patient("Mil e um"));
		Response tooMany = bulk(admin, items);
		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(tooMany.json().get("errors").get(0).get("field").asString()).isEqualTo("items");
		assertThat(bulk(admin, List.of()).status()).isEqualTo(400);
	}

	@Test
	void onlyStaffMayBulkCreate() {
		Session admin = this.api.registerTenant();
		Session doctor = this.api.createUser(admin, "DOCTOR");
		assertThat(bulk(doctor, List.of(patient("X"))).status()).isEqualTo(403);
	}

	private Response bulk(Session session, List<Map<String, Object>> items) {
		return this.api.post("/api/v1/patients/bulk").bearer(session.accessToken()).json(Map.of("items", items)).send();
	}

}
