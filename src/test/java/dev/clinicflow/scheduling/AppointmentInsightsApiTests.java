package dev.clinicflow.scheduling;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.clinicflow.Api.Response;
import dev.clinicflow.Api.Session;
import dev.clinicflow.ApiTest;
import dev.clinicflow.patients.PatientFixtures;

import static dev.clinicflow.scheduling.SchedulingFixtures.createdId;
import static dev.clinicflow.scheduling.SchedulingFixtures.fields;
import static dev.clinicflow.scheduling.SchedulingFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Statistics, the day's schedule and the calendar feed, over one doctor's appointments in
 * two months: in the first a confirmed, a cancelled and a completed one, in the second a
 * scheduled one.
 */
class AppointmentInsightsApiTests extends ApiTest {

	private static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

	private Session admin;

	private Session doctorUser;

	private String doctor;

	private LocalDate firstMonth;

	private LocalDate secondMonth;

	private String confirmed;

	private String cancelled;

	private String completed;

	private String scheduled;

	@BeforeEach
	void appointments() {
		this.admin = this.api.registerTenant();
		this.doctorUser = this.api.createUser(this.admin, "DOCTOR");
		this.doctor = doctor("Dra. Estatística", this.doctorUser);
		LocalDate today = LocalDate.ofInstant(applicationClock().instant(), ZONE);
		this.firstMonth = today.withDayOfMonth(1).plusMonths(1).plusDays(9);
		this.secondMonth = this.firstMonth.plusMonths(1);
		this.confirmed = book("Ana Maria Souza", this.firstMonth, "09:00");
		this.cancelled = book("Bia Cancelada", this.firstMonth, "10:00");
		this.completed = book("Caio Completo", this.firstMonth, "08:00");
		this.scheduled = book("Duda Agendada", this.secondMonth, "09:00");
		patch(this.confirmed, "confirm");
		patch(this.cancelled, "cancel");
		patch(this.completed, "check-in");
		patch(this.completed, "complete");
	}

	@Test
	void aDoctorsStatisticsCountEachMonthByStatusMostRecentFirst() {
		JsonNode stats = get("/api/v1/appointments/stats/doctor/" + this.doctor + "?groupBy=month").json();
		JsonNode buckets = stats.get("buckets");
		assertThat(buckets).hasSize(2);
		assertThat(buckets.get(0).get("period").asString()).isEqualTo(this.secondMonth.withDayOfMonth(1).toString());
		assertThat(buckets.get(0).get("counts").get("total").asInt()).isEqualTo(1);
		assertThat(buckets.get(0).get("counts").get("scheduled").asInt()).isEqualTo(1);
		JsonNode first = buckets.get(1).get("counts");
		assertThat(first.get("total").asInt()).isEqualTo(3);
		assertThat(first.get("confirmed").asInt()).isEqualTo(1);
		assertThat(first.get("cancelled").asInt()).isEqualTo(1);
		assertThat(first.get("completed").asInt()).isEqualTo(1);
		assertThat(first.get("noShow").asInt()).isZero();

		JsonNode latest = get("/api/v1/appointments/stats/doctor/" + this.doctor + "?groupBy=day&limit=1").json();
		assertThat(latest.get("buckets")).hasSize(1);
		assertThat(latest.get("buckets").get(0).get("period").asString()).isEqualTo(this.secondMonth.toString());

		assertThat(fields(get("/api/v1/appointments/stats/doctor/" + this.doctor + "?groupBy=year")))
			.containsExactly("groupBy");
		assertThat(fields(get("/api/v1/appointments/stats/doctor/" + this.doctor + "?limit=0")))
			.containsExactly("limit");

		// the doctor sees their own statistics, not a colleague's
		Response own = this.api.get("/api/v1/appointments/stats/doctor/" + this.doctor)
			.bearer(this.doctorUser.accessToken())
			.send();
		assertThat(own.status()).isEqualTo(200);
		String colleague = doctor("Dr. Colega", null);
		assertThat(this.api.get("/api/v1/appointments/stats/doctor/" + colleague)
			.bearer(this.doctorUser.accessToken())
			.send()
			.status()).isEqualTo(403);
	}

	@Test
	void clinicStatisticsCountARangeOfDaysWithTotals() {
		String range = "from=" + this.firstMonth.withDayOfMonth(1) + "&to=" + this.secondMonth.plusDays(5);
		JsonNode monthly = get("/api/v1/appointments/stats?groupBy=month&" + range).json();
		assertThat(monthly.get("totals").get("total").asInt()).isEqualTo(4);
		assertThat(monthly.get("totals").get("completed").asInt()).isEqualTo(1);
		assertThat(monthly.get("buckets").findValuesAsString("period")).containsExactly(
				this.firstMonth.withDayOfMonth(1).toString(), this.secondMonth.withDayOfMonth(1).toString());

		JsonNode firstDay = get("/api/v1/appointments/stats?groupBy=day&resourceId=" + this.doctor + "&from="
				+ this.firstMonth + "&to=" + this.firstMonth)
			.json();
		assertThat(firstDay.get("totals").get("total").asInt()).isEqualTo(3);
		assertThat(firstDay.get("buckets")).hasSize(1);

		JsonNode weekly = get("/api/v1/appointments/stats?groupBy=week&" + range).json();
		assertThat(weekly.get("buckets").findValuesAsString("period")).containsExactly(
				this.firstMonth.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString(),
				this.secondMonth.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString());
		assertThat(weekly.get("buckets").get(0).get("counts").get("total").asInt()).isEqualTo(3);

		// by default the last 30 days, which hold none of these future appointments
		assertThat(get("/api/v1/appointments/stats").json().get("totals").get("total").asInt()).isZero();
		assertThat(fields(get("/api/v1/appointments/stats?from=" + this.secondMonth + "&to=" + this.firstMonth)))
			.containsExactly("to");
		assertThat(get("/api/v1/appointments/stats?resourceId=" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/appointments/stats").bearer(this.doctorUser.accessToken()).send().status())
			.isEqualTo(403);
	}

	@Test
	void theDaysScheduleGroupsAppointmentsByResourceInStartOrder() {
		String zone = createdId(this.api, this.admin, "zones", SchedulingFixtures.zone("Centro"));
		String car = createdId(this.api, this.admin, "cars", SchedulingFixtures.car("Carro Dia", List.of(zone)));
		schedule("cars", car, "07:00", "08:00");
		String visit = createdId(this.api, this.admin, "appointments", Map.of("patientId", patient("Eva Coleta"),
				"carId", car, "start", at(this.firstMonth, "07:00"), "exams", List.of("hemograma")));

		// sorted as Portuguese sorts names: Ágata before Estatística (not after Z, as by
		// code point)
		String agata = doctor("Dra. Ágata", null);
		createdId(this.api, this.admin, "appointments", Map.of("patientId", patient("Fábio Consulta"), "doctorId",
				agata, "start", at(this.firstMonth, "11:00")));

		JsonNode day = get("/api/v1/dashboard/appointments?date=" + this.firstMonth).json();
		assertThat(day.get("date").asString()).isEqualTo(this.firstMonth.toString());
		JsonNode resources = day.get("resources");
		assertThat(resources).hasSize(3);
		assertThat(resources.findValuesAsString("resourceId")).containsExactly(agata, this.doctor, car);
		assertThat(resources.findValuesAsString("kind")).containsExactly("DOCTOR", "DOCTOR", "CAR");
		JsonNode carsDay = resources.get(2).get("appointments");
		assertThat(carsDay.get(0).get("id").asString()).isEqualTo(visit);
		assertThat(carsDay.get(0).get("neighborhood").asString()).isEqualTo("Consolação");
		assertThat(SchedulingFixtures.strings(carsDay.get(0).get("exams"))).containsExactly("hemograma");
		JsonNode doctorsDay = resources.get(1).get("appointments");
		assertThat(doctorsDay.get(0).get("exams")).isEmpty();
		assertThat(doctorsDay.findValuesAsString("id")).containsExactly(this.completed, this.confirmed, this.cancelled);
		assertThat(doctorsDay.get(1).get("patientName").asString()).isEqualTo("Ana Maria Souza");
		assertThat(doctorsDay.get(1).get("confirmationStatus").asString()).isEqualTo("CONFIRMED");
		assertThat(doctorsDay.get(2).get("status").asString()).isEqualTo("CANCELLED");

		// the doctor sees only their own day
		JsonNode own = this.api.get("/api/v1/dashboard/appointments?date=" + this.firstMonth)
			.bearer(this.doctorUser.accessToken())
			.send()
			.json();
		assertThat(own.get("resources")).hasSize(1);
		assertThat(get("/api/v1/dashboard/appointments").json().get("resources")).isEmpty();
		assertThat(fields(get("/api/v1/dashboard/appointments?date=tomorrow"))).containsExactly("date");
	}

	@Test
	void aDoctorSubscribesToTheirCalendarWithARevocableToken() {
		Response issued = this.api.post("/api/v1/doctors/" + this.doctor + "/calendar-feed")
			.bearer(this.doctorUser.accessToken())
			.send();
		assertThat(issued.status()).as(issued.text()).isEqualTo(201);
		String token = issued.json().get("token").asString();
		assertThat(issued.json().get("url").asString())
			.endsWith("/api/v1/doctors/" + this.doctor + "/calendar.ics?token=" + token);

		Response feed = feed(this.doctor, token);
		assertThat(feed.status()).as(feed.text()).isEqualTo(200);
		assertThat(feed.header("Content-Type")).startsWith("text/calendar");
		String ics = feed.text().replace("\r\n ", "");
		assertThat(ics).startsWith("BEGIN:VCALENDAR").contains("VERSION:2.0", "END:VCALENDAR");
		assertThat(ics).contains("UID:" + this.confirmed + "@clinicflow", "UID:" + this.completed + "@clinicflow",
				"UID:" + this.scheduled + "@clinicflow");
		assertThat(ics).doesNotContain(this.cancelled);
		assertThat(ics).contains("SUMMARY:Consulta – Ana S.").doesNotContain("Souza");
		assertThat(ics).contains("DTSTART:" + compact(at(this.firstMonth, "09:00")));

		String colleague = doctor("Dr. Colega", null);
		assertThat(feed(colleague, token).status()).isEqualTo(404);
		assertThat(feed(this.doctor, "not-a-token").status()).isEqualTo(404);
		assertThat(this.api.post("/api/v1/doctors/" + colleague + "/calendar-feed")
			.bearer(this.doctorUser.accessToken())
			.send()
			.status()).isEqualTo(403);

		String renewed = this.api.post("/api/v1/doctors/" + this.doctor + "/calendar-feed")
			.bearer(this.admin.accessToken())
			.send()
			.json()
			.get("token")
			.asString();
		assertThat(feed(this.doctor, token).status()).isEqualTo(404);
		assertThat(feed(this.doctor, renewed).status()).isEqualTo(200);
		assertThat(this.api.delete("/api/v1/doctors/" + this.doctor + "/calendar-feed")
			.bearer(this.admin.accessToken())
			.send()
			.status()).isEqualTo(204);
		assertThat(feed(this.doctor, renewed).status()).isEqualTo(404);
	}

	@Test
	void appointmentListsArePagedInStartOrderAndDoctorsSeeTheirOwn() {
		String colleague = doctor("Dr. Colega", null);
		String elsewhere = createdId(this.api, this.admin, "appointments", Map.of("patientId", patient("Gil Outro"),
				"doctorId", colleague, "start", at(this.firstMonth, "09:00")));

		List<String> ids = new java.util.ArrayList<>();
		String cursor = null;
		do {
			JsonNode page = get("/api/v1/appointments?limit=2" + ((cursor != null) ? "&cursor=" + cursor : "")).json();
			assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
			ids.addAll(page.get("items").findValuesAsString("id"));
			cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asString() : null;
		}
		while (cursor != null);
		// 08:00, then the two 09:00s in id order, 10:00, and next month's
		assertThat(ids).hasSize(5).startsWith(this.completed).endsWith(this.cancelled, this.scheduled);
		assertThat(ids.subList(1, 3)).containsExactlyInAnyOrder(this.confirmed, elsewhere);

		JsonNode doctorsOwn = this.api.get("/api/v1/appointments")
			.bearer(this.doctorUser.accessToken())
			.send()
			.json()
			.get("items");
		assertThat(doctorsOwn.findValuesAsString("id")).containsExactly(this.completed, this.confirmed, this.cancelled,
				this.scheduled);
		assertThat(
				this.api.get("/api/v1/appointments/" + elsewhere).bearer(this.doctorUser.accessToken()).send().status())
			.isEqualTo(403);
		assertThat(ids("?doctorId=" + colleague)).containsExactly(elsewhere);
		assertThat(ids("?status=CANCELLED")).containsExactly(this.cancelled);
		assertThat(ids("?kind=CLINIC_VISIT&status=SCHEDULED&doctorId=" + this.doctor)).containsExactly(this.scheduled);
		assertThat(ids("?kind=HOME_COLLECTION")).isEmpty();
		assertThat(ids("?from=" + at(this.firstMonth, "09:00") + "&to=" + at(this.firstMonth, "10:00")))
			.containsExactlyInAnyOrder(this.confirmed, elsewhere);
		assertThat(ids("?from=" + at(this.firstMonth, "09:30"))).containsExactly(this.cancelled, this.scheduled);
		assertThat(fields(get(
				"/api/v1/appointments?from=" + at(this.firstMonth, "10:00") + "&to=" + at(this.firstMonth, "09:00"))))
			.containsExactly("to");
		assertThat(fields(get("/api/v1/appointments?cursor=garbage"))).containsExactly("cursor");
		assertThat(fields(get("/api/v1/appointments?status=LOST"))).containsExactly("status");
	}

	// ---------------------------------------------------------------- helpers

	private Response feed(String doctor, String token) {
		return this.api.get("/api/v1/doctors/" + doctor + "/calendar.ics?token=" + token).send();
	}

	/** 2026-12-10T12:00:00Z as iCalendar writes it: 20261210T120000Z. */
	private static String compact(String instant) {
		return instant.replace("-", "").replace(":", "");
	}

	private String doctor(String name, Session user) {
		Map<String, Object> doctor = with(SchedulingFixtures.doctor(name), "slotMinutes", 30);
		doctor.remove("registration");
		doctor.put("appointmentTypes", List.of());
		if (user != null) {
			doctor.put("userId", user.userId().toString());
		}
		String id = createdId(this.api, this.admin, "doctors", doctor);
		schedule("doctors", id, "08:00", "18:00");
		return id;
	}

	private void schedule(String collection, String id, String start, String end) {
		SchedulingFixtures.everyDay(this.api, this.admin, collection, id, start, end);
	}

	private String patient(String name) {
		return createdId(this.api, this.admin, "patients", PatientFixtures.patient(name));
	}

	private String book(String patientName, LocalDate date, String time) {
		return createdId(this.api, this.admin, "appointments",
				Map.of("patientId", patient(patientName), "doctorId", this.doctor, "start", at(date, time)));
	}

	private void patch(String id, String action) {
		Response response = this.api.patch("/api/v1/appointments/" + id + "/" + action)
			.bearer(this.admin.accessToken())
			.send();
		assertThat(response.status()).as(response.text()).isEqualTo(200);
	}

	private List<String> ids(String query) {
		return get("/api/v1/appointments" + query).json().get("items").findValuesAsString("id");
	}

	private Response get(String path) {
		return this.api.get(path).bearer(this.admin.accessToken()).send();
	}

	private static String at(LocalDate date, String localTime) {
		return date.atTime(LocalTime.parse(localTime)).atZone(ZONE).toInstant().toString();
	}

}
