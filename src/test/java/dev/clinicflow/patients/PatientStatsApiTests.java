package dev.clinicflow.patients;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.clinicflow.Api.Response;
import dev.clinicflow.Api.Session;
import dev.clinicflow.ApiTest;
import dev.clinicflow.patients.PatientDirectory.AppointmentFigures;
import dev.clinicflow.shared.CurrentTenant;
import dev.clinicflow.shared.TenantId;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.clinicflow.patients.PatientFixtures.patient;
import static org.assertj.core.api.Assertions.assertThat;

class PatientStatsApiTests extends ApiTest {

	@Autowired
	private PatientDirectory directory;

	@Test
	void statisticsCountTheFilteredPatients() {
		Session admin = this.api.registerTenant();
		String today = this.clock.instant().toString().substring(0, 10);
		int year = Integer.parseInt(today.substring(0, 4));
		create(admin, person("Criança", (year - 10) + "-06-01", "FEMALE", "São Paulo", "Moema", "Unimed",
				List.of("pediatria")));
		create(admin,
				person("Jovem", (year - 25) + "-06-01", "MALE", "São Paulo", "Moema", "Unimed", List.of("diabetic")));
		create(admin, person("Adulta", (year - 50) + "-06-01", "FEMALE", "Campinas", "Cambuí", "Amil",
				List.of("diabetic", "vip")));
		create(admin,
				person("Idoso", (year - 80) + "-06-01", null, "São Paulo", "Pinheiros", null, List.of("diabetic")));

		JsonNode stats = stats(admin, "");

		assertThat(stats.get("total").asLong()).isEqualTo(4);
		assertThat(stats.get("newThisMonth").asLong()).isEqualTo(4);
		assertThat(stats.get("active").asLong()).isZero();
		assertThat(stats.get("byGender").get("FEMALE").asLong()).isEqualTo(2);
		assertThat(stats.get("byGender").get("UNKNOWN").asLong()).isEqualTo(1);
		JsonNode ages = stats.get("byAgeBand");
		assertThat(ages.propertyNames()).containsExactly("0-17", "18-29", "30-44", "45-59", "60-74", "75+", "unknown");
		assertThat(ages.get("0-17").asLong()).isEqualTo(1);
		assertThat(ages.get("18-29").asLong()).isEqualTo(1);
		assertThat(ages.get("45-59").asLong()).isEqualTo(1);
		assertThat(ages.get("75+").asLong()).isEqualTo(1);
		assertThat(ages.get("30-44").asLong()).isZero();
		assertThat(stats.get("topCities").get(0).get("value").asString()).isEqualTo("São Paulo");
		assertThat(stats.get("topCities").get(0).get("count").asLong()).isEqualTo(3);
		assertThat(stats.get("topNeighborhoods").get(0).get("value").asString()).isEqualTo("Moema, São Paulo");
		assertThat(stats.get("byHealthPlan").get(0).get("value").asString()).isEqualTo("Unimed");
		assertThat(stats.get("topTags").get(0).get("value").asString()).isEqualTo("diabetic");
		assertThat(stats.get("topTags").get(0).get("count").asLong()).isEqualTo(3);
		assertThat(stats.get("withUpcomingAppointment").asLong()).isZero();
		assertThat(stats.get("averageNoShowRate").isNull()).isTrue();

		JsonNode filtered = stats(admin, "tag=diabetic&gender=FEMALE");
		assertThat(filtered.get("total").asLong()).isEqualTo(1);
		assertThat(filtered.get("topCities").get(0).get("value").asString()).isEqualTo("Campinas");
		assertThat(stats(admin, "q=idoso").get("total").asLong()).isEqualTo(1);
	}

	@Test
	void runningCountsAgreeWithCountingEveryPatient() {
		Session admin = this.api.registerTenant();
		String year = this.clock.instant().toString().substring(0, 4);
		int born = Integer.parseInt(year) - 40;
		create(admin, person("Ana", born + "-01-01", "FEMALE", "São Paulo", "Moema", "Unimed", List.of("vip")));
		create(admin, person("Beto", born + "-02-01", "MALE", "Campinas", "Cambuí", "Amil", List.of("diabetic")));
		String changed = id(create(admin, person("Caio", null, null, "Santos", "Gonzaga", null, List.of())));
		String deleted = id(create(admin,
				person("Duda", "2001-03-04", "FEMALE", "Santos", "Boqueirão", "Amil", List.of("vip", "diabetic"))));
		Map<String, Object> eva = person("Eva Lima", "1990-05-06", "FEMALE", "Campinas", "Taquaral", null,
				List.of("vip"));
		Map<String, Object> evaAgain = person("Eva de Lima", "1990-05-06", "FEMALE", "Campinas", "Taquaral", "Unimed",
				List.of("pediatria"));
		evaAgain.remove("cpf");
		String target = id(create(admin, eva));
		String source = id(create(admin, evaAgain));
		JsonNode before = stats(admin, "");

		assertThat(this.api.patch("/api/v1/patients/" + changed)
			.bearer(admin.accessToken())
			.json(Map.of("address", Map.of("city", "São Paulo", "neighborhood", "Moema"), "tags", List.of("vip"),
					"gender", "OTHER"))
			.send()
			.status()).isEqualTo(200);
		assertThat(this.api.delete("/api/v1/patients/" + deleted).bearer(admin.accessToken()).send().status())
			.isEqualTo(204);
		Response merged = this.api.post("/api/v1/patients/" + target + "/merge")
			.bearer(admin.accessToken())
			.json(Map.of("sourceId", source))
			.send();
		assertThat(merged.status()).as(merged.text()).isEqualTo(200);

		JsonNode counted = stats(admin, "");
		// any filter makes the service count the patients themselves
		JsonNode scanned = stats(admin, "createdFrom=2000-01-01T00:00:00Z");
		assertThat(counted).isEqualTo(scanned);
		assertThat(counted).isNotEqualTo(before);
		assertThat(counted.get("total").asLong()).isEqualTo(4);
		assertThat(counted.get("byGender").get("OTHER").asLong()).isEqualTo(1);
		// Caio moved to São Paulo, Duda (Santos) was deleted: a tie, broken by name
		assertThat(counted.get("topCities").toString())
			.isEqualTo("[{\"value\":\"Campinas\",\"count\":2},{\"value\":\"São Paulo\",\"count\":2}]");

		// a city alone is read from that city's running counts, whatever its spelling
		for (String city : List.of("sao%20paulo", "Campinas", "SANTOS", "Recife")) {
			JsonNode cityCounted = stats(admin, "city=" + city);
			assertThat(cityCounted).as(city)
				.isEqualTo(stats(admin, "city=" + city + "&createdFrom=2000-01-01T00:00:00Z"));
		}
		JsonNode saoPaulo = stats(admin, "city=S%C3%A3o%20Paulo");
		assertThat(saoPaulo.get("total").asLong()).isEqualTo(2);
		assertThat(saoPaulo.get("byGender").toString()).isEqualTo("{\"FEMALE\":1,\"OTHER\":1}");
		assertThat(saoPaulo.get("byAgeBand").get("30-44").asLong()).isEqualTo(1);
		assertThat(saoPaulo.get("byAgeBand").get("unknown").asLong()).isEqualTo(1);
		assertThat(saoPaulo.get("topNeighborhoods").toString())
			.isEqualTo("[{\"value\":\"Moema, São Paulo\",\"count\":2}]");
		// Duda was Santos' only other patient; Caio moved out
		assertThat(stats(admin, "city=Santos").get("total").asLong()).isZero();
		JsonNode campinas = stats(admin, "city=campinas");
		assertThat(campinas.get("total").asLong()).isEqualTo(2);
		// the merge gave Eva her duplicate's tag
		assertThat(campinas.get("topTags").toString()).isEqualTo(
				"[{\"value\":\"diabetic\",\"count\":1},{\"value\":\"pediatria\",\"count\":1},{\"value\":\"vip\",\"count\":1}]");
	}

	@Test
	void aCitysAgeBandsAreExactOnEveryBoundaryDay() {
		Session admin = this.api.registerTenant();
		// the clinic's day (registered in the default time zone)
		java.time.LocalDate today = java.time.LocalDate.ofInstant(this.clock.instant(),
				java.time.ZoneId.of("America/Sao_Paulo"));
		int n = 0;
		for (int years : List.of(18, 30, 45, 60, 75)) {
			for (int days : List.of(-1, 0, 1)) {
				String born = today.minusYears(years).plusDays(days).toString();
				create(admin, person("Limite " + n++, born, "FEMALE", "Recife", "Boa Viagem", null, List.of()));
			}
		}
		JsonNode counted = stats(admin, "city=recife");
		assertThat(counted).isEqualTo(stats(admin, "city=recife&createdFrom=2000-01-01T00:00:00Z"));
		// born on the day N years ago: N years old today, in the band that starts at N
		assertThat(counted.get("byAgeBand").toString())
			.isEqualTo("{\"0-17\":1,\"18-29\":3,\"30-44\":3,\"45-59\":3,\"60-74\":3,\"75+\":2,\"unknown\":0}");
	}

	@Test
	void filteredStatisticsCountAppointmentFiguresAsTheRunningCountsDo() {
		Session admin = this.api.registerTenant();
		Instant now = this.clock.instant();
		String seenRecently = id(create(admin,
				person("Ana", "1980-01-01", "FEMALE", "São Paulo", "Moema", null, List.of("vip", "diabetic"))));
		String booked = id(create(admin, person("Beto", "1990-01-01", "MALE", "São Paulo", "Lapa", null, List.of())));
		String seenLongAgo = id(
				create(admin, person("Caio", "2000-01-01", "MALE", "São Paulo", "Moema", null, List.of("vip"))));
		create(admin, person("Duda", "2010-01-01", "FEMALE", "Campinas", "Cambuí", null, List.of()));
		// two visits and a no-show two months ago; one appointment tomorrow; two visits
		// 13
		// months ago
		figures(admin, seenRecently, new AppointmentFigures(3, 2, 0, 1, 0, now.minus(Duration.ofDays(60)), null));
		figures(admin, booked, new AppointmentFigures(1, 0, 0, 0, 1, null, now.plus(Duration.ofDays(1))));
		figures(admin, seenLongAgo, new AppointmentFigures(2, 2, 0, 0, 0, now.minus(Duration.ofDays(396)), null));

		JsonNode counted = stats(admin, "");
		// any filter makes the service count the patients themselves
		assertThat(stats(admin, "createdFrom=2000-01-01T00:00:00Z")).isEqualTo(counted);
		assertThat(counted.get("active").asLong()).isEqualTo(2);
		assertThat(counted.get("withUpcomingAppointment").asLong()).isEqualTo(1);
		assertThat(counted.get("averageNoShowRate").decimalValue()).isEqualByComparingTo("0.111100");

		JsonNode city = stats(admin, "city=sao%20paulo");
		assertThat(stats(admin, "city=sao%20paulo&createdFrom=2000-01-01T00:00:00Z")).isEqualTo(city);
		assertThat(city.get("total").asLong()).isEqualTo(3);
		assertThat(city.get("active").asLong()).isEqualTo(2);
		assertThat(city.get("withUpcomingAppointment").asLong()).isEqualTo(1);
		assertThat(city.get("averageNoShowRate").decimalValue()).isEqualByComparingTo("0.111100");
		assertThat(city.get("byGender").size()).isEqualTo(2);
		assertThat(city.get("byGender").get("FEMALE").asLong()).isEqualTo(1);
		assertThat(city.get("byGender").get("MALE").asLong()).isEqualTo(2);
		assertThat(city.get("byAgeBand").get("18-29").asLong()).isEqualTo(1);
		assertThat(city.get("topNeighborhoods").toString())
			.isEqualTo("[{\"value\":\"Moema, São Paulo\",\"count\":2},{\"value\":\"Lapa, São Paulo\",\"count\":1}]");
		assertThat(city.get("topTags").toString())
			.isEqualTo("[{\"value\":\"vip\",\"count\":2},{\"value\":\"diabetic\",\"count\":1}]");
		JsonNode other = stats(admin, "city=Campinas");
		assertThat(other.get("total").asLong()).isEqualTo(1);
		assertThat(other.get("active").asLong()).isZero();
		assertThat(other.get("averageNoShowRate").isNull()).isTrue();
		assertThat(other.get("topTags").toString()).isEqualTo("[]");
		assertThat(stats(admin, "city=Recife").get("byGender").toString()).isEqualTo("{}");
	}

	@Test
	void statisticsSeeOnlyTheCallersClinicAndCheckTheirFilters() {
		Session admin = this.api.registerTenant();
		Session other = this.api.registerTenant();
		create(other, patient("Alheio"));
		assertThat(stats(admin, "").get("total").asLong()).isZero();

		Response bad = this.api.get("/api/v1/patients/stats?ageMin=abc").bearer(admin.accessToken()).send();
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("ageMin");
		Session driver = this.api.createUser(admin, "DRIVER");
		assertThat(this.api.get("/api/v1/patients/stats").bearer(driver.accessToken()).send().status()).isEqualTo(403);
	}

	private Map<String, Object> person(String name, String birthDate, String gender, String city, String neighborhood,
			String plan, List<String> tags) {
		Map<String, Object> input = patient(name);
		input.put("birthDate", birthDate);
		input.put("gender", gender);
		input.put("address", Map.of("city", city, "neighborhood", neighborhood));
		input.put("healthPlan", (plan != null) ? Map.of("provider", plan) : null);
		input.put("tags", tags);
		return input;
	}

	private Response create(Session session, Map<String, Object> input) {
		Response response = this.api.post("/api/v1/patients").bearer(session.accessToken()).json(input).send();
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		return response;
	}

	private static String id(Response created) {
		return created.json().get("id").asString();
	}

	private void figures(Session session, String patientId, AppointmentFigures figures) {
		CurrentTenant.run(new TenantId(session.tenantId()),
				() -> this.directory.recordAppointmentFigures(Map.of(UUID.fromString(patientId), figures)));
	}

	private JsonNode stats(Session session, String query) {
		Response response = this.api.get("/api/v1/patients/stats?" + query).bearer(session.accessToken()).send();
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return response.json();
	}

}
