package dev.clinicflow.scheduling;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.clinicflow.Api.Response;
import dev.clinicflow.Api.Session;
import dev.clinicflow.ApiTest;

import static dev.clinicflow.scheduling.SchedulingFixtures.car;
import static dev.clinicflow.scheduling.SchedulingFixtures.create;
import static dev.clinicflow.scheduling.SchedulingFixtures.createdId;
import static dev.clinicflow.scheduling.SchedulingFixtures.fields;
import static dev.clinicflow.scheduling.SchedulingFixtures.strings;
import static dev.clinicflow.scheduling.SchedulingFixtures.with;
import static dev.clinicflow.scheduling.SchedulingFixtures.zone;
import static org.assertj.core.api.Assertions.assertThat;

class ZonesAndCarsApiTests extends ApiTest {

	@Test
	void zonesAreFoundByNeighbourhoodOrCityWithoutAccentsOrCase() {
		Session staff = this.api.createUser(this.api.registerTenant(), "STAFF");
		Response created = create(this.api, staff, "zones", zone("Centro"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String centro = created.json().get("id").asString();
		assertThat(created.header("Location")).isEqualTo("/api/v1/zones/" + centro);
		assertThat(strings(created.json().get("neighborhoods"))).containsExactly("Consolação", "Bela Vista");
		assertThat(created.json().get("center").get("lat").asDouble()).isEqualTo(-23.55);
		String campinas = createdId(this.api, staff, "zones",
				Map.of("name", "Campinas", "cities", List.of("Campinas", "Valinhos")));

		assertThat(zones(staff, "?neighborhood=CONSOLACAO")).containsExactly(centro);
		assertThat(zones(staff, "?city=sao%20paulo")).containsExactly(centro);
		assertThat(zones(staff, "?city=valinhos")).containsExactly(campinas);
		assertThat(zones(staff, "")).containsExactly(centro, campinas);

		Response taken = create(this.api, staff, "zones", Map.of("name", "CENTRO"));
		assertThat(taken.status()).isEqualTo(409);
		assertThat(taken.code()).isEqualTo("zone_name_taken");
		assertThat(taken.json().get("existingId").asString()).isEqualTo(centro);
		assertThat(fields(create(this.api, staff, "zones", Map.of("name", "Raio", "radiusKm", 3.0))))
			.containsExactly("center");
		assertThat(fields(create(this.api, staff, "zones",
				Map.of("name", "Longe", "center", Map.of("lat", 95.0, "lon", 0.0), "radiusKm", 3.0))))
			.containsExactly("center.lat");
	}

	@Test
	void aZonePatchHonoursIfMatchAndKeepsNamesUnique() {
		Session admin = this.api.registerTenant();
		Response created = create(this.api, admin, "zones", zone("Norte"));
		String id = created.json().get("id").asString();
		createdId(this.api, admin, "zones", Map.of("name", "Sul"));

		Response patched = this.api.patch("/api/v1/zones/" + id)
			.bearer(admin.accessToken())
			.header("If-Match", created.header("ETag"))
			.raw("application/merge-patch+json",
					"{\"neighborhoods\": [\"Santana\"], \"center\": null, \"radiusKm\": null}")
			.send();
		assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
		assertThat(strings(patched.json().get("neighborhoods"))).containsExactly("Santana");
		assertThat(patched.json().get("center").isNull()).isTrue();
		assertThat(zones(admin, "?neighborhood=santana")).containsExactly(id);
		assertThat(zones(admin, "?neighborhood=consolacao")).isEmpty();

		assertThat(this.api.patch("/api/v1/zones/" + id)
			.bearer(admin.accessToken())
			.header("If-Match", created.header("ETag"))
			.json(Map.of("name", "Outro"))
			.send()
			.status()).isEqualTo(412);
		assertThat(this.api.patch("/api/v1/zones/" + id)
			.bearer(admin.accessToken())
			.json(Map.of("name", "sul"))
			.send()
			.code()).isEqualTo("zone_name_taken");
	}

	@Test
	void aCarIsStoredWithItsDriverPhoneInE164AndItsZones() {
		Session admin = this.api.registerTenant();
		Session driver = this.api.createUser(admin, "DRIVER");
		String north = createdId(this.api, admin, "zones", Map.of("name", "Norte"));
		String south = createdId(this.api, admin, "zones", Map.of("name", "Sul"));
		Map<String, Object> input = car("Carro 1", List.of(south, north, south));
		input.put("driver", Map.of("userId", driver.userId().toString(), "name", "Zé", "phone", "(11) 98765-4321"));

		Response created = create(this.api, admin, "cars", input);

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode body = created.json();
		assertThat(created.header("Location")).isEqualTo("/api/v1/cars/" + body.get("id").asString());
		assertThat(body.get("plate").asString()).isEqualTo("ABC1D23");
		assertThat(body.get("driver").get("phone").asString()).isEqualTo("+5511987654321");
		assertThat(body.get("driver").get("userId").asString()).isEqualTo(driver.userId().toString());
		assertThat(body.get("capacityPerWindow").asInt()).isEqualTo(4);
		assertThat(strings(body.get("zoneIds"))).containsExactly(north, south);
		assertThat(body.get("active").asBoolean()).isTrue();
		assertThat(this.api.get("/api/v1/cars/" + body.get("id").asString()).bearer(driver.accessToken()).send().json())
			.isEqualTo(body);
	}

	@Test
	void badCarInputIsRejectedNamingEachField() {
		Session admin = this.api.registerTenant();
		Session staff = this.api.createUser(admin, "STAFF");
		String zone = createdId(this.api, admin, "zones", Map.of("name", "Leste"));
		String foreignZone = createdId(this.api, this.api.registerTenant(), "zones", Map.of("name", "Leste"));

		Response response = create(this.api, admin, "cars",
				with(car("Carro", List.of(zone, UUID.randomUUID().toString(), foreignZone)), "driver",
						Map.of("userId", staff.userId().toString(), "name", "Zé", "phone", "123")));

		assertThat(response.status()).isEqualTo(400);
		assertThat(fields(response)).containsExactlyInAnyOrder("zoneIds[1]", "zoneIds[2]", "driver.phone",
				"driver.userId");
		assertThat(fields(create(this.api, admin, "cars", with(car("C", List.of()), "capacityPerWindow", 51))))
			.containsExactly("capacityPerWindow");
		assertThat(fields(create(this.api, admin, "cars", with(car("C", List.of()), "zoneIds", List.of("x")))))
			.containsExactly("zoneIds[0]");
		assertThat(fields(create(this.api, admin, "cars", with(car("C", List.of()), "driver", Map.of("name", "Zé")))))
			.containsExactly("driver.phone");
	}

	@Test
	void carsAreListedByZoneAndActiveFlagAndPatchedWithIfMatch() {
		Session admin = this.api.registerTenant();
		String north = createdId(this.api, admin, "zones", Map.of("name", "Norte"));
		String south = createdId(this.api, admin, "zones", Map.of("name", "Sul"));
		Response first = create(this.api, admin, "cars", car("Carro 1", List.of(north)));
		String one = first.json().get("id").asString();
		String two = createdId(this.api, admin, "cars",
				with(with(car("Carro 2", List.of(north, south)), "plate", "XYZ9A87"), "active", false));

		assertThat(cars(admin, "?zoneId=" + north)).containsExactly(one, two);
		assertThat(cars(admin, "?zoneId=" + south)).containsExactly(two);
		assertThat(cars(admin, "?active=true")).containsExactly(one);
		assertThat(cars(admin, "?zoneId=" + south + "&active=true")).isEmpty();

		Response patched = this.api.patch("/api/v1/cars/" + one)
			.bearer(admin.accessToken())
			.header("If-Match", first.header("ETag"))
			.json(Map.of("zoneIds", List.of(south), "driver", Map.of("phone", "+55 21 99876-5432")))
			.send();
		assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
		assertThat(patched.json().get("driver").get("phone").asString()).isEqualTo("+5521998765432");
		assertThat(patched.json().get("driver").get("name").asString()).isEqualTo("João Motorista");
		assertThat(cars(admin, "?zoneId=" + north)).containsExactly(two);

		assertThat(this.api.patch("/api/v1/cars/" + one)
			.bearer(admin.accessToken())
			.header("If-Match", first.header("ETag"))
			.json(Map.of("name", "Late"))
			.send()
			.code()).isEqualTo("stale_version");
		Response plate = this.api.patch("/api/v1/cars/" + one)
			.bearer(admin.accessToken())
			.json(Map.of("plate", "xyz9a87"))
			.send();
		assertThat(plate.status()).isEqualTo(409);
		assertThat(plate.code()).isEqualTo("plate_taken");
		assertThat(plate.json().get("existingId").asString()).isEqualTo(two);
	}

	@Test
	void driversAndDoctorsReadCarsAndZonesButPatientsDoNot() {
		Session admin = this.api.registerTenant();
		String zone = createdId(this.api, admin, "zones", Map.of("name", "Oeste"));
		String car = createdId(this.api, admin, "cars", car("Carro", List.of(zone)));
		Session driver = this.api.createUser(admin, "DRIVER");
		Session doctor = this.api.createUser(admin, "DOCTOR");
		Session patient = SchedulingFixtures.patient(this.api, admin);

		for (Session reader : List.of(driver, doctor)) {
			assertThat(this.api.get("/api/v1/cars/" + car).bearer(reader.accessToken()).send().status()).isEqualTo(200);
			assertThat(this.api.get("/api/v1/zones/" + zone).bearer(reader.accessToken()).send().status())
				.isEqualTo(200);
			assertThat(cars(reader, "")).containsExactly(car);
			assertThat(zones(reader, "")).containsExactly(zone);
			assertThat(create(this.api, reader, "cars", car("X", List.of())).status()).isEqualTo(403);
			assertThat(create(this.api, reader, "zones", Map.of("name", "X")).status()).isEqualTo(403);
			assertThat(this.api.patch("/api/v1/cars/" + car)
				.bearer(reader.accessToken())
				.json(Map.of("name", "Y"))
				.send()
				.status()).isEqualTo(403);
		}
		assertThat(this.api.get("/api/v1/cars/" + car).bearer(patient.accessToken()).send().status()).isEqualTo(403);
		assertThat(this.api.get("/api/v1/zones").bearer(patient.accessToken()).send().status()).isEqualTo(403);
	}

	@Test
	void anotherClinicsCarsAndZonesAreNotFound() {
		Session mine = this.api.registerTenant();
		Session theirs = this.api.registerTenant();
		String zone = createdId(this.api, theirs, "zones", Map.of("name", "Deles"));
		String car = createdId(this.api, theirs, "cars", car("Deles", List.of(zone)));

		assertThat(this.api.get("/api/v1/cars/" + car).bearer(mine.accessToken()).send().status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/zones/" + zone).bearer(mine.accessToken()).send().status()).isEqualTo(404);
		assertThat(this.api.patch("/api/v1/zones/" + zone)
			.bearer(mine.accessToken())
			.json(Map.of("name", "Nosso"))
			.send()
			.status()).isEqualTo(404);
		assertThat(cars(mine, "?zoneId=" + zone)).isEmpty();
		assertThat(zones(mine, "")).isEmpty();
	}

	private List<String> zones(Session session, String query) {
		Response response = this.api.get("/api/v1/zones" + query).bearer(session.accessToken()).send();
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return strings(response.json().get("items"));
	}

	private List<String> cars(Session session, String query) {
		Response response = this.api.get("/api/v1/cars" + query).bearer(session.accessToken()).send();
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return strings(response.json().get("items"));
	}

}
