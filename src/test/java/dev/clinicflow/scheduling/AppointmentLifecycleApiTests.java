package dev.clinicflow.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.clinicflow.Api.Response;
import dev.clinicflow.Api.Session;
import dev.clinicflow.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every step the lifecycle does not allow, tried over HTTP from every status: each is
 * refused with 409 naming the current status, and changes nothing.
 */
class AppointmentLifecycleApiTests extends ApiTest {

	/** The actions of the API, and the statuses from which each one is allowed. */
	private static final Map<String, Set<String>> ALLOWED_FROM = Map.of("confirm", Set.of("SCHEDULED"), "check-in",
			Set.of("SCHEDULED", "CONFIRMED"), "complete", Set.of("CHECKED_IN"), "cancel",
			Set.of("SCHEDULED", "CONFIRMED"), "no-show", Set.of("SCHEDULED", "CONFIRMED"), "reschedule",
			Set.of("SCHEDULED", "CONFIRMED"));

	@Test
	void everyStepTheLifecycleForbidsIsRefusedNamingTheCurrentStatus() {
		Session admin = this.api.registerTenant();
		LocalDate day = LocalDate.now(applicationClock()).plusDays(7);
		FrontDesk desk = new FrontDesk(this.api, admin, day);
		String doctor = desk.doctor();
		List<String> patients = desk.patients("Paciente Ciclo", 6);
		Map<String, String> byStatus = new LinkedHashMap<>();
		byStatus.put("SCHEDULED", desk.booked(patients.get(0), doctor, "09:00"));
		byStatus.put("CONFIRMED", desk.booked(patients.get(1), doctor, "09:30"));
		byStatus.put("CHECKED_IN", desk.booked(patients.get(2), doctor, "10:00"));
		byStatus.put("COMPLETED", desk.booked(patients.get(3), doctor, "10:30"));
		byStatus.put("CANCELLED", desk.booked(patients.get(4), doctor, "11:00"));
		byStatus.put("NO_SHOW", desk.booked(patients.get(5), doctor, "11:30"));
		step(desk, admin, byStatus.get("CONFIRMED"), "confirm");
		step(desk, admin, byStatus.get("CHECKED_IN"), "check-in");
		step(desk, admin, byStatus.get("COMPLETED"), "check-in");
		step(desk, admin, byStatus.get("COMPLETED"), "complete");
		step(desk, admin, byStatus.get("CANCELLED"), "cancel");
		// a patient can only miss an appointment once it has started
		this.clock.advance(Duration.between(applicationClock().instant(), Instant.parse(desk.at("12:00"))));
		// the access token expired meanwhile
		Session later = login(admin);
		step(desk, later, byStatus.get("NO_SHOW"), "no-show");
		String tomorrow = desk.at(day.plusDays(1), "10:00");

		int refused = 0;
		for (Map.Entry<String, String> appointment : byStatus.entrySet()) {
			String status = appointment.getKey();
			assertThat(desk.get(later, appointment.getValue()).get("status").asString()).isEqualTo(status);
			for (Map.Entry<String, Set<String>> action : ALLOWED_FROM.entrySet()) {
				if (action.getValue().contains(status)) {
					continue;
				}
				Map<String, Object> body = action.getKey().equals("reschedule") ? Map.of("start", tomorrow) : Map.of();
				Response response = desk.act(later, appointment.getValue(), action.getKey(), body);
				assertThat(response.status()).as("%s from %s: %s", action.getKey(), status, response.text())
					.isEqualTo(409);
				assertThat(response.code()).isEqualTo("invalid_transition");
				assertThat(response.json().get("currentStatus").asString()).isEqualTo(status);
				assertThat(desk.get(later, appointment.getValue()).get("status").asString()).isEqualTo(status);
				refused++;
			}
		}
		assertThat(refused).as("forbidden steps tried").isEqualTo(26);
	}

	private Session login(Session session) {
		Response login = this.api.post("/api/v1/auth/login")
			.json(Map.of("email", session.email(), "password", session.password()))
			.send();
		assertThat(login.status()).as(login.text()).isEqualTo(200);
		return new Session(login.json(), session.password());
	}

	private static void step(FrontDesk desk, Session session, String appointmentId, String action) {
		Response response = desk.act(session, appointmentId, action, Map.of());
		assertThat(response.status()).as("%s: %s", action, response.text()).isEqualTo(200);
	}

}
