package dev.clinicflow.scheduling;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
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

class AppointmentSeriesApiTests extends ApiTest {

	private static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

	private Session admin;

	private String doctor;

	/** A Monday at least a week ahead. */
	private LocalDate monday;

	@BeforeEach
	void clinic() {
		this.admin = this.api.registerTenant();
		this.monday = LocalDate.ofInstant(applicationClock().instant(), ZONE)
			.plusDays(7)
			.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
		Map<String, Object> doctor = with(SchedulingFixtures.doctor("Dra. Série"), "slotMinutes", 30);
		doctor.remove("registration");
		this.doctor = createdId(this.api, this.admin, "doctors", doctor);
		List<Map<String, Object>> days = new ArrayList<>();
		for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
				DayOfWeek.FRIDAY)) {
			days.add(Map.of("dayOfWeek", day.name(), "intervals", List.of(Map.of("start", "08:00", "end", "12:00"))));
		}
		assertThat(this.api.put("/api/v1/doctors/" + this.doctor + "/schedule")
			.bearer(this.admin.accessToken())
			.json(Map.of("days", days))
			.send()
			.status()).isEqualTo(200);
	}

	@Test
	void aWeeklySeriesBooksEveryOccurrenceAtTheSameLocalTime() {
		String patient = patient("Ana Semanal");
		Response series = series(patient, at(this.monday, "09:00"), Map.of("frequency", "WEEKLY", "count", 4));
		assertThat(series.status()).as(series.text()).isEqualTo(201);
		JsonNode appointments = series.json().get("appointments");
		assertThat(appointments).hasSize(4);
		for (int week = 0; week < 4; week++) {
			assertThat(appointments.get(week).get("start").asString())
				.isEqualTo(at(this.monday.plusWeeks(week), "09:00"));
			assertThat(appointments.get(week).get("seriesId").asString())
				.isEqualTo(series.json().get("seriesId").asString());
		}
		JsonNode listed = this.api.get(series.header("Location")).bearer(this.admin.accessToken()).send().json();
		assertThat(listed.get("items")).hasSize(4);
	}

	@Test
	void aSeriesWithAnyDateTakenBooksNothingAndListsEveryConflict() {
		String ana = patient("Ana Conflito");
		String bia = patient("Bia Ocupa");
		String taken = createdId(this.api, this.admin, "appointments",
				Map.of("patientId", bia, "doctorId", this.doctor, "start", at(this.monday.plusWeeks(2), "09:00")));
		Response holiday = this.api.post("/api/v1/holidays")
			.bearer(this.admin.accessToken())
			.json(Map.of("date", this.monday.plusWeeks(1).toString(), "name", "Feriado"))
			.send();
		assertThat(holiday.status()).isEqualTo(201);

		Response refused = series(ana, at(this.monday, "09:00"), Map.of("frequency", "WEEKLY", "count", 4));
		assertThat(refused.status()).as(refused.text()).isEqualTo(409);
		assertThat(refused.json().get("code").asString()).isEqualTo("series_conflict");
		JsonNode conflicts = refused.json().get("conflicts");
		assertThat(conflicts).hasSize(2);
		assertThat(conflicts.get(0).get("date").asString()).isEqualTo(this.monday.plusWeeks(1).toString());
		assertThat(conflicts.get(0).get("code").asString()).isEqualTo("unavailable");
		assertThat(conflicts.get(0).get("message").asString()).contains("Feriado");
		assertThat(conflicts.get(1).get("date").asString()).isEqualTo(this.monday.plusWeeks(2).toString());
		assertThat(conflicts.get(1).get("code").asString()).isEqualTo("slot_taken");
		assertThat(conflicts.get(1).get("conflictingAppointmentId").asString()).isEqualTo(taken);

		JsonNode anasAppointments = this.api.get("/api/v1/appointments?patientId=" + ana)
			.bearer(this.admin.accessToken())
			.send()
			.json()
			.get("items");
		assertThat(anasAppointments).isEmpty();
	}

	@Test
	void dailyAndMonthlySeriesAndTheirLimits() {
		String patient = patient("Ana Diária");
		// weekdays only: the Saturday and Sunday of a daily series are refused
		Response daily = series(patient, at(this.monday, "08:00"), Map.of("frequency", "DAILY", "count", 7));
		assertThat(daily.status()).isEqualTo(409);
		assertThat(daily.json().get("conflicts").findValuesAsString("date"))
			.containsExactly(this.monday.plusDays(5).toString(), this.monday.plusDays(6).toString());

		Response weekdays = series(patient, at(this.monday, "08:00"),
				Map.of("frequency", "DAILY", "until", this.monday.plusDays(4).toString()));
		assertThat(weekdays.status()).as(weekdays.text()).isEqualTo(201);
		assertThat(weekdays.json().get("appointments")).hasSize(5);

		assertThat(fields(series(patient, at(this.monday, "10:00"), Map.of("frequency", "WEEKLY"))))
			.containsExactly("recurrence.count");
		assertThat(fields(series(patient, at(this.monday, "10:00"), Map.of("frequency", "WEEKLY", "count", 53))))
			.containsExactly("recurrence.count");
		assertThat(fields(series(patient, at(this.monday, "10:00"),
				Map.of("frequency", "DAILY", "until", this.monday.plusYears(1).toString()))))
			.containsExactly("recurrence.until");
		assertThat(fields(series(patient, at(this.monday, "10:00"), Map.of("frequency", "YEARLY", "count", 2))))
			.containsExactly("recurrence.frequency");
		assertThat(fields(series(patient, at(this.monday, "10:10"), Map.of("frequency", "WEEKLY", "count", 2))))
			.containsExactly("start");
	}

	@Test
	void aBookingRacingASeriesForOneOfItsDatesLeavesEitherTheWholeSeriesOrThatDateListed() throws Exception {
		LocalDate contested = this.monday.plusWeeks(2);
		for (int round = 0; round < 8; round++) {
			String time = String.format(java.util.Locale.ROOT, "%02d:%02d", 8 + round / 2, (round % 2) * 30);
			String ana = patient("Ana Série " + round);
			String bia = patient("Bia Avulsa " + round);

			List<Response> answers = FrontDesk
				.together(List.of(() -> series(ana, at(this.monday, time), Map.of("frequency", "WEEKLY", "count", 4)),
						() -> this.api.post("/api/v1/appointments")
							.bearer(this.admin.accessToken())
							.json(Map.of("patientId", bia, "doctorId", this.doctor, "start", at(contested, time)))
							.send()));

			Response series = answers.get(0);
			Response single = answers.get(1);
			if (series.status() == 201) {
				assertThat(single.status()).as("round %d: %s", round, single.text()).isEqualTo(409);
				assertThat(single.code()).isEqualTo("slot_taken");
				assertThat(single.json().get("conflictingAppointmentId").asString())
					.isEqualTo(series.json().get("appointments").get(2).get("id").asString());
			}
			else {
				assertThat(single.status()).as("round %d: %s", round, single.text()).isEqualTo(201);
				assertThat(series.status()).as("round %d: %s", round, series.text()).isEqualTo(409);
				assertThat(series.code()).as("round %d: %s", round, series.text()).isEqualTo("series_conflict");
				JsonNode conflicts = series.json().get("conflicts");
				assertThat(conflicts).hasSize(1);
				assertThat(conflicts.get(0).get("date").asString()).isEqualTo(contested.toString());
				assertThat(conflicts.get(0).get("conflictingAppointmentId").asString())
					.isEqualTo(single.json().get("id").asString());
				assertThat(this.api.get("/api/v1/appointments?patientId=" + ana)
					.bearer(this.admin.accessToken())
					.send()
					.json()
					.get("items")).isEmpty();
			}
		}
	}

	private Response series(String patient, String start, Map<String, Object> recurrence) {
		return this.api.post("/api/v1/appointments/series")
			.bearer(this.admin.accessToken())
			.json(Map.of("patientId", patient, "doctorId", this.doctor, "start", start, "recurrence", recurrence))
			.send();
	}

	private String patient(String name) {
		return createdId(this.api, this.admin, "patients", PatientFixtures.patient(name));
	}

	private static String at(LocalDate date, String localTime) {
		return date.atTime(LocalTime.parse(localTime)).atZone(ZONE).toInstant().toString();
	}

}
