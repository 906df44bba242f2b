package dev.clinicflow.patients;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.clinicflow.Api.Response;
import dev.clinicflow.Api.Session;
import dev.clinicflow.ApiTest;

import static dev.clinicflow.patients.PatientFixtures.patient;
import static org.assertj.core.api.Assertions.assertThat;

class PatientSearchApiTests extends ApiTest {

	@Test
	void namesMatchWithoutAccentsOrCaseAndDespiteTypos() {
		Session admin = this.api.registerTenant();
		create(admin, patient("João da Silva"));
		create(admin, patient("Maria Aparecida Souza"));
		create(admin, patient("Pedro Álvares Cabral"));

		assertThat(names(search(admin, "q=joao%20silva"))).first().isEqualTo("João da Silva");
		assertThat(names(search(admin, "q=JOÃO"))).containsExactly("João da Silva");
		assertThat(names(search(admin, "q=marai"))).first().isEqualTo("Maria Aparecida Souza");
		assertThat(names(search(admin, "q=alvares"))).containsExactly("Pedro Álvares Cabral");
		assertThat(names(search(admin, "q=zzzzzz"))).isEmpty();
	}

	@Test
	void namesRankByHowWellTheyMatchThenNewestFirst() {
		Session admin = this.api.registerTenant();
		for (String name : List.of("Maria Souza", "Mariana Silva", "Ana Maria da Silva", "Maria Silva Santos",
				"Maira Silva")) {
			create(admin, patient(name));
		}
		List<String> expected = List.of("Maria Silva Santos", // starts with what was
																// typed
				"Ana Maria da Silva", // has both words
				"Maira Silva", "Mariana Silva"); // a typo or a longer word: newest first
		assertThat(names(search(admin, "q=maria%20silva"))).containsExactlyElementsOf(expected);
		assertThat(allPages(admin, "q=Maria%20Silva&limit=1")).containsExactlyElementsOf(expected);
		assertThat(names(search(admin, "q=silva%20maria"))).containsExactly("Maria Silva Santos", "Ana Maria da Silva",
				"Maira Silva", "Mariana Silva");
		// the start of a word: names that start with it, then names with a word that does
		assertThat(names(search(admin, "q=mari"))).containsExactly("Maria Silva Santos", "Mariana Silva", "Maria Souza",
				"Ana Maria da Silva");
		assertThat(names(search(admin, "q=maria%20silva&sort=name"))).containsExactly("Ana Maria da Silva",
				"Maira Silva", "Maria Silva Santos", "Mariana Silva");
	}

	@Test
	void renamedPatientsAreFoundByTheirNewNameDespiteTypos() {
		Session admin = this.api.registerTenant();
		String id = create(admin, patient("Nome Provisório")).json().get("id").asString();
		assertThat(this.api.patch("/api/v1/patients/" + id)
			.bearer(admin.accessToken())
			.json(Map.of("fullName", "Zuleica Quaresma"))
			.send()
			.status()).isEqualTo(200);
		assertThat(names(search(admin, "q=zuleika%20quaresma"))).containsExactly("Zuleica Quaresma");
		assertThat(names(search(admin, "q=provisorio"))).isEmpty();
	}

	@Test
	void socialNamesAreSearchedToo() {
		Session admin = this.api.registerTenant();
		Map<String, Object> input = patient("Roberto Carlos Nunes");
		input.put("socialName", "Bianca Nunes");
		create(admin, input);
		assertThat(names(search(admin, "q=bianca"))).containsExactly("Roberto Carlos Nunes");
	}

	@Test
	void cpfMatchesFormattedUnformattedOrByPrefix() {
		Session admin = this.api.registerTenant();
		Map<String, Object> input = patient("Dono do CPF");
		String cpf = (String) input.get("cpf");
		create(admin, input);
		create(admin, patient("Outro"));

		assertThat(names(search(admin, "q=" + cpf))).containsExactly("Dono do CPF");
		assertThat(names(search(admin, "q=" + PatientFixtures.digits(cpf)))).containsExactly("Dono do CPF");
		assertThat(names(search(admin, "q=" + PatientFixtures.digits(cpf).substring(0, 9)))).contains("Dono do CPF");
	}

	@Test
	void phonesMatchInAnyFormatAndByTheirLastEightDigits() {
		Session admin = this.api.registerTenant();
		Map<String, Object> input = patient("Telefone Conhecido");
		input.put("contacts", List
			.of(Map.of("type", "WHATSAPP", "value", "(21) 97654-3210", "primary", true, "allowMessages", true)));
		create(admin, input);
		create(admin, patient("Outro"));

		assertThat(names(search(admin, "q=%2B5521976543210"))).containsExactly("Telefone Conhecido");
		assertThat(names(search(admin, "q=21%2097654-3210"))).containsExactly("Telefone Conhecido");
		assertThat(names(search(admin, "q=76543210"))).containsExactly("Telefone Conhecido");
	}

	@Test
	void emailsMatchIgnoringCase() {
		Session admin = this.api.registerTenant();
		Map<String, Object> input = patient("Com Email");
		input.put("email", "Fulana@Example.COM");
		create(admin, input);
		assertThat(names(search(admin, "q=fulana@example.com"))).containsExactly("Com Email");
	}

	@Test
	void filtersCombine() {
		Session admin = this.api.registerTenant();
		create(admin,
				person("Ana Idosa", "1940-01-01", "FEMALE", "São Paulo", "Consolação", List.of("diabetic", "vip")));
		create(admin, person("Bruno Jovem", "2005-01-01", "MALE", "Sao Paulo", "Pinheiros", List.of("diabetic")));
		create(admin, person("Carla Adulta", "1985-01-01", "FEMALE", "Campinas", "Cambuí", List.of("vip")));

		assertThat(names(search(admin, "tag=diabetic&tag=vip"))).containsExactly("Ana Idosa");
		assertThat(names(search(admin, "tag=DIABETIC"))).containsExactly("Ana Idosa", "Bruno Jovem");
		assertThat(names(search(admin, "city=sao%20paulo"))).containsExactly("Ana Idosa", "Bruno Jovem");
		assertThat(names(search(admin, "neighborhood=consolacao"))).containsExactly("Ana Idosa");
		assertThat(names(search(admin, "gender=FEMALE&ageMin=30"))).containsExactly("Ana Idosa", "Carla Adulta");
		assertThat(names(search(admin, "ageMax=25"))).containsExactly("Bruno Jovem");
		assertThat(names(search(admin, "ageMin=30&ageMax=60"))).containsExactly("Carla Adulta");
		assertThat(names(search(admin, "city=Campinas&tag=vip&gender=FEMALE"))).containsExactly("Carla Adulta");
		assertThat(names(search(admin, "healthPlan=unimed"))).hasSize(3);
		assertThat(names(search(admin, "hasUpcomingAppointment=false"))).hasSize(3);
		assertThat(names(search(admin, "hasUpcomingAppointment=true"))).isEmpty();
		assertThat(names(search(admin, "noShowRateMin=0.5"))).isEmpty();
	}

	@Test
	void aRareCombinationIsFoundBeyondTheFirstThousandsOfTheCityInNameOrder() {
		Session admin = this.api.registerTenant();
		// more patients of the city before them in name order than a filtered page walks
		for (int batch = 0; batch * 1000 < PatientSearch.WALK + 100; batch++) {
			List<Map<String, Object>> items = new ArrayList<>();
			for (int i = 0; i < 1000; i++) {
				int n = batch * 1000 + i;
				items.add(Map.of("fullName", String.format(java.util.Locale.ROOT, "Ana Recifense %05d", n), "birthDate",
						"1990-01-01", "address", Map.of("city", "Recife"), "tags",
						List.of(Set.of(10, 4050, 4090).contains(n) ? "incomum" : "comum")));
			}
			Response bulk = this.api.post("/api/v1/patients/bulk")
				.bearer(admin.accessToken())
				.json(Map.of("items", items))
				.send();
			assertThat(bulk.status()).as(bulk.text()).isEqualTo(200);
		}
		create(admin, person("Zélia Rara Um", "1950-03-01", "FEMALE", "Recife", "Boa Viagem", List.of("raro")));
		create(admin, person("Zélia Rara Dois", "2001-03-01", "FEMALE", "Recife", "Boa Viagem", List.of("raro")));
		create(admin, person("Zilda Rara", "1952-03-01", "FEMALE", "Recife", "Casa Forte", List.of("raro", "vip")));
		create(admin, person("Zuleica Rara", "1950-03-01", "FEMALE", "Olinda", "Carmo", List.of("raro")));

		assertThat(names(search(admin, "city=recife&tag=raro"))).containsExactly("Zélia Rara Dois", "Zélia Rara Um",
				"Zilda Rara");
		assertThat(allPages(admin, "city=Recife&tag=raro&limit=2")).containsExactly("Zélia Rara Dois", "Zélia Rara Um",
				"Zilda Rara");
		assertThat(names(search(admin, "city=Recife&tag=raro&ageMin=60"))).containsExactly("Zélia Rara Um",
				"Zilda Rara");
		assertThat(names(search(admin, "city=Recife&neighborhood=casa%20forte"))).containsExactly("Zilda Rara");
		assertThat(names(search(admin, "tag=raro&ageMin=60"))).containsExactly("Zélia Rara Um", "Zilda Rara",
				"Zuleica Rara");
		assertThat(names(search(admin, "city=Recife&tag=comum&limit=2"))).containsExactly("Ana Recifense 00000",
				"Ana Recifense 00001");
		assertThat(names(search(admin, "city=Recife&tag=nenhum"))).isEmpty();
		// one in the first walk, two beyond it: the search walks on
		assertThat(allPages(admin, "city=Recife&tag=incomum&limit=2")).containsExactly("Ana Recifense 00010",
				"Ana Recifense 04050", "Ana Recifense 04090");
	}

	@Test
	void tagsCountedPerSpanOfBirthFollowEveryChangeOfThePatients() {
		Session admin = this.api.registerTenant();
		int year = java.time.LocalDate.ofInstant(this.clock.instant(), java.time.ZoneOffset.UTC).getYear();
		// Too few patients for a filtered page to fill from its walk in name order: each
		// search below consults the tag counts per span of birth (decision 0016) and then
		// reads only the spans they leave, or nothing.
		String ana = id(create(admin,
				person("Ana Rara", (year - 70) + "-06-15", "FEMALE", "Natal", "Tirol", List.of("raro", "vip"))));
		Map<String, Object> bruna = person("Bruna Rara", null, "FEMALE", "natal", "Tirol", List.of("raro"));
		bruna.remove("birthDate");
		create(admin, bruna);
		String carla = id(create(admin,
				person("Carla Comum", (year - 30) + "-01-01", "FEMALE", "Natal", "Tirol", List.of("vip"))));
		create(admin, person("Dora Limite", "1975-01-01", "FEMALE", "Natal", "Lagoa Nova", List.of("limite")));
		create(admin, person("Edna Limite", "1989-12-31", "FEMALE", "Natal", "Lagoa Nova", List.of("limite")));
		create(admin, person("Fabi Limite", "1974-12-31", "FEMALE", "Natal", "Lagoa Nova", List.of("outro")));

		assertThat(names(search(admin, "city=Natal&tag=raro"))).containsExactly("Ana Rara", "Bruna Rara");
		assertThat(names(search(admin, "city=Natal&tag=raro&ageMin=60"))).containsExactly("Ana Rara");
		assertThat(names(search(admin, "city=Natal&tag=raro&ageMax=40"))).isEmpty();
		assertThat(names(search(admin, "city=Natal&tag=raro&tag=vip"))).containsExactly("Ana Rara");
		assertThat(names(search(admin, "city=Natal&tag=vip&ageMax=40"))).containsExactly("Carla Comum");
		assertThat(names(search(admin, "city=Natal&tag=vip&tag=raro&ageMax=40"))).isEmpty();
		assertThat(names(search(admin, "city=Natal&tag=limite&ageMin=0"))).containsExactly("Dora Limite",
				"Edna Limite");
		assertThat(names(search(admin, "city=Recife&tag=raro"))).isEmpty();
		assertThat(names(search(admin, "tag=raro&ageMin=60"))).containsExactly("Ana Rara");

		// a new tag, a new birth date, a deletion and a restore move the counts with them
		patch(admin, carla, Map.of("tags", List.of("vip", "raro")));
		assertThat(names(search(admin, "city=Natal&tag=raro&ageMax=40"))).containsExactly("Carla Comum");
		patch(admin, ana, Map.of("birthDate", (year - 10) + "-01-01"));
		assertThat(names(search(admin, "city=Natal&tag=raro&ageMin=60"))).isEmpty();
		assertThat(names(search(admin, "city=Natal&tag=raro&tag=vip&ageMax=15"))).containsExactly("Ana Rara");
		patch(admin, ana, Map.of("address", Map.of("city", "Mossoró")));
		assertThat(names(search(admin, "city=Natal&tag=raro&ageMax=15"))).isEmpty();
		assertThat(names(search(admin, "city=mossoro&tag=raro&ageMax=15"))).containsExactly("Ana Rara");
		assertThat(this.api.delete("/api/v1/patients/" + ana).bearer(admin.accessToken()).send().status())
			.isEqualTo(204);
		assertThat(names(search(admin, "city=Mossoró&tag=raro&ageMax=15"))).isEmpty();
		assertThat(names(search(admin, "city=Mossoró&tag=raro&ageMax=15&includeDeleted=true")))
			.containsExactly("Ana Rara");
		assertThat(this.api.post("/api/v1/patients/" + ana + "/restore").bearer(admin.accessToken()).send().status())
			.isEqualTo(200);
		assertThat(names(search(admin, "city=Mossoró&tag=raro&ageMax=15"))).containsExactly("Ana Rara");

		// patients created in bulk are counted as well, and a merge gives its target the
		// source's tags
		Response bulk = this.api.post("/api/v1/patients/bulk")
			.bearer(admin.accessToken())
			.json(Map.of("items",
					List.of(Map.of("fullName", "Gil Lote", "birthDate", (year - 5) + "-03-01", "address",
							Map.of("city", "Natal"), "tags", List.of("lote")))))
			.send();
		assertThat(bulk.status()).as(bulk.text()).isEqualTo(200);
		String gil = bulk.json().get("results").get(0).get("id").asString();
		assertThat(names(search(admin, "city=Natal&tag=lote&ageMax=10"))).containsExactly("Gil Lote");
		Response merged = this.api.post("/api/v1/patients/" + carla + "/merge")
			.bearer(admin.accessToken())
			.json(Map.of("sourceId", gil))
			.send();
		assertThat(merged.status()).as(merged.text()).isEqualTo(200);
		assertThat(names(search(admin, "city=Natal&tag=lote&ageMax=10"))).isEmpty();
		assertThat(names(search(admin, "city=Natal&tag=lote&ageMin=25"))).containsExactly("Carla Comum");
	}

	@Test
	void nearFindsPatientsWithinTheRadius() {
		Session admin = this.api.registerTenant();
		create(admin, at("Perto", -23.5531, -46.6544));
		create(admin, at("Cinco km", -23.5980, -46.6544));
		create(admin, at("Longe", -22.9068, -43.1729));

		assertThat(names(search(admin, "near=-23.5531,-46.6544&radiusKm=1"))).containsExactly("Perto");
		assertThat(names(search(admin, "near=-23.5531,-46.6544&radiusKm=10"))).containsExactly("Cinco km", "Perto");
		assertThat(fields(search(admin, "near=north&radiusKm=1"))).containsExactly("near");
		assertThat(fields(search(admin, "radiusKm=1"))).containsExactly("near");
	}

	@Test
	void pagesFollowTheCursorInTheChosenOrder() {
		Session admin = this.api.registerTenant();
		for (String name : List.of("Eva", "Bia", "Davi", "Ana", "Caio")) {
			create(admin, patient(name));
		}
		assertThat(allPages(admin, "sort=name&limit=2")).containsExactly("Ana", "Bia", "Caio", "Davi", "Eva");
		assertThat(allPages(admin, "sort=name&order=desc&limit=2")).containsExactly("Eva", "Davi", "Caio", "Bia",
				"Ana");
		assertThat(allPages(admin, "sort=createdAt&limit=3")).containsExactly("Eva", "Bia", "Davi", "Ana", "Caio");
		assertThat(allPages(admin, "sort=lastVisitAt&order=desc&limit=2")).hasSize(5);

		for (String name : List.of("Maria Um", "Mariana Dois", "Maria Três")) {
			create(admin, patient(name));
		}
		assertThat(allPages(admin, "q=maria&limit=1")).hasSize(3)
			.doesNotHaveDuplicates()
			.containsExactlyInAnyOrder("Maria Um", "Mariana Dois", "Maria Três");

		Response first = search(admin, "sort=name&limit=2");
		String cursor = first.json().get("nextCursor").asString();
		assertThat(fields(search(admin, "sort=createdAt&limit=2&cursor=" + cursor))).containsExactly("cursor");
	}

	@Test
	void badSearchParametersAreNamed() {
		Session admin = this.api.registerTenant();
		assertThat(fields(search(admin, "sort=age"))).containsExactly("sort");
		assertThat(fields(search(admin, "sort=relevance"))).containsExactly("sort");
		assertThat(fields(search(admin, "order=up"))).containsExactly("order");
		assertThat(fields(search(admin, "ageMin=abc"))).containsExactly("ageMin");
		assertThat(fields(search(admin, "ageMin=50&ageMax=20"))).containsExactly("ageMin");
		assertThat(fields(search(admin, "gender=F"))).containsExactly("gender");
		assertThat(fields(search(admin, "noShowRateMin=2"))).containsExactly("noShowRateMin");
		assertThat(fields(search(admin, "createdFrom=yesterday"))).containsExactly("createdFrom");
		assertThat(fields(search(admin, "limit=1000"))).containsExactly("limit");
		assertThat(fields(search(admin, "cursor=garbage"))).containsExactly("cursor");
	}

	@Test
	void deletedPatientsAreHiddenUnlessAnAdministratorAsks() {
		Session admin = this.api.registerTenant();
		Session staff = this.api.createUser(admin, "STAFF");
		String id = create(admin, patient("Removida")).json().get("id").asString();
		this.api.delete("/api/v1/patients/" + id).bearer(admin.accessToken()).send();

		assertThat(names(search(admin, "q=removida"))).isEmpty();
		assertThat(names(search(admin, "q=removida&includeDeleted=true"))).containsExactly("Removida");
		assertThat(fields(search(staff, "q=removida&includeDeleted=true"))).containsExactly("includeDeleted");
	}

	@Test
	void searchSeesOnlyTheCallersClinic() {
		Session admin = this.api.registerTenant();
		Session other = this.api.registerTenant();
		create(other, patient("Paciente Alheio"));
		assertThat(names(search(admin, "q=alheio"))).isEmpty();
		assertThat(names(search(admin, ""))).isEmpty();
	}

	private Map<String, Object> person(String name, String birthDate, String gender, String city, String neighborhood,
			List<String> tags) {
		Map<String, Object> input = patient(name);
		input.put("birthDate", birthDate);
		input.put("gender", gender);
		input.put("tags", tags);
		input.put("address", Map.of("city", city, "neighborhood", neighborhood));
		return input;
	}

	private void patch(Session session, String id, Map<String, Object> changes) {
		Response patched = this.api.patch("/api/v1/patients/" + id).bearer(session.accessToken()).json(changes).send();
		assertThat(patched.status()).as(patched.text()).isEqualTo(200);
	}

	private static String id(Response created) {
		return created.json().get("id").asString();
	}

	private Map<String, Object> at(String name, double lat, double lon) {
		Map<String, Object> input = patient(name);
		input.put("address", new LinkedHashMap<>(Map.of("city", "X", "location", Map.of("lat", lat, "lon", lon))));
		return input;
	}

	private List<String> allPages(Session admin, String query) {
		List<String> names = new ArrayList<>();
		String cursor = null;
		do {
			Response page = search(admin, query + ((cursor != null) ? "&cursor=" + cursor : ""));
			names.addAll(names(page));
			JsonNode next = page.json().get("nextCursor");
			cursor = next.isNull() ? null : next.asString();
		}
		while (cursor != null);
		return names;
	}

	private Response create(Session session, Map<String, Object> input) {
		Response response = this.api.post("/api/v1/patients").bearer(session.accessToken()).json(input).send();
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		return response;
	}

	private Response search(Session session, String query) {
		return this.api.get("/api/v1/patients?" + query).bearer(session.accessToken()).send();
	}

	private static List<String> names(Response response) {
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return StreamSupport.stream(response.json().get("items").spliterator(), false)
			.map((patient) -> patient.get("fullName").asString())
			.toList();
	}

	private static List<String> fields(Response response) {
		return PatientRecordsApiTests.fields(response);
	}

}
