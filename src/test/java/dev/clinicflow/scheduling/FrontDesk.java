package dev.clinicflow.scheduling;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import tools.jackson.databind.JsonNode;

import dev.clinicflow.Api;
import dev.clinicflow.Api.Response;
import dev.clinicflow.Api.Session;
import dev.clinicflow.patients.PatientFixtures;

import static dev.clinicflow.scheduling.SchedulingFixtures.createdId;
import static dev.clinicflow.scheduling.SchedulingFixtures.with;

/**
 * The front desk of a new clinic in a test: doctors and cars that work every day,
 * patients, and the calls that book and move appointments on one day, at local times of
 * the clinic.
 */
final class FrontDesk {

	private final Api api;

	private final Session admin;

	private final LocalDate day;

	private ZoneId zone = ZoneId.of("America/Sao_Paulo");

	FrontDesk(Api api, Session admin, LocalDate day) {
		this.api = api;
		this.admin = admin;
		this.day = day;
	}

	/** A doctor with 30-minute slots and a 60-minute type "long", 08:00-18:00 daily. */
	String doctor() {
		Map<String, Object> doctor = with(SchedulingFixtures.doctor("Dra. Agenda"), "slotMinutes", 30);
		doctor.remove("registration");
		doctor.put("appointmentTypes", List.of(Map.of("code", "long", "name", "Consulta longa", "minutes", 60)));
		String id = createdId(this.api, this.admin, "doctors", doctor);
		schedule("doctors", id, "08:00", "18:00");
		return id;
	}

	/** A car serving central São Paulo with one window, 07:00-08:00 daily. */
	String car(int capacityPerWindow) {
		String zoneId = createdId(this.api, this.admin, "zones", SchedulingFixtures.zone("Centro"));
		String id = createdId(this.api, this.admin, "cars",
				with(SchedulingFixtures.car("Carro", List.of(zoneId)), "capacityPerWindow", capacityPerWindow));
		schedule("cars", id, "07:00", "08:00");
		return id;
	}

	/** Patients living in central São Paulo, created in one bulk request. */
	List<String> patients(String name, int count) {
		List<Map<String, Object>> items = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			items.add(PatientFixtures.patient(name + " " + i));
		}
		Response response = this.api.post("/api/v1/patients/bulk")
			.bearer(this.admin.accessToken())
			.json(Map.of("items", items))
			.send();
		if (response.status() != 200 || response.json().get("created").asInt() != count) {
			throw new IllegalStateException("bulk creation failed: " + response);
		}
		List<String> ids = new ArrayList<>();
		response.json().get("results").forEach((result) -> ids.add(result.get("id").asString()));
		return ids;
	}

	ZoneId zone() {
		return this.zone;
	}

	/** An instant of the test day, at a local time of the clinic. */
	String at(String localTime) {
		return at(this.day, localTime);
	}

	/** An instant of another day, at a local time of the clinic. */
	String at(LocalDate date, String localTime) {
		return date.atTime(LocalTime.parse(localTime)).atZone(this.zone).toInstant().toString();
	}

	Response book(String patientId, String resource, String resourceId, String localTime) {
		return this.api.post("/api/v1/appointments")
			.bearer(this.admin.accessToken())
			.json(Map.of("patientId", patientId, resource, resourceId, "start", at(localTime)))
			.send();
	}

	String booked(String patientId, String doctorId, String localTime) {
		Response response = book(patientId, "doctorId", doctorId, localTime);
		if (response.status() != 201) {
			throw new IllegalStateException("booking failed: " + response);
		}
		return response.json().get("id").asString();
	}

	Response act(Session session, String appointmentId, String action, Map<String, Object> body) {
		return this.api.patch("/api/v1/appointments/" + appointmentId + "/" + action)
			.bearer(session.accessToken())
			.json(body)
			.send();
	}

	JsonNode get(Session session, String appointmentId) {
		return this.api.get("/api/v1/appointments/" + appointmentId).bearer(session.accessToken()).send().json();
	}

	/**
	 * Gives a doctor or car the same intervals every day; instants follow its time zone.
	 */
	void schedule(String collection, String id, String start, String end) {
		JsonNode schedule = SchedulingFixtures.everyDay(this.api, this.admin, collection, id, start, end);
		this.zone = ZoneId.of(schedule.get("timezone").asString());
	}

	/**
	 * Sends requests from as many threads as there are requests, released at the same
	 * moment, and waits for every answer.
	 */
	static List<Response> together(List<Callable<Response>> requests) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(requests.size());
		try {
			List<Future<Response>> answers = new ArrayList<>();
			for (Callable<Response> request : requests) {
				answers.add(pool.submit(() -> {
					start.await();
					return request.call();
				}));
			}
			start.countDown();
			List<Response> responses = new ArrayList<>();
			for (Future<Response> answer : answers) {
				responses.add(answer.get());
			}
			return responses;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
