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
			Map.entry("/api/v1/holidays/{id}", List.of("delete")));

	@Test
	void everySchedulingOperationIsDocumentedWithItsErrors() {
		JsonNode paths = this.api.get("/v3/api-docs").send().json().get("paths");

		OPERATIONS.forEach((path, methods) -> {
			assertThat(paths.has(path)).as(path).isTrue();
			for (String method : methods) {
				JsonNode responses = paths.get(path).get(method).get("responses");
				assertThat(responses.propertyNames()).as(method + " " + path).contains("400", "401", "403");
				if (path.contains("{")) {
					assertThat(responses.propertyNames()).as(method + " " + path).contains("404");
				}
			}
		});
		assertThat(paths.get("/api/v1/doctors/{id}").get("patch").get("responses").propertyNames()).contains("409",
				"412");
		assertThat(paths.get("/api/v1/zones").get("post").get("responses").get("409").get("description").asString())
			.contains("zone_name_taken");
		assertThat(paths.get("/api/v1/holidays").get("post").get("responses").get("409").get("description").asString())
			.contains("holiday_exists");
	}

}
