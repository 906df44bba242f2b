package dev.clinicflow.scheduling;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.clinicflow.Api.Response;
import dev.clinicflow.Api.Session;
import dev.clinicflow.ApiTest;

import static dev.clinicflow.scheduling.SchedulingFixtures.car;
import static dev.clinicflow.scheduling.SchedulingFixtures.createdId;
import static dev.clinicflow.scheduling.SchedulingFixtures.fields;
import static dev.clinicflow.scheduling.SchedulingFixtures.strings;
import static org.assertj.core.api.Assertions.assertThat;

class AvailabilityApiTests extends ApiTest {

	private static Map<String, Object> day(String dayOfWeek, String... startEnd) {
		List<Map<String, String>> intervals = new ArrayList<>();
		for (int i = 0; i < startEnd.length; i += 2) {
			intervals.add(Map.of("start", startEnd[i], "end", startEnd[i + 1]));
		}
		return Map.of("dayOfWeek", dayOfWeek, "intervals", intervals);
	}

	private static Map<String, Object> week(Object... days) {
		return Map.of("days", List.of(days));
	}

	@Test
	void aWeeklyScheduleIsReplacedWholeAndReadBackInOrder() {
		Session admin = this.api.registerTenant();
		String doctor = createdId(this.api, admin, "doctors", Map.of("name", "Dra. Agenda"));

		Response put = schedule(admin, "doctors", doctor, week(day("WEDNESDAY", "14:00", "18:00"),
				day("MONDAY", "13:00", "17:30", "08:00", "12:00"), day("SUNDAY"), day("FRIDAY", "20:00", "24:00")));
		assertThat(put.status()).as(put.toString()).isEqualTo(200);

		JsonNode read = this.api.get("/api/v1/doctors/" + doctor + "/schedule")
			.bearer(admin.accessToken())
			.send()
			.json();
		assertThat(read).isEqualTo(put.json());
		assertThat(read.get("timezone").asString()).isEqualTo("America/Sao_Paulo");
		assertThat(read.get("days").findValuesAsString("dayOfWeek")).containsExactly("MONDAY", "WEDNESDAY", "FRIDAY");
		assertThat(read.get("days").get(0).get("intervals").toString())
			.isEqualTo("[{\"start\":\"08:00\",\"end\":\"12:00\"},{\"start\":\"13:00\",\"end\":\"17:30\"}]");
		assertThat(read.get("days").get(2).get("intervals").get(0).get("end").asString()).isEqualTo("24:00");

		assertThat(schedule(admin, "doctors", doctor, week(day("TUESDAY", "09:00", "10:00"))).status()).isEqualTo(200);
		JsonNode replaced = this.api.get("/api/v1/doctors/" + doctor + "/schedule")
			.bearer(admin.accessToken())
			.send()
			.json();
		assertThat(replaced.get("days").findValuesAsString("dayOfWeek")).containsExactly("TUESDAY");
	}

	@Test
	void badSchedulesAreRefusedNamingTheFieldAndChangeNothing() {
		Session admin = this.api.registerTenant();
		String car = createdId(this.api, admin, "cars", car("Carro", List.of()));
		assertThat(schedule(admin, "cars", car, week(day("MONDAY", "07:00", "11:00"))).status()).isEqualTo(200);

		assertThat(fields(schedule(admin, "cars", car,
				week(day("MONDAY", "08:00", "12:00", "11:30", "13:00", "09:00", "10:00")))))
			.containsExactlyInAnyOrder("days[0].intervals[1].start", "days[0].intervals[2].start");
		assertThat(fields(schedule(admin, "cars", car, week(day("MONDAY", "08:03", "12:00")))))
			.containsExactly("days[0].intervals[0].start");
		assertThat(fields(schedule(admin, "cars", car, week(day("MONDAY", "12:00", "08:00")))))
			.containsExactly("days[0].intervals[0].end");
		assertThat(fields(schedule(admin, "cars", car, week(day("MONDAY", "8h", "25:00")))))
			.containsExactlyInAnyOrder("days[0].intervals[0].start", "days[0].intervals[0].end");
		assertThat(fields(
				schedule(admin, "cars", car, week(day("TUESDAY", "08:00", "09:00"), day("TUESDAY", "10:00", "11:00")))))
			.containsExactly("days[1].dayOfWeek");
		assertThat(fields(schedule(admin, "cars", car, week(Map.of("dayOfWeek", "MONDAYS", "intervals", List.of())))))
			.containsExactly("days[0].dayOfWeek");
		assertThat(fields(schedule(admin, "cars", car, Map.of()))).containsExactly("days");

		JsonNode kept = this.api.get("/api/v1/cars/" + car + "/schedule").bearer(admin.accessToken()).send().json();
		assertThat(kept.get("days").get(0).get("intervals").get(0).get("start").asString()).isEqualTo("07:00");
	}

	@Test
	void aDoctorManagesOnlyTheirOwnScheduleAndTimeOff() {
		Session admin = this.api.registerTenant();
		Session me = this.api.createUser(admin, "DOCTOR");
		String mine = createdId(this.api, admin, "doctors", Map.of("name", "Eu", "userId", me.userId().toString()));
		String theirs = createdId(this.api, admin, "doctors", Map.of("name", "Outro"));

		assertThat(schedule(me, "doctors", mine, week(day("MONDAY", "08:00", "12:00"))).status()).isEqualTo(200);
		Response other = schedule(me, "doctors", theirs, week(day("MONDAY", "08:00", "12:00")));
		assertThat(other.status()).isEqualTo(403);
		assertThat(other.code()).isEqualTo("forbidden");
		assertThat(this.api.get("/api/v1/doctors/" + theirs + "/schedule").bearer(me.accessToken()).send().status())
			.as("schedules are readable by every doctor")
			.isEqualTo(200);

		Response off = timeOff(me, "doctors", mine, Map.of("date", "2026-12-24", "reason", "Natal"));
		assertThat(off.status()).as(off.toString()).isEqualTo(201);
		assertThat(timeOff(me, "doctors", theirs, Map.of("date", "2026-12-24")).status()).isEqualTo(403);
		assertThat(this.api.get("/api/v1/doctors/" + theirs + "/time-off").bearer(me.accessToken()).send().status())
			.isEqualTo(403);
		String id = off.json().get("id").asString();
		assertThat(
				this.api.delete("/api/v1/doctors/" + mine + "/time-off/" + id).bearer(me.accessToken()).send().status())
			.isEqualTo(204);
		assertThat(
				this.api.delete("/api/v1/doctors/" + mine + "/time-off/" + id).bearer(me.accessToken()).send().status())
			.isEqualTo(404);

		Session unlinked = this.api.createUser(admin, "DOCTOR");
		assertThat(schedule(unlinked, "doctors", mine, week()).status()).isEqualTo(403);
		String car = createdId(this.api, admin, "cars", car("Carro", List.of()));
		assertThat(schedule(me, "cars", car, week()).status()).isEqualTo(403);
		assertThat(timeOff(me, "cars", car, Map.of("date", "2026-12-24")).status()).isEqualTo(403);
	}

	@Test
	void driversReadCarAvailabilityAndPatientsNone() {
		Session admin = this.api.registerTenant();
		Session driver = this.api.createUser(admin, "DRIVER");
		Session patient = SchedulingFixtures.patient(this.api, admin);
		String car = createdId(this.api, admin, "cars", car("Carro", List.of()));
		String doctor = createdId(this.api, admin, "doctors", Map.of("name", "Dr. X"));

		assertThat(this.api.get("/api/v1/cars/" + car + "/schedule").bearer(driver.accessToken()).send().status())
			.isEqualTo(200);
		assertThat(this.api.get("/api/v1/cars/" + car + "/time-off").bearer(driver.accessToken()).send().status())
			.isEqualTo(200);
		assertThat(schedule(driver, "cars", car, week()).status()).isEqualTo(403);
		assertThat(timeOff(driver, "cars", car, Map.of("date", "2026-12-24")).status()).isEqualTo(403);
		assertThat(this.api.get("/api/v1/doctors/" + doctor + "/schedule").bearer(driver.accessToken()).send().status())
			.isEqualTo(403);
		assertThat(this.api.get("/api/v1/holidays").bearer(driver.accessToken()).send().status()).isEqualTo(200);
		for (String path : List.of("/api/v1/cars/" + car + "/schedule", "/api/v1/doctors/" + doctor + "/schedule",
				"/api/v1/doctors/" + doctor + "/time-off", "/api/v1/holidays")) {
			assertThat(this.api.get(path).bearer(patient.accessToken()).send().status()).as(path).isEqualTo(403);
		}
	}

	@Test
	void wholeDaysAreDaysOfTheClinicsCalendarAndIntervalsAreInstants() {
		Session admin = this.api.registerTenant();
		String doctor = createdId(this.api, admin, "doctors", Map.of("name", "Dra. Férias"));

		JsonNode days = timeOff(admin, "doctors", doctor, Map.of("from", "2026-12-24", "to", "2026-12-26")).json();
		assertThat(days.get("allDay").asBoolean()).isTrue();
		assertThat(days.get("start").asString()).as("midnight in São Paulo").isEqualTo("2026-12-24T03:00:00Z");
		assertThat(days.get("end").asString()).isEqualTo("2026-12-27T03:00:00Z");
		JsonNode interval = timeOff(admin, "doctors", doctor,
				Map.of("start", "2026-11-20T13:00:00Z", "end", "2026-11-20T15:30:00Z", "reason", "Congresso"))
			.json();
		assertThat(interval.get("allDay").asBoolean()).isFalse();
		assertThat(interval.get("from").isNull()).isTrue();
		JsonNode single = timeOff(admin, "doctors", doctor, Map.of("date", "2027-01-01")).json();
		assertThat(single.get("from").asString()).isEqualTo("2027-01-01");
		assertThat(single.get("to").asString()).isEqualTo("2027-01-01");

		String id = days.get("id").asString();
		assertThat(timeOffs(admin, doctor, "")).containsExactly(interval.get("id").asString(), id,
				single.get("id").asString());
		assertThat(timeOffs(admin, doctor, "?from=2026-12-01&to=2026-12-31")).containsExactly(id);
		assertThat(timeOffs(admin, doctor, "?from=2026-12-27")).containsExactly(single.get("id").asString());
		JsonNode page = this.api.get("/api/v1/doctors/" + doctor + "/time-off?limit=2")
			.bearer(admin.accessToken())
			.send()
			.json();
		assertThat(timeOffs(admin, doctor, "?limit=2&cursor=" + page.get("nextCursor").asString()))
			.containsExactly(single.get("id").asString());
	}

	@Test
	void timeOffMustTakeExactlyOneShape() {
		Session admin = this.api.registerTenant();
		String car = createdId(this.api, admin, "cars", car("Carro", List.of()));

		assertThat(fields(timeOff(admin, "cars", car, Map.of()))).containsExactly("date");
		assertThat(fields(timeOff(admin, "cars", car, Map.of("date", "2026-12-24", "start", "2026-12-24T10:00:00Z"))))
			.containsExactly("start");
		assertThat(fields(timeOff(admin, "cars", car, Map.of("date", "2026-12-24", "to", "2026-12-25"))))
			.containsExactly("date");
		assertThat(fields(timeOff(admin, "cars", car, Map.of("from", "2026-12-24")))).containsExactly("to");
		assertThat(fields(timeOff(admin, "cars", car, Map.of("from", "2026-12-24", "to", "2026-12-20"))))
			.containsExactly("to");
		assertThat(fields(timeOff(admin, "cars", car, Map.of("from", "2026-01-01", "to", "2027-12-31"))))
			.containsExactly("to");
		assertThat(fields(
				timeOff(admin, "cars", car, Map.of("start", "2026-12-24T10:00:00Z", "end", "2026-12-24T10:00:00Z"))))
			.containsExactly("end");
		assertThat(fields(timeOff(admin, "cars", car, Map.of("date", "24/12/2026")))).containsExactly("date");
		assertThat(timeOff(admin, "cars", car, Map.of("date", "2026-12-24")).status()).isEqualTo(201);
	}

	@Test
	void holidaysAreOnePerDateAndListedInDateOrder() {
		Session admin = this.api.registerTenant();
		Session staff = this.api.createUser(admin, "STAFF");
		Session doctor = this.api.createUser(admin, "DOCTOR");
		String christmas = holiday(staff, "2026-12-25", "Natal").json().get("id").asString();
		String newYear = holiday(staff, "2027-01-01", "Ano Novo").json().get("id").asString();
		String tiradentes = holiday(staff, "2026-04-21", "Tiradentes").json().get("id").asString();

		Response again = holiday(admin, "2026-12-25", "Outra vez");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.code()).isEqualTo("holiday_exists");
		assertThat(again.json().get("existingId").asString()).isEqualTo(christmas);
		assertThat(holiday(this.api.registerTenant(), "2026-12-25", "Natal").status()).isEqualTo(201);
		assertThat(holiday(doctor, "2026-11-02", "Finados").status()).isEqualTo(403);

		assertThat(holidays(doctor, "")).containsExactly(tiradentes, christmas, newYear);
		assertThat(holidays(doctor, "?from=2026-12-01&to=2026-12-31")).containsExactly(christmas);
		JsonNode page = this.api.get("/api/v1/holidays?limit=1").bearer(admin.accessToken()).send().json();
		assertThat(holidays(admin, "?limit=2&cursor=" + page.get("nextCursor").asString())).containsExactly(christmas,
				newYear);

		assertThat(this.api.delete("/api/v1/holidays/" + christmas).bearer(doctor.accessToken()).send().status())
			.isEqualTo(403);
		assertThat(this.api.delete("/api/v1/holidays/" + christmas).bearer(staff.accessToken()).send().status())
			.isEqualTo(204);
		assertThat(holidays(admin, "")).containsExactly(tiradentes, newYear);
	}

	@Test
	void anotherClinicsResourcesAreNotFound() {
		Session mine = this.api.registerTenant();
		Session theirs = this.api.registerTenant();
		String doctor = createdId(this.api, theirs, "doctors", Map.of("name", "Dr. Alheio"));
		String car = createdId(this.api, theirs, "cars", car("Alheio", List.of()));
		String holiday = holiday(theirs, "2026-12-25", "Natal").json().get("id").asString();
		String off = timeOff(theirs, "doctors", doctor, Map.of("date", "2026-12-24")).json().get("id").asString();

		assertThat(schedule(mine, "doctors", doctor, week()).status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/cars/" + car + "/schedule").bearer(mine.accessToken()).send().status())
			.isEqualTo(404);
		assertThat(timeOff(mine, "cars", car, Map.of("date", "2026-12-24")).status()).isEqualTo(404);
		assertThat(this.api.delete("/api/v1/doctors/" + doctor + "/time-off/" + off)
			.bearer(mine.accessToken())
			.send()
			.status()).isEqualTo(404);
		assertThat(this.api.delete("/api/v1/holidays/" + holiday).bearer(mine.accessToken()).send().status())
			.isEqualTo(404);
		assertThat(this.api.get("/api/v1/doctors/" + car + "/schedule").bearer(theirs.accessToken()).send().status())
			.as("a car is not a doctor")
			.isEqualTo(404);
	}

	private Response schedule(Session session, String collection, String id, Object body) {
		return this.api.put("/api/v1/" + collection + "/" + id + "/schedule")
			.bearer(session.accessToken())
			.json(body)
			.send();
	}

	private Response timeOff(Session session, String collection, String id, Object body) {
		return this.api.post("/api/v1/" + collection + "/" + id + "/time-off")
			.bearer(session.accessToken())
			.json(body)
			.send();
	}

	private List<String> timeOffs(Session session, String doctor, String query) {
		Response response = this.api.get("/api/v1/doctors/" + doctor + "/time-off" + query)
			.bearer(session.accessToken())
			.send();
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return strings(response.json().get("items"));
	}

	private Response holiday(Session session, String date, String name) {
		return this.api.post("/api/v1/holidays")
			.bearer(session.accessToken())
			.json(Map.of("date", date, "name", name))
			.send();
	}

	private List<String> holidays(Session session, String query) {
		Response response = this.api.get("/api/v1/holidays" + query).bearer(session.accessToken()).send();
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return strings(response.json().get("items"));
	}

}
