package dev.clinicflow.scheduling;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.clinicflow.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document lists every scheduling operation with the errors it can answer.
 */
class SchedulingApiDocumentTests extends ApiTest {

	private static final Map<String, List<String>> OPERATIONS = Map.ofEntries(
			Map.entry("/api/v1/doctors", List.of("get", "post")),
			Map.entry("/api/v1/doctors/{id}", List.of("get", "patch")),
			Map.entry("/api/v1/doctors/{id}/schedule", List.of("get", "put")),
			Map.entry("/api/v1/doctors/{id}/time-off", List.of("get", "post")),
			Map.entry("/api/v1/doctors/{id}/time-off/{timeOffId}", List.of("delete")),
			Map.entry("/api/v1/zones", List.of("get", "post")),
			Map.entry("/api/v1/zones/{id}", List.of("get", "patch")), Map.entry("/api/v1/cars", List.of("get", "post")),
			Map.entry("/api/v1/cars/{id}", List.of("get", "patch")),
			Map.entry("/api/v1/cars/{id}/schedule", List.of("get", "put")),
			Map.entry("/api/v1/cars/{id}/time-off", List.of("get", "post")),
			Map.entry("/api/v1/cars/{id}/time-off/{timeOffId}", List.of("delete")),
			Map.entry("/api/v1/holidays", List.of("get", "post")),
			Map.entry("/api/v1/holidays/{id}", List.of("delete")),
			Map.entry("/api/v1/doctors/{id}/slots", List.of("get")),
			Map.entry("/api/v1/cars/{id}/slots", List.of("get")), Map.entry("/api/v1/availability", List.of("get")),
			Map.entry("/api/v1/scheduling/settings", List.of("get", "put")),
			Map.entry("/api/v1/appointments", List.of("get", "post")),
			Map.entry("/api/v1/appointments/series", List.of("post")),
			Map.entry("/api/v1/appointments/{id}", List.of("get")),
			Map.entry("/api/v1/appointments/{id}/confirm", List.of("patch")),
			Map.entry("/api/v1/appointments/{id}/check-in", List.of("patch")),
			Map.entry("/api/v1/appointments/{id}/complete", List.of("patch")),
			Map.entry("/api/v1/appointments/{id}/cancel", List.of("patch")),
			Map.entry("/api/v1/appointments/{id}/no-show", List.of("patch")),
			Map.entry("/api/v1/appointments/{id}/reschedule", List.of("patch")),
			Map.entry("/api/v1/appointments/stats", List.of("get")),
			Map.entry("/api/v1/appointments/stats/doctor/{id}", List.of("get")),
			Map.entry("/api/v1/dashboard/appointments", List.of("get")),
			Map.entry("/api/v1/doctors/{id}/calendar-feed", List.of("post", "delete")));

	@Test
	void everySchedulingOperationIsDocumentedWithItsErrors() {
		JsonNode paths = this.api.get("/v3/api-docs").send().json().get("paths");

		OPERATIONS.forEach((path, methods) -> {
			assertThat(paths.has(path)).as(path).isTrue();
			for (String method : methods) {
				JsonNode operation = paths.get(path).get(method);
				JsonNode responses = operation.get("responses");
				assertThat(responses.propertyNames()).as(method + " " + path).contains("401", "403");
				if (operation.has("parameters") || operation.has("requestBody")) {
					assertThat(responses.propertyNames()).as(method + " " + path).contains("400");
				}
				if (path.contains("{")) {
					assertThat(responses.propertyNames()).as(method + " " + path).contains("404");
				}
			}
		});
		assertThat(paths.get("/api/v1/doctors/{id}").get("patch").get("responses").propertyNames()).contains("409",
				"412");
		assertThat(paths.get("/api/v1/zones").get("post").get("responses").get("409").get("description").asString())
			.contains("zone_name_taken");
		assertThat(
				paths.get("/api/v1/appointments").get("post").get("responses").get("409").get("description").asString())
			.contains("slot_taken", "patient_busy", "window_full");
		assertThat(paths.get("/api/v1/appointments/series")
			.get("post")
			.get("responses")
			.get("409")
			.get("description")
			.asString()).contains("series_conflict");
		assertThat(paths.get("/api/v1/appointments/{id}/cancel")
			.get("patch")
			.get("responses")
			.get("409")
			.get("description")
			.asString()).contains("invalid_transition", "cancellation_cutoff");
		JsonNode feed = paths.get("/api/v1/doctors/{id}/calendar.ics").get("get");
		assertThat(feed.get("responses").propertyNames()).contains("200", "404");
		assertThat(feed.get("responses").get("200").get("content").has("text/calendar")).isTrue();
		assertThat(paths.get("/api/v1/holidays").get("post").get("responses").get("409").get("description").asString())
			.contains("holiday_exists");
	}

}
