package dev.clinicflow.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
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
import static org.awaitility.Awaitility.await;

class AppointmentsApiTests extends ApiTest {

	private Session admin;

	private FrontDesk desk;

	/** A day next week, when the doctor works 08:00-18:00. */
	private LocalDate day;

	@BeforeEach
	void clinic() {
		this.admin = this.api.registerTenant();
		this.day = LocalDate.now(applicationClock()).plusDays(7);
		this.desk = new FrontDesk(this.api, this.admin, this.day);
	}

	@Test
	void aBookedSlotCannotBeBookedAgainUntilItIsCancelled() {
		String doctor = doctor();
		String ana = patient("Ana Reserva");
		String bia = patient("Bia Espera");

		Response booked = book(Map.of("patientId", ana, "doctorId", doctor, "start", at("10:00")));
		assertThat(booked.status()).as(booked.text()).isEqualTo(201);
		JsonNode appointment = booked.json();
		assertThat(appointment.get("kind").asString()).isEqualTo("CLINIC_VISIT");
		assertThat(appointment.get("status").asString()).isEqualTo("SCHEDULED");
		assertThat(appointment.get("end").asString()).isEqualTo(at("10:30"));
		assertThat(appointment.get("confirmation").get("status").asString()).isEqualTo("PENDING");
		assertThat(booked.header("Location")).endsWith("/api/v1/appointments/" + appointment.get("id").asString());

		Response taken = book(Map.of("patientId", bia, "doctorId", doctor, "start", at("10:00")));
		assertThat(taken.status()).isEqualTo(409);
		assertThat(taken.json().get("code").asString()).isEqualTo("slot_taken");
		assertThat(taken.json().get("conflictingAppointmentId").asString()).isEqualTo(appointment.get("id").asString());

		// a longer type that would overlap the booked slot is refused too
		Response overlapping = book(Map.of("patientId", bia, "doctorId", doctor, "start", at("09:30"), "type", "long"));
		assertThat(overlapping.status()).isEqualTo(409);

		Response cancelled = patch(appointment.get("id").asString(), "cancel", Map.of("reason", "viagem"));
		assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
		assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
		assertThat(cancelled.json().get("cancellation").get("reason").asString()).isEqualTo("viagem");
		assertThat(book(Map.of("patientId", bia, "doctorId", doctor, "start", at("10:00"))).status()).isEqualTo(201);
	}

	@Test
	void aPatientCannotBeInTwoPlacesAtOnce() {
		String first = doctor();
		String second = doctor();
		String ana = patient("Ana Ocupada");
		String booked = createdId(this.api, this.admin, "appointments",
				Map.of("patientId", ana, "doctorId", first, "start", at("14:00")));

		Response busy = book(Map.of("patientId", ana, "doctorId", second, "start", at("14:00")));
		assertThat(busy.status()).isEqualTo(409);
		assertThat(busy.json().get("code").asString()).isEqualTo("patient_busy");
		assertThat(busy.json().get("conflictingAppointmentId").asString()).isEqualTo(booked);
		assertThat(book(Map.of("patientId", ana, "doctorId", second, "start", at("14:30"))).status()).isEqualTo(201);
	}

	@Test
	void aHomeVisitKeepsTheAddressAndAFullWindowIsNamedUntilAPlaceIsFreed() {
		String zoneId = createdId(this.api, this.admin, "zones", SchedulingFixtures.zone("Centro"));
		String car = createdId(this.api, this.admin, "cars",
				with(SchedulingFixtures.car("Carro 1", List.of(zoneId)), "capacityPerWindow", 2));
		putSchedule("cars", car, "07:00", "08:00");
		for (int i = 0; i < 2; i++) {
			Response visit = book(Map.of("patientId", patient("Coleta " + i), "carId", car, "start", at("07:00"),
					"exams", List.of("hemograma")));
			assertThat(visit.status()).as(visit.text()).isEqualTo(201);
		}

		String waiting = patient("Coleta Tardia");
		Response full = book(Map.of("patientId", waiting, "carId", car, "start", at("07:00")));
		assertThat(full.status()).isEqualTo(409);
		assertThat(full.json().get("code").asString()).isEqualTo("window_full");
		assertThat(full.json().get("carId").asString()).isEqualTo(car);

		JsonNode visits = this.api.get("/api/v1/appointments?carId=" + car)
			.bearer(this.admin.accessToken())
			.send()
			.json()
			.get("items");
		assertThat(visits).hasSize(2);
		JsonNode visit = visits.get(0);
		assertThat(visit.get("kind").asString()).isEqualTo("HOME_COLLECTION");
		assertThat(visit.get("end").asString()).isEqualTo(at("08:00"));
		assertThat(visit.get("address").get("city").asString()).isEqualTo("São Paulo");
		assertThat(visit.get("zoneId").asString()).isEqualTo(zoneId);
		assertThat(SchedulingFixtures.strings(visit.get("exams"))).containsExactly("hemograma");

		assertThat(patch(visit.get("id").asString(), "cancel", Map.of()).status()).isEqualTo(200);
		assertThat(book(Map.of("patientId", waiting, "carId", car, "start", at("07:00"))).status()).isEqualTo(201);
	}

	@Test
	void homeVisitsNeedAnAddressInsideTheCarsZones() {
		String zoneId = createdId(this.api, this.admin, "zones",
				with(with(with(SchedulingFixtures.zone("Campinas"), "cities", List.of("Campinas")), "neighborhoods",
						List.of("Cambuí")), "center", Map.of("lat", -22.9056, "lon", -47.0608)));
		String car = createdId(this.api, this.admin, "cars", SchedulingFixtures.car("Carro Campinas", List.of(zoneId)));
		putSchedule("cars", car, "07:00", "08:00");
		String paulistano = patient("Morador de São Paulo");

		Response outside = book(Map.of("patientId", paulistano, "carId", car, "start", at("07:00")));
		assertThat(outside.status()).isEqualTo(400);
		assertThat(fields(outside)).containsExactly("patientId");
		assertThat(outside.text()).contains("outside the zones");
	}

	@Test
	void aZoneOfCentreAndRadiusOnlyTakesTheAddressesWithinItsReach() {
		// the fixture patient lives at -23.5531, -46.6544 (Consolação, São Paulo)
		String near = createdId(this.api, this.admin, "zones",
				Map.of("name", "Raio Paulista", "center", Map.of("lat", -23.5613, "lon", -46.6565), "radiusKm", 2.0));
		String far = createdId(this.api, this.admin, "zones",
				Map.of("name", "Raio Santos", "center", Map.of("lat", -23.9608, "lon", -46.3336), "radiusKm", 10.0));
		String nearCar = createdId(this.api, this.admin, "cars", SchedulingFixtures.car("Carro Raio", List.of(near)));
		String farCar = createdId(this.api, this.admin, "cars",
				with(SchedulingFixtures.car("Carro Litoral", List.of(far)), "plate", "LIT1A23"));
		putSchedule("cars", nearCar, "07:00", "08:00");
		putSchedule("cars", farCar, "07:00", "08:00");
		String patient = patient("Moradora da Consolação");

		Response visit = book(Map.of("patientId", patient, "carId", nearCar, "start", at("07:00")));
		assertThat(visit.status()).as(visit.text()).isEqualTo(201);
		assertThat(visit.json().get("zoneId").asString()).isEqualTo(near);
		Response outside = book(
				Map.of("patientId", patient("Outra da Consolação"), "carId", farCar, "start", at("07:00")));
		assertThat(outside.status()).isEqualTo(400);
		assertThat(fields(outside)).containsExactly("patientId");
	}

	@Test
	void aHomeVisitMovesOnlyIntoAWindowWithAPlaceLeft() {
		String zoneId = createdId(this.api, this.admin, "zones", SchedulingFixtures.zone("Centro"));
		String car = createdId(this.api, this.admin, "cars",
				with(SchedulingFixtures.car("Carro Remarcado", List.of(zoneId)), "capacityPerWindow", 1));
		SchedulingFixtures.everyDay(this.api, this.admin, "cars", car, "07:00", "08:00", "08:00", "09:00");
		String early = createdId(this.api, this.admin, "appointments",
				Map.of("patientId", patient("Coleta Cedo"), "carId", car, "start", at("07:00")));
		String late = createdId(this.api, this.admin, "appointments",
				Map.of("patientId", patient("Coleta Tarde"), "carId", car, "start", at("08:00")));

		Response refused = patch(early, "reschedule", Map.of("start", at("08:00")));
		assertThat(refused.status()).as(refused.text()).isEqualTo(409);
		assertThat(refused.code()).isEqualTo("window_full");
		assertThat(get(early).get("start").asString()).isEqualTo(at("07:00"));

		assertThat(patch(late, "cancel", Map.of()).status()).isEqualTo(200);
		Response moved = patch(early, "reschedule", Map.of("start", at("08:00")));
		assertThat(moved.status()).as(moved.text()).isEqualTo(200);
		assertThat(moved.json().get("end").asString()).isEqualTo(at("09:00"));
		assertThat(book(Map.of("patientId", patient("Coleta Nova"), "carId", car, "start", at("07:00"))).status())
			.isEqualTo(201);
	}

	@Test
	void theLifecycleMovesForwardOnlyAndFeedsThePatientsAnalytics() {
		String doctor = doctor();
		String ana = patient("Ana Ciclo");
		String id = createdId(this.api, this.admin, "appointments",
				Map.of("patientId", ana, "doctorId", doctor, "start", at("09:00")));

		Response early = patch(id, "complete", null);
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.json().get("code").asString()).isEqualTo("invalid_transition");
		assertThat(early.json().get("currentStatus").asString()).isEqualTo("SCHEDULED");
		assertThat(patch(id, "no-show", null).json().get("code").asString()).isEqualTo("not_started");

		assertThat(patch(id, "confirm", null).json().get("confirmation").get("status").asString())
			.isEqualTo("CONFIRMED");
		assertThat(patch(id, "check-in", null).json().get("status").asString()).isEqualTo("CHECKED_IN");
		assertThat(patch(id, "cancel", null).json().get("currentStatus").asString()).isEqualTo("CHECKED_IN");
		assertThat(patch(id, "complete", null).json().get("status").asString()).isEqualTo("COMPLETED");

		String missed = createdId(this.api, this.admin, "appointments",
				Map.of("patientId", ana, "doctorId", doctor, "start", at("15:00")));
		String next = createdId(this.api, this.admin, "appointments", Map.of("patientId", ana, "doctorId", doctor,
				"start", this.day.plusDays(1).atTime(LocalTime.of(9, 0)).atZone(zone()).toInstant().toString()));
		this.clock.advance(Duration.between(applicationClock().instant(), Instant.parse(at("15:10"))));
		// the access token expired meanwhile
		Response login = this.api.post("/api/v1/auth/login")
			.json(Map.of("email", this.admin.email(), "password", this.admin.password()))
			.send();
		this.admin = new Session(login.json(), this.admin.password());
		assertThat(patch(missed, "no-show", null).json().get("status").asString()).isEqualTo("NO_SHOW");

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			JsonNode analytics = this.api.get("/api/v1/patients/" + ana)
				.bearer(this.admin.accessToken())
				.send()
				.json()
				.get("analytics");
			assertThat(analytics.get("totalAppointments").asInt()).isEqualTo(3);
			assertThat(analytics.get("completed").asInt()).isEqualTo(1);
			assertThat(analytics.get("noShows").asInt()).isEqualTo(1);
			assertThat(analytics.get("noShowRate").decimalValue()).isEqualByComparingTo("0.5");
			assertThat(analytics.get("lastVisitAt").asString()).isEqualTo(at("09:00"));
			assertThat(Instant.parse(analytics.get("nextAppointmentAt").asString()))
				.isEqualTo(this.day.plusDays(1).atTime(9, 0).atZone(zone()).toInstant());
		});
		JsonNode profile = this.api.get("/api/v1/patients/" + ana + "/profile")
			.bearer(this.admin.accessToken())
			.send()
			.json();
		assertThat(profile.toString()).contains(next);
	}

	@Test
	void reschedulingTakesTheNewSlotAndFreesTheOldOneOrChangesNothing() {
		String doctor = doctor();
		String ana = patient("Ana Remarca");
		String bia = patient("Bia Fixa");
		String id = createdId(this.api, this.admin, "appointments",
				Map.of("patientId", ana, "doctorId", doctor, "start", at("10:00")));
		createdId(this.api, this.admin, "appointments",
				Map.of("patientId", bia, "doctorId", doctor, "start", at("11:00")));

		Response taken = patch(id, "reschedule", Map.of("start", at("11:00")));
		assertThat(taken.status()).isEqualTo(409);
		assertThat(taken.json().get("code").asString()).isEqualTo("slot_taken");
		assertThat(get(id).get("start").asString()).isEqualTo(at("10:00"));

		Response moved = patch(id, "reschedule", Map.of("start", at("12:00")));
		assertThat(moved.status()).as(moved.text()).isEqualTo(200);
		assertThat(moved.json().get("start").asString()).isEqualTo(at("12:00"));
		assertThat(moved.json().get("rescheduledFrom").asString()).isEqualTo(at("10:00"));
		assertThat(book(Map.of("patientId", bia, "doctorId", doctor, "start", at("10:00"))).status()).isEqualTo(201);
	}

	@Test
	void badBookingsAreRefusedNamingTheField() {
		String doctor = doctor();
		String ana = patient("Ana Erros");
		assertThat(fields(book(Map.of("patientId", ana, "start", at("10:00"))))).containsExactly("doctorId");
		assertThat(fields(book(Map.of("patientId", ana, "doctorId", doctor, "carId", doctor, "start", at("10:00")))))
			.containsExactly("carId");
		assertThat(fields(book(Map.of("patientId", ana, "doctorId", doctor, "start", at("10:10")))))
			.containsExactly("start");
		assertThat(fields(book(Map.of("patientId", ana, "doctorId", doctor, "start", at("20:00")))))
			.containsExactly("start");
		assertThat(fields(book(
				Map.of("patientId", java.util.UUID.randomUUID().toString(), "doctorId", doctor, "start", at("10:00")))))
			.containsExactly("patientId");
		assertThat(fields(book(Map.of("patientId", ana, "doctorId", doctor, "start", "tomorrow"))))
			.containsExactly("start");
		assertThat(fields(book(Map.of("doctorId", doctor, "start", at("10:00"))))).containsExactly("patientId");
		String past = LocalDate.now(applicationClock())
			.minusDays(1)
			.atTime(10, 0)
			.atZone(zone())
			.toInstant()
			.toString();
		assertThat(fields(book(Map.of("patientId", ana, "doctorId", doctor, "start", past)))).containsExactly("start");
	}

	@Test
	void patientsBookSeeAndCancelOnlyTheirOwnAppointmentsBeforeTheCutoff() {
		String doctor = doctor();
		Session patient = SchedulingFixtures.patient(this.api, this.admin);
		JsonNode me = await().atMost(Duration.ofSeconds(20))
			.until(() -> this.api.get("/api/v1/patients/me").bearer(patient.accessToken()).send(),
					(response) -> response.status() == 200)
			.json();
		String mine = me.get("id").asString();
		String other = patient("Outra Pessoa");

		Response own = this.api.post("/api/v1/appointments")
			.bearer(patient.accessToken())
			.json(Map.of("patientId", mine, "doctorId", doctor, "start", at("10:00")))
			.send();
		assertThat(own.status()).as(own.text()).isEqualTo(201);
		assertThat(this.api.post("/api/v1/appointments")
			.bearer(patient.accessToken())
			.json(Map.of("patientId", other, "doctorId", doctor, "start", at("11:00")))
			.send()
			.status()).isEqualTo(403);
		String others = createdId(this.api, this.admin, "appointments",
				Map.of("patientId", other, "doctorId", doctor, "start", at("11:00")));
		assertThat(this.api.get("/api/v1/appointments/" + others).bearer(patient.accessToken()).send().status())
			.isEqualTo(403);
		JsonNode listed = this.api.get("/api/v1/appointments").bearer(patient.accessToken()).send().json().get("items");
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).get("patientId").asString()).isEqualTo(mine);

		// the clinic lets patients cancel online until 8 days before: too late for next
		// week
		assertThat(this.api.put("/api/v1/scheduling/settings")
			.bearer(this.admin.accessToken())
			.json(Map.of("patientCancellationCutoffMinutes", 8 * 24 * 60))
			.send()
			.status()).isEqualTo(200);
		Response late = this.api.patch("/api/v1/appointments/" + own.json().get("id").asString() + "/cancel")
			.bearer(patient.accessToken())
			.json(Map.of("reason", "não posso"))
			.send();
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.json().get("code").asString()).isEqualTo("cancellation_cutoff");
		this.api.put("/api/v1/scheduling/settings")
			.bearer(this.admin.accessToken())
			.json(Map.of("patientCancellationCutoffMinutes", 60))
			.send();
		assertThat(this.api.patch("/api/v1/appointments/" + own.json().get("id").asString() + "/cancel")
			.bearer(patient.accessToken())
			.json(Map.of("reason", "não posso"))
			.send()
			.status()).isEqualTo(200);
		assertThat(this.api.patch("/api/v1/appointments/" + others + "/cancel")
			.bearer(patient.accessToken())
			.json(Map.of())
			.send()
			.status()).isEqualTo(403);
	}

	@Test
	void appointmentsOfAnotherClinicDoNotExist() {
		String doctor = doctor();
		String ana = patient("Ana Isolada");
		String id = createdId(this.api, this.admin, "appointments",
				Map.of("patientId", ana, "doctorId", doctor, "start", at("10:00")));
		Session other = this.api.registerTenant();
		assertThat(this.api.get("/api/v1/appointments/" + id).bearer(other.accessToken()).send().status())
			.isEqualTo(404);
		for (String action : List.of("cancel", "confirm", "check-in", "complete", "no-show")) {
			assertThat(this.api.patch("/api/v1/appointments/" + id + "/" + action)
				.bearer(other.accessToken())
				.json(Map.of())
				.send()
				.status()).as(action).isEqualTo(404);
		}
		assertThat(this.api.patch("/api/v1/appointments/" + id + "/reschedule")
			.bearer(other.accessToken())
			.json(Map.of("start", at("12:00")))
			.send()
			.status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/appointments").bearer(other.accessToken()).send().json().get("items"))
			.isEmpty();
		assertThat(get(id).get("status").asString()).isEqualTo("SCHEDULED");
		assertThat(get(id).get("start").asString()).isEqualTo(at("10:00"));

		// named in a booking, another clinic's patient or doctor is refused exactly as an
		// id that does not exist
		FrontDesk theirs = new FrontDesk(this.api, other, this.day);
		String theirDoctor = theirs.doctor();
		String theirPatient = createdId(this.api, other, "patients", PatientFixtures.patient("Bia Vizinha"));
		Response ourPatient = bookAs(other,
				Map.of("patientId", ana, "doctorId", theirDoctor, "start", theirs.at("11:00")));
		Response noPatient = bookAs(other, Map.of("patientId", java.util.UUID.randomUUID().toString(), "doctorId",
				theirDoctor, "start", theirs.at("11:00")));
		assertThat(ourPatient.status()).isEqualTo(400);
		assertThat(fields(ourPatient)).containsExactly("patientId");
		assertThat(ourPatient.json().get("errors")).isEqualTo(noPatient.json().get("errors"));
		Response ourDoctor = bookAs(other, Map.of("patientId", theirPatient, "doctorId", doctor, "start", at("11:00")));
		Response noDoctor = bookAs(other, Map.of("patientId", theirPatient, "doctorId",
				java.util.UUID.randomUUID().toString(), "start", at("11:00")));
		assertThat(ourDoctor.status()).isEqualTo(400);
		assertThat(fields(ourDoctor)).containsExactly("doctorId");
		assertThat(ourDoctor.json().get("errors")).isEqualTo(noDoctor.json().get("errors"));
		assertThat(this.api.get("/api/v1/appointments").bearer(other.accessToken()).send().json().get("items"))
			.isEmpty();
	}

	@Test
	void deletedAndMergedPatientsCannotBeBooked() {
		String doctor = doctor();
		String deleted = patient("Ana Apagada");
		assertThat(this.api.delete("/api/v1/patients/" + deleted).bearer(this.admin.accessToken()).send().status())
			.isEqualTo(204);
		Response refused = book(Map.of("patientId", deleted, "doctorId", doctor, "start", at("10:00")));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(fields(refused)).containsExactly("patientId");

		String target = patient("Bia Mantida");
		Map<String, Object> duplicate = new java.util.LinkedHashMap<>(PatientFixtures.patient("Bia Fundida"));
		duplicate.remove("cpf");
		String source = createdId(this.api, this.admin, "patients", duplicate);
		Response merged = merge(target, source);
		assertThat(merged.status()).as(merged.text()).isEqualTo(200);
		Response intoTarget = book(Map.of("patientId", source, "doctorId", doctor, "start", at("10:00")));
		assertThat(intoTarget.status()).isEqualTo(400);
		assertThat(fields(intoTarget)).containsExactly("patientId");
		assertThat(intoTarget.text()).contains(target);
		assertThat(book(Map.of("patientId", target, "doctorId", doctor, "start", at("10:00"))).status()).isEqualTo(201);
	}

	@Test
	void mergingPatientsMovesTheirAppointmentsUnlessBothHoldTheSameTime() {
		String doctor = doctor();
		String target = patient("Ana Principal");
		Map<String, Object> duplicate = new java.util.LinkedHashMap<>(PatientFixtures.patient("Ana Duplicada"));
		duplicate.remove("cpf");
		String source = createdId(this.api, this.admin, "patients", duplicate);
		String sourceVisit = createdId(this.api, this.admin, "appointments",
				Map.of("patientId", source, "doctorId", doctor, "start", at("09:00")));
		String targetVisit = createdId(this.api, this.admin, "appointments",
				Map.of("patientId", target, "doctorId", doctor(), "start", at("09:00")));

		Response refused = merge(target, source);
		assertThat(refused.status()).as(refused.text()).isEqualTo(409);
		assertThat(refused.json().get("code").asString()).isEqualTo("appointments_overlap");
		assertThat(refused.json().get("sourceAppointmentId").asString()).isEqualTo(sourceVisit);
		assertThat(refused.json().get("targetAppointmentId").asString()).isEqualTo(targetVisit);
		assertThat(get(sourceVisit).get("patientId").asString()).isEqualTo(source);

		assertThat(patch(targetVisit, "cancel", Map.of("reason", "duplicada")).status()).isEqualTo(200);
		Response merged = merge(target, source);
		assertThat(merged.status()).as(merged.text()).isEqualTo(200);
		assertThat(get(sourceVisit).get("patientId").asString()).isEqualTo(target);
	}

	@Test
	void driversSeeAndWorkTheVisitsOfTheirOwnCarOnly() {
		Session driver = this.api.createUser(this.admin, "DRIVER");
		String zoneId = createdId(this.api, this.admin, "zones", SchedulingFixtures.zone("Centro"));
		Map<String, Object> driven = SchedulingFixtures.car("Carro do Motorista", List.of(zoneId));
		driven.put("driver",
				Map.of("userId", driver.userId().toString(), "name", "Motorista", "phone", "+5511988887777"));
		String car = createdId(this.api, this.admin, "cars", driven);
		String other = createdId(this.api, this.admin, "cars",
				with(SchedulingFixtures.car("Outro Carro", List.of(zoneId)), "plate", "OUT9Z99"));
		putSchedule("cars", car, "07:00", "08:00");
		putSchedule("cars", other, "07:00", "08:00");
		String mine = createdId(this.api, this.admin, "appointments",
				Map.of("patientId", patient("Coleta Minha"), "carId", car, "start", at("07:00")));
		String theirs = createdId(this.api, this.admin, "appointments",
				Map.of("patientId", patient("Coleta Outra"), "carId", other, "start", at("07:00")));

		JsonNode listed = this.api.get("/api/v1/appointments").bearer(driver.accessToken()).send().json().get("items");
		assertThat(listed.findValuesAsString("id")).containsExactly(mine);
		assertThat(this.api.get("/api/v1/appointments/" + theirs).bearer(driver.accessToken()).send().status())
			.isEqualTo(403);
		assertThat(this.api.patch("/api/v1/appointments/" + mine + "/check-in")
			.bearer(driver.accessToken())
			.send()
			.status()).isEqualTo(200);
		assertThat(this.api.patch("/api/v1/appointments/" + theirs + "/check-in")
			.bearer(driver.accessToken())
			.send()
			.status()).isEqualTo(403);
		assertThat(this.api.patch("/api/v1/appointments/" + mine + "/cancel")
			.bearer(driver.accessToken())
			.json(Map.of())
			.send()
			.status()).isEqualTo(403);
	}

	// ---------------------------------------------------------------- helpers

	private Response merge(String target, String source) {
		return this.api.post("/api/v1/patients/" + target + "/merge")
			.bearer(this.admin.accessToken())
			.json(Map.of("sourceId", source))
			.send();
	}

	private String doctor() {
		return this.desk.doctor();
	}

	private void putSchedule(String collection, String id, String start, String end) {
		this.desk.schedule(collection, id, start, end);
	}

	private String patient(String name) {
		return createdId(this.api, this.admin, "patients", PatientFixtures.patient(name));
	}

	private ZoneId zone() {
		return this.desk.zone();
	}

	/** An instant on the test day, at a local time of the clinic. */
	private String at(String localTime) {
		return this.desk.at(localTime);
	}

	private Response book(Map<String, Object> request) {
		return bookAs(this.admin, request);
	}

	private Response bookAs(Session session, Map<String, Object> request) {
		return this.api.post("/api/v1/appointments").bearer(session.accessToken()).json(request).send();
	}

	private Response patch(String id, String action, Map<String, Object> body) {
		var call = this.api.patch("/api/v1/appointments/" + id + "/" + action).bearer(this.admin.accessToken());
		return (body != null) ? call.json(body).send() : call.send();
	}

	private JsonNode get(String id) {
		return this.api.get("/api/v1/appointments/" + id).bearer(this.admin.accessToken()).send().json();
	}

}
