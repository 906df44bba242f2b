package dev.clinicflow.scheduling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import dev.clinicflow.Api;
import dev.clinicflow.Api.Response;
import dev.clinicflow.Api.Session;

/**
 * Test data for scheduling: doctors, zones and cars as JSON maps, and the calls that
 * create them.
 */
final class SchedulingFixtures {

	private SchedulingFixtures() {
	}

	static Map<String, Object> doctor(String name) {
		Map<String, Object> doctor = new LinkedHashMap<>();
		doctor.put("name", name);
		doctor.put("specializations", List.of("Cardiology", "clinical-medicine"));
		doctor.put("registration", Map.of("council", "crm", "number", "12345", "state", "sp"));
		doctor.put("slotMinutes", 20);
		doctor.put("appointmentTypes",
				List.of(Map.of("code", "First-Visit", "name", "Primeira consulta", "minutes", 40),
						Map.of("code", "return", "name", "Retorno", "minutes", 20)));
		return doctor;
	}

	static Map<String, Object> zone(String name) {
		Map<String, Object> zone = new LinkedHashMap<>();
		zone.put("name", name);
		zone.put("neighborhoods", List.of("Consolação", "Bela Vista"));
		zone.put("cities", List.of("São Paulo"));
		zone.put("center", Map.of("lat", -23.55, "lon", -46.65));
		zone.put("radiusKm", 5.0);
		return zone;
	}

	static Map<String, Object> car(String name, List<String> zoneIds) {
		Map<String, Object> car = new LinkedHashMap<>();
		car.put("name", name);
		car.put("plate", "abc1d23");
		car.put("driver", new LinkedHashMap<>(Map.of("name", "João Motorista", "phone", "(11) 98765-4321")));
		car.put("capacityPerWindow", 4);
		car.put("zoneIds", new ArrayList<>(zoneIds));
		return car;
	}

	static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
		Map<String, Object> copy = new LinkedHashMap<>(map);
		copy.put(key, value);
		return copy;
	}

	static Response create(Api api, Session session, String collection, Object body) {
		return api.post("/api/v1/" + collection).bearer(session.accessToken()).json(body).send();
	}

	static String createdId(Api api, Session session, String collection, Object body) {
		Response response = create(api, session, collection, body);
		if (response.status() != 201) {
			throw new IllegalStateException("creation failed: " + response);
		}
		return response.json().get("id").asString();
	}

	/** Signs a patient up in the admin's clinic and returns the patient's session. */
	static Session patient(Api api, Session admin) {
		String password = "patient-password-" + UUID.randomUUID();
		Response signup = api.post("/api/v1/auth/patient/signup")
			.json(Map.of("tenant", admin.tenantSlug(), "name", "Paciente Agenda", "email",
					"patient-" + UUID.randomUUID() + "@mail.test", "phone", "(21) 99876-5432", "password", password))
			.send();
		if (signup.status() != 201) {
			throw new IllegalStateException("signup failed: " + signup);
		}
		return new Session(signup.json(), password);
	}

	/**
	 * Gives a doctor or car the same intervals every day of the week.
	 * @return the stored schedule
	 */
	static JsonNode everyDay(Api api, Session admin, String collection, String id, String... startEnd) {
		List<Map<String, String>> intervals = new ArrayList<>();
		for (int i = 0; i < startEnd.length; i += 2) {
			intervals.add(Map.of("start", startEnd[i], "end", startEnd[i + 1]));
		}
		List<Map<String, Object>> days = new ArrayList<>();
		for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
			days.add(Map.of("dayOfWeek", day.name(), "intervals", intervals));
		}
		Response response = api.put("/api/v1/" + collection + "/" + id + "/schedule")
			.bearer(admin.accessToken())
			.json(Map.of("days", days))
			.send();
		if (response.status() != 200) {
			throw new IllegalStateException("schedule not stored: " + response);
		}
		return response.json();
	}

	static List<String> fields(Response response) {
		List<String> fields = new ArrayList<>();
		for (JsonNode error : response.json().path("errors")) {
			fields.add(error.get("field").asString());
		}
		return fields;
	}

	static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((value) -> values.add(value.isString() ? value.asString() : value.get("id").asString()));
		return values;
	}

}
