package dev.clinicflow.patients;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.clinicflow.Api.Response;
import dev.clinicflow.Api.Session;
import dev.clinicflow.ApiTest;
import dev.clinicflow.shared.CurrentTenant;
import dev.clinicflow.shared.TenantId;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.clinicflow.patients.PatientFixtures.patient;
import static org.assertj.core.api.Assertions.assertThat;

class PatientInsightsApiTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ProbeSections.NotesHolder notes;

	@Test
	void theProfileCarriesEveryModulesSection() {
		Session admin = this.api.registerTenant();
		UUID id = id(create(admin, patient("Com Perfil")));
		this.notes.note(id, "seen in the lab");

		Response profile = this.api.get("/api/v1/patients/" + id + "/profile").bearer(admin.accessToken()).send();

		assertThat(profile.status()).isEqualTo(200);
		assertThat(profile.json().get("patient").get("fullName").asString()).isEqualTo("Com Perfil");
		assertThat(profile.json().get("sections").get("probeNotes").get(0).asString()).isEqualTo("seen in the lab");
		assertThat(actions(admin, id)).contains("patient.profile_read");
	}

	@Test
	void theSummaryIsPlainLanguageFromTheRecord() {
		Session admin = this.api.registerTenant();
		Map<String, Object> input = patient("Maria José da Conceição");
		input.put("birthDate", "1980-05-17");
		UUID id = id(create(admin, input));

		Response response = this.api.get("/api/v1/patients/" + id + "/summary").bearer(admin.accessToken()).send();

		assertThat(response.status()).isEqualTo(200);
		JsonNode summary = response.json();
		assertThat(summary.get("language").asString()).isEqualTo("pt-BR");
		assertThat(summary.get("text").asString()).startsWith("Maria José da Conceição, ")
			.contains("anos, feminino")
			.contains("Condições: Hipertensão")
			.contains("Alergias: Penicilina")
			.contains("Plano: Unimed Nacional (válido até 31/12/2027)")
			.contains("Nenhuma consulta registrada")
			.contains("Risco de falta: histórico insuficiente");
		assertThat(summary.get("noShowRisk").asString()).isEqualTo("UNKNOWN");
		assertThat(summary.get("age").asInt()).isBetween(45, 47);
		assertThat(this.api.get("/api/v1/patients/" + id + "/summary").bearer(admin.accessToken()).send().json())
			.as("deterministic")
			.isEqualTo(summary);
		assertThat(actions(admin, id)).contains("patient.summary_read");
	}

	@Test
	void duplicatesAreFoundWithReasons() {
		Session admin = this.api.registerTenant();
		Map<String, Object> original = patient("José Antônio Ferreira");
		original.put("birthDate", "1970-03-03");
		UUID id = id(create(admin, original));
		Map<String, Object> sameNameAndBirth = patient("Jose Antonio Ferreira");
		sameNameAndBirth.put("birthDate", "1970-03-03");
		UUID twin = id(create(admin, sameNameAndBirth));
		Map<String, Object> similarWithPhone = patient("José Antonio Ferreria");
		similarWithPhone.put("birthDate", null);
		similarWithPhone.put("contacts", original.get("contacts"));
		UUID typo = id(create(admin, similarWithPhone));
		create(admin, patient("Pessoa Diferente"));

		Response response = this.api.get("/api/v1/patients/" + id + "/duplicates").bearer(admin.accessToken()).send();

		assertThat(response.status()).isEqualTo(200);
		List<JsonNode> candidates = StreamSupport.stream(response.json().spliterator(), false).toList();
		assertThat(candidates).extracting((c) -> c.get("id").asString())
			.containsExactly(twin.toString(), typo.toString());
		assertThat(candidates.get(0).get("reasons").toString()).contains("SAME_NAME_AND_BIRTH_DATE");
		assertThat(candidates.get(0).get("score").asDouble()).isEqualTo(0.9);
		assertThat(candidates.get(1).get("reasons").toString()).contains("SIMILAR_NAME", "SAME_PHONE");
		assertThat(candidates.get(1).get("score").asDouble()).isBetween(0.5, 0.85);
	}

	@Test
	void aMergeMovesEverythingToTheSurvivorInOneGo() {
		Session admin = this.api.registerTenant();
		Map<String, Object> targetInput = patient("Ana Souza");
		targetInput.put("cpf", null);
		targetInput.put("tags", List.of("vip"));
		UUID target = id(create(admin, targetInput));
		Map<String, Object> sourceInput = patient("Ana Souza Lima");
		sourceInput.put("tags", List.of("diabetic"));
		sourceInput.put("contacts",
				List.of(Map.of("type", "PHONE", "value", "(11) 3333-4444", "primary", true, "allowMessages", false)));
		UUID source = id(create(admin, sourceInput));
		this.notes.note(source, "source note");
		this.notes.note(target, "target note");

		Response merged = this.api.post("/api/v1/patients/" + target + "/merge")
			.bearer(admin.accessToken())
			.json(Map.of("sourceId", source))
			.send();

		assertThat(merged.status()).as(merged.text()).isEqualTo(200);
		JsonNode survivor = merged.json();
		assertThat(survivor.get("cpf").asString()).isEqualTo(PatientFixtures.digits((String) sourceInput.get("cpf")));
		assertThat(survivor.get("tags")).extracting(JsonNode::asString).containsExactly("vip", "diabetic");
		assertThat(survivor.get("contacts")).hasSize(2);
		assertThat(this.notes.contentFor(target)).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.containsExactlyInAnyOrder("target note", "source note");
		assertThat(this.notes.contentFor(source)).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.isEmpty();

		Response old = this.api.get("/api/v1/patients/" + source).bearer(admin.accessToken()).send();
		assertThat(old.status()).isEqualTo(308);
		assertThat(old.header("Location")).isEqualTo("/api/v1/patients/" + target);
		assertThat(old.json().get("mergedInto").asString()).isEqualTo(target.toString());
		assertThat(actions(admin, target)).contains("patient.merged");
		assertThat(actions(admin, source)).contains("patient.merged_away");

		Response again = this.api.post("/api/v1/patients/" + target + "/merge")
			.bearer(admin.accessToken())
			.json(Map.of("sourceId", source))
			.send();
		assertThat(again.status()).isEqualTo(308);
		assertThat(this.api.post("/api/v1/patients/" + target + "/merge")
			.bearer(admin.accessToken())
			.json(Map.of("sourceId", target))
			.send()
			.status()).isEqualTo(400);
	}

	@Test
	void recordsWithDifferentCpfsAreNotMerged() {
		Session admin = this.api.registerTenant();
		UUID a = id(create(admin, patient("Pessoa A")));
		UUID b = id(create(admin, patient("Pessoa B")));
		Response refused = this.api.post("/api/v1/patients/" + a + "/merge")
			.bearer(admin.accessToken())
			.json(Map.of("sourceId", b))
			.send();
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.code()).isEqualTo("cpf_mismatch");
		assertThat(this.api.get("/api/v1/patients/" + b).bearer(admin.accessToken()).send().status()).isEqualTo(200);
	}

	@Test
	void theExportHoldsEverythingIncludingWhoReadIt() {
		Session admin = this.api.registerTenant();
		UUID id = id(create(admin, patient("Titular dos Dados")));
		this.notes.note(id, "exported note");
		this.api.get("/api/v1/patients/" + id).bearer(admin.accessToken()).send();

		Response export = this.api.get("/api/v1/patients/" + id + "/export").bearer(admin.accessToken()).send();

		assertThat(export.status()).isEqualTo(200);
		JsonNode body = export.json();
		assertThat(body.get("patient").get("fullName").asString()).isEqualTo("Titular dos Dados");
		assertThat(body.get("sections").get("probeNotes").get(0).asString()).isEqualTo("exported note");
		assertThat(body.get("accessTrail").findValuesAsString("action")).contains("patient.created", "patient.read");
		assertThat(body.get("exportedAt").asString()).isNotBlank();
		Session doctor = this.api.createUser(admin, "DOCTOR");
		assertThat(this.api.get("/api/v1/patients/" + id + "/export").bearer(doctor.accessToken()).send().status())
			.isEqualTo(403);
	}

	@Test
	void anonymisationRemovesIdentityButKeepsAggregates() {
		Session admin = this.api.registerTenant();
		Map<String, Object> input = patient("Identificável da Silva");
		UUID id = id(create(admin, input));
		create(admin, patient("Maria da Silva"));
		this.notes.note(id, "identifying note");

		Response response = this.api.post("/api/v1/patients/" + id + "/anonymize").bearer(admin.accessToken()).send();

		assertThat(response.status()).isEqualTo(200);
		JsonNode patient = response.json();
		assertThat(patient.get("fullName").asString()).isEqualTo("Anonymized patient");
		assertThat(patient.get("cpf").isNull()).isTrue();
		assertThat(patient.get("email").isNull()).isTrue();
		assertThat(patient.get("contacts")).isEmpty();
		assertThat(patient.get("address").get("street").isNull()).isTrue();
		assertThat(patient.get("address").get("location").isNull()).isTrue();
		assertThat(patient.get("address").get("city").asString()).isEqualTo("São Paulo");
		assertThat(patient.get("birthDate").asString()).isEqualTo("1980-01-01");
		assertThat(patient.get("gender").asString()).isEqualTo("FEMALE");
		assertThat(patient.get("conditions")).isNotEmpty();
		assertThat(this.notes.contentFor(id)).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.isEmpty();
		assertThat(
				this.api.get("/api/v1/patients?q=identificavel").bearer(admin.accessToken()).send().json().get("items"))
			.isEmpty();
		// the rare word is forgotten by the search vocabulary, the shared one stays
		List<String> vocabulary = CurrentTenant.call(new TenantId(admin.tenantId()),
				() -> this.transactions.execute((tx) -> this.jdbc
					.sql("select word from patients.name_vocabulary where word in ('identificavel', 'silva')")
					.query(String.class)
					.list()));
		assertThat(vocabulary).containsExactly("silva");
		assertThat(this.api.post("/api/v1/patients/" + id + "/anonymize").bearer(admin.accessToken()).send().code())
			.isEqualTo("already_anonymized");
		assertThat(actions(admin, id)).contains("patient.anonymized");

		Session staff = this.api.createUser(admin, "STAFF");
		UUID other = id(create(admin, patient("Outra")));
		assertThat(
				this.api.post("/api/v1/patients/" + other + "/anonymize").bearer(staff.accessToken()).send().status())
			.isEqualTo(403);
	}

	private Response create(Session session, Map<String, Object> input) {
		Response response = this.api.post("/api/v1/patients").bearer(session.accessToken()).json(input).send();
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		return response;
	}

	private static UUID id(Response created) {
		return UUID.fromString(created.json().get("id").asString());
	}

	private List<String> actions(Session admin, UUID id) {
		return this.api.get("/api/v1/audit?entityId=" + id)
			.bearer(admin.accessToken())
			.send()
			.json()
			.get("items")
			.findValuesAsString("action");
	}

}
