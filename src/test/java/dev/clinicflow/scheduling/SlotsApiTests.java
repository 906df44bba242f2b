package dev.clinicflow.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

class SlotsApiTests extends ApiTest {

	@Test
	void aDoctorsFreeSlotsFollowTheGridTheTypeBookingsTimeOffAndHolidays() {
		Clinic clinic = clinic("America/Sao_Paulo");
		String doctor = clinic.doctor("08:00", "12:00");
		LocalDate day = clinic.today().plusDays(3);

		assertThat(clinic.localStarts(clinic.doctorSlots(doctor, day, null))).containsExactly("08:00", "08:30", "09:00",
				"09:30", "10:00", "10:30", "11:00", "11:30");
		// an hour-long type must end by 12:00
		assertThat(clinic.localStarts(clinic.doctorSlots(doctor, day, "long"))).endsWith("10:30", "11:00")
			.doesNotContain("11:30");

		clinic.book(doctor, clinic.at(day, "09:00"), null);
		assertThat(clinic.localStarts(clinic.doctorSlots(doctor, day, null))).doesNotContain("09:00")
			.contains("08:30", "09:30");
		// a 60-minute visit at 08:30 would run into the 09:00 booking
		assertThat(clinic.localStarts(clinic.doctorSlots(doctor, day, "long"))).doesNotContain("08:30", "09:00")
			.contains("08:00", "09:30");

		Response off = this.api.post("/api/v1/doctors/" + doctor + "/time-off")
			.bearer(clinic.admin().accessToken())
			.json(Map.of("start", clinic.at(day, "10:00"), "end", clinic.at(day, "11:00"), "reason", "reunião"))
			.send();
		assertThat(off.status()).as(off.text()).isEqualTo(201);
		assertThat(clinic.localStarts(clinic.doctorSlots(doctor, day, null))).containsExactly("08:00", "08:30", "09:30",
				"11:00", "11:30");
		Response duringTimeOff = clinic.book(doctor, clinic.at(day, "10:30"), null);
		assertThat(fields(duringTimeOff)).containsExactly("start");
		assertThat(duringTimeOff.text()).contains("off at that time");

		Response holiday = this.api.post("/api/v1/holidays")
			.bearer(clinic.admin().accessToken())
			.json(Map.of("date", day.toString(), "name", "Feriado municipal"))
			.send();
		assertThat(holiday.status()).as(holiday.text()).isEqualTo(201);
		assertThat(clinic.doctorSlots(doctor, day, null).get("slots")).isEmpty();
		assertThat(clinic.book(doctor, clinic.at(day, "11:00"), null).text()).contains("Feriado municipal");
	}

	@Test
	void slotsThatHaveStartedAreNotOffered() {
		Clinic clinic = clinic("America/Sao_Paulo");
		String doctor = clinic.doctor("00:00", "24:00");
		Instant now = applicationClock().instant();
		JsonNode slots = clinic.doctorSlots(doctor, clinic.today(), null).get("slots");
		List<Instant> starts = new ArrayList<>();
		slots.forEach((slot) -> starts.add(Instant.parse(slot.get("start").asString())));
		assertThat(starts).isNotEmpty().allMatch((start) -> !start.isBefore(now));
		assertThat(starts.getFirst()).isBefore(now.plusSeconds(30 * 60));
	}

	@Test
	void rangesAndTypesAreChecked() {
		Clinic clinic = clinic("America/Sao_Paulo");
		String doctor = clinic.doctor("08:00", "12:00");
		LocalDate day = clinic.today().plusDays(1);
		String path = "/api/v1/doctors/" + doctor + "/slots";

		JsonNode week = clinic.get(path + "?from=" + day + "&to=" + day.plusDays(6)).json();
		assertThat(week.get("slots")).hasSize(7 * 8);
		assertThat(fields(clinic.get(path + "?from=" + day + "&to=" + day.plusDays(31)))).containsExactly("to");
		assertThat(fields(clinic.get(path + "?from=" + day + "&to=" + day.minusDays(1)))).containsExactly("to");
		assertThat(fields(clinic.get(path))).containsExactly("date");
		assertThat(fields(clinic.get(path + "?date=2026-02-30"))).containsExactly("date");
		assertThat(fields(clinic.get(path + "?date=" + day + "&type=nope"))).containsExactly("type");
		assertThat(clinic.get("/api/v1/doctors/" + UUID.randomUUID() + "/slots?date=" + day).status()).isEqualTo(404);

		Session other = this.api.registerTenant();
		assertThat(this.api.get(path + "?date=" + day).bearer(other.accessToken()).send().status()).isEqualTo(404);
	}

	@Test
	void carWindowsShowTheirPlacesAndAvailabilityFindsTheCarsThatServeThePatient() {
		Clinic clinic = clinic("America/Sao_Paulo");
		LocalDate day = clinic.today().plusDays(2);
		String centro = createdId(this.api, clinic.admin(), "zones", SchedulingFixtures.zone("Centro"));
		String campinas = createdId(this.api, clinic.admin(), "zones",
				with(with(with(SchedulingFixtures.zone("Campinas"), "cities", List.of("Campinas")), "neighborhoods",
						List.of("Cambuí")), "center", Map.of("lat", -22.9056, "lon", -47.0608)));
		String near = createdId(this.api, clinic.admin(), "cars",
				with(SchedulingFixtures.car("Carro Centro", List.of(centro)), "capacityPerWindow", 2));
		String far = createdId(this.api, clinic.admin(), "cars",
				with(with(SchedulingFixtures.car("Carro Campinas", List.of(campinas)), "plate", "CPN1A23"),
						"capacityPerWindow", 2));
		clinic.schedule("cars", near, "07:00", "08:00", "08:00", "09:00");
		clinic.schedule("cars", far, "07:00", "08:00");
		String patient = clinic.patient("Ana Coleta");

		Response booked = this.api.post("/api/v1/appointments")
			.bearer(clinic.admin().accessToken())
			.json(Map.of("patientId", patient, "carId", near, "date", day.toString(), "window", "07:00", "exams",
					List.of("glicemia")))
			.send();
		assertThat(booked.status()).as(booked.text()).isEqualTo(201);
		assertThat(booked.json().get("start").asString()).isEqualTo(clinic.at(day, "07:00"));

		JsonNode windows = clinic.get("/api/v1/cars/" + near + "/slots?date=" + day).json().get("slots");
		assertThat(windows).hasSize(2);
		assertThat(windows.get(0).get("start").asString()).isEqualTo(clinic.at(day, "07:00"));
		assertThat(windows.get(0).get("end").asString()).isEqualTo(clinic.at(day, "08:00"));
		assertThat(windows.get(0).get("capacity").asInt()).isEqualTo(2);
		assertThat(windows.get(0).get("booked").asInt()).isEqualTo(1);
		assertThat(windows.get(0).get("remaining").asInt()).isEqualTo(1);
		assertThat(windows.get(1).get("remaining").asInt()).isEqualTo(2);

		JsonNode available = clinic
			.get("/api/v1/availability?kind=HOME_COLLECTION&patientId=" + patient + "&date=" + day)
			.json();
		assertThat(available.get("resources")).hasSize(1);
		JsonNode car = available.get("resources").get(0);
		assertThat(car.get("resourceId").asString()).isEqualTo(near);
		assertThat(car.get("kind").asString()).isEqualTo("CAR");
		assertThat(car.get("zoneId").asString()).isEqualTo(centro);
		assertThat(car.get("slots")).hasSize(2);

		assertThat(fields(clinic.get("/api/v1/availability?kind=HOME_COLLECTION&date=" + day)))
			.containsExactly("patientId");
		assertThat(fields(clinic.get("/api/v1/availability?kind=SOMETHING&date=" + day))).containsExactly("kind");
	}

	@Test
	void availabilityOfClinicVisitsListsTheDoctorsOfASpecialisationWithFreeSlots() {
		Clinic clinic = clinic("America/Sao_Paulo");
		LocalDate day = clinic.today().plusDays(2);
		String cardiologist = clinic.doctor("08:00", "09:00");
		Map<String, Object> pediatrician = with(SchedulingFixtures.doctor("Dr. Pediatra"), "specializations",
				List.of("Pediatria"));
		pediatrician.remove("registration");
		String pediatra = createdId(this.api, clinic.admin(), "doctors", pediatrician);
		clinic.schedule("doctors", pediatra, "14:00", "15:00");

		JsonNode pediatrics = clinic.get("/api/v1/availability?kind=CLINIC_VISIT&specialization=pediatria&date=" + day)
			.json();
		assertThat(pediatrics.get("resources").findValuesAsString("resourceId")).containsExactly(pediatra);
		assertThat(pediatrics.get("resources").get(0).get("slots")).hasSize(3);

		JsonNode everyone = clinic.get("/api/v1/availability?kind=CLINIC_VISIT&date=" + day).json();
		assertThat(everyone.get("resources").findValuesAsString("resourceId")).containsExactlyInAnyOrder(cardiologist,
				pediatra);
		JsonNode longVisits = clinic.get("/api/v1/availability?kind=CLINIC_VISIT&type=long&date=" + day).json();
		assertThat(longVisits.get("resources").findValuesAsString("resourceId")).containsExactly(cardiologist);
	}

	@Test
	void slotsFollowTheClocksOnTheDaysTheyChangeInNewYork() {
		Clinic clinic = clinic("America/New_York");
		ZoneId zone = clinic.zone();
		String doctor = clinic.doctor("00:00", "04:00", "08:00", "10:00");
		ZoneOffsetTransition spring = nextTransition(zone, true);
		ZoneOffsetTransition fall = nextTransition(zone, false);
		LocalDate springDay = spring.getDateTimeBefore().toLocalDate();
		LocalDate fallDay = fall.getDateTimeBefore().toLocalDate();

		// 00:00-04:00 lasts three hours when 02:00 becomes 03:00: six half-hour slots
		List<String> springStarts = instants(clinic.doctorSlots(doctor, springDay, null).get("slots"));
		assertThat(springStarts).hasSize(6 + 4);
		assertThat(springStarts.subList(0, 6)).containsExactly(clinic.at(springDay, "00:00"),
				clinic.at(springDay, "00:30"), clinic.at(springDay, "01:00"), clinic.at(springDay, "01:30"),
				clinic.at(springDay, "03:00"), clinic.at(springDay, "03:30"));
		// after the change, 08:00 is 12:00 UTC; the day before it was 13:00 UTC
		assertThat(springStarts.get(6)).isEqualTo(springDay + "T12:00:00Z");
		assertThat(instants(clinic.doctorSlots(doctor, springDay.minusDays(1), null).get("slots")).get(8))
			.isEqualTo(springDay.minusDays(1) + "T13:00:00Z");

		// 00:00-04:00 lasts five hours when 02:00 becomes 01:00 again: ten slots, every
		// one lasting half an hour, the repeated hour offered twice
		List<String> fallStarts = instants(clinic.doctorSlots(doctor, fallDay, null).get("slots"));
		assertThat(fallStarts).hasSize(10 + 4);
		for (int i = 1; i < 10; i++) {
			assertThat(Instant.parse(fallStarts.get(i)))
				.isEqualTo(Instant.parse(fallStarts.get(i - 1)).plusSeconds(1800));
		}
		assertThat(fallStarts.get(10)).isEqualTo(fallDay + "T13:00:00Z");

		// both 01:30s of the repeated hour can be booked, and each takes half an hour
		Response first = clinic.book(doctor, fallStarts.get(3), null);
		Response second = clinic.book(doctor, fallStarts.get(5), null);
		assertThat(first.status()).as(first.text()).isEqualTo(201);
		assertThat(second.status()).as(second.text()).isEqualTo(201);
		assertThat(Instant.parse(second.json().get("end").asString()))
			.isEqualTo(Instant.parse(second.json().get("start").asString()).plusSeconds(1800));
	}

	@Test
	void aDayThatStartsAnHourLateInSantiagoStartsItsScheduleAtOne() {
		Clinic clinic = clinic("America/Santiago");
		ZoneOffsetTransition spring = nextTransition(clinic.zone(), true);
		LocalDate day = spring.getDateTimeAfter().toLocalDate();
		String doctor = clinic.doctor("00:00", "02:00");
		assertThat(instants(clinic.doctorSlots(doctor, day, null).get("slots")))
			.containsExactly(spring.getInstant().toString(), spring.getInstant().plusSeconds(1800).toString());
		Response booked = clinic.book(doctor, spring.getInstant().toString(), null);
		assertThat(booked.status()).as(booked.text()).isEqualTo(201);
		assertThat(LocalTime.ofInstant(Instant.parse(booked.json().get("start").asString()), clinic.zone()))
			.isEqualTo(LocalTime.of(1, 0));
	}

	@Test
	void theSameLocalHoursAreDifferentInstantsInDifferentClinics() {
		Clinic saoPaulo = clinic("America/Sao_Paulo");
		Clinic tokyo = clinic("Asia/Tokyo");
		LocalDate day = saoPaulo.today().plusDays(5);
		String first = instants(saoPaulo.doctorSlots(saoPaulo.doctor("09:00", "10:00"), day, null).get("slots"))
			.getFirst();
		String second = instants(tokyo.doctorSlots(tokyo.doctor("09:00", "10:00"), day, null).get("slots")).getFirst();
		assertThat(first).isEqualTo(day + "T12:00:00Z");
		assertThat(second).isEqualTo(day + "T00:00:00Z");
	}

	// ---------------------------------------------------------------- helpers

	private ZoneOffsetTransition nextTransition(ZoneId zone, boolean gap) {
		Instant from = applicationClock().instant().plusSeconds(2 * 86_400);
		for (int i = 0; i < 4; i++) {
			ZoneOffsetTransition transition = zone.getRules().nextTransition(from);
			if (transition.isGap() == gap) {
				return transition;
			}
			from = transition.getInstant();
		}
		throw new IllegalStateException("no transition in " + zone);
	}

	private static List<String> instants(JsonNode slots) {
		List<String> starts = new ArrayList<>();
		slots.forEach((slot) -> starts.add(slot.get("start").asString()));
		return starts;
	}

	private Clinic clinic(String timezone) {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		Response registered = this.api.post("/api/v1/auth/register")
			.json(Map.of("tenantName", "Clínica " + unique, "tenantSlug", "slots-" + unique, "timezone", timezone,
					"name", "Admin " + unique, "email", "admin-" + unique + "@clinic.test", "password",
					"correct-horse-" + unique))
			.send();
		assertThat(registered.status()).as(registered.text()).isEqualTo(201);
		return new Clinic(new Session(registered.json(), "correct-horse-" + unique), ZoneId.of(timezone));
	}

	/** A clinic in a time zone, with its administrator. */
	private final class Clinic {

		private final Session admin;

		private final ZoneId zone;

		Clinic(Session admin, ZoneId zone) {
			this.admin = admin;
			this.zone = zone;
		}

		Session admin() {
			return this.admin;
		}

		ZoneId zone() {
			return this.zone;
		}

		LocalDate today() {
			return LocalDate.ofInstant(applicationClock().instant(), this.zone);
		}

		/**
		 * A doctor with 30-minute slots and a 60-minute type, working these hours daily.
		 */
		String doctor(String... startEnd) {
			Map<String, Object> doctor = with(SchedulingFixtures.doctor("Dra. Slots"), "slotMinutes", 30);
			doctor.remove("registration");
			doctor.put("appointmentTypes", List.of(Map.of("code", "long", "name", "Consulta longa", "minutes", 60)));
			String id = createdId(SlotsApiTests.this.api, this.admin, "doctors", doctor);
			schedule("doctors", id, startEnd);
			return id;
		}

		void schedule(String collection, String id, String... startEnd) {
			SchedulingFixtures.everyDay(SlotsApiTests.this.api, this.admin, collection, id, startEnd);
		}

		String patient(String name) {
			return createdId(SlotsApiTests.this.api, this.admin, "patients", PatientFixtures.patient(name));
		}

		Response book(String doctor, String start, String type) {
			Map<String, Object> request = new java.util.HashMap<>(
					Map.of("patientId", patient("Paciente " + UUID.randomUUID()), "doctorId", doctor, "start", start));
			if (type != null) {
				request.put("type", type);
			}
			return SlotsApiTests.this.api.post("/api/v1/appointments")
				.bearer(this.admin.accessToken())
				.json(request)
				.send();
		}

		JsonNode doctorSlots(String doctor, LocalDate date, String type) {
			Response response = get(
					"/api/v1/doctors/" + doctor + "/slots?date=" + date + ((type != null) ? "&type=" + type : ""));
			assertThat(response.status()).as(response.text()).isEqualTo(200);
			return response.json();
		}

		Response get(String path) {
			return SlotsApiTests.this.api.get(path).bearer(this.admin.accessToken()).send();
		}

		String at(LocalDate date, String localTime) {
			return date.atTime(LocalTime.parse(localTime)).atZone(this.zone).toInstant().toString();
		}

		List<String> localStarts(JsonNode slots) {
			List<String> starts = new ArrayList<>();
			slots.get("slots")
				.forEach((slot) -> starts
					.add(LocalTime.ofInstant(Instant.parse(slot.get("start").asString()), this.zone).toString()));
			return starts;
		}

	}

}
