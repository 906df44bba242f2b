package dev.clinicflow.scheduling;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.clinicflow.Api.Response;
import dev.clinicflow.Api.Session;
import dev.clinicflow.ApiTest;
import dev.clinicflow.shared.CurrentTenant;
import dev.clinicflow.shared.TenantId;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Appointment changes that arrive together are recounted together (one batch, one update
 * statement): each patient still gets their own figures, and the clinic's counters move
 * by exactly what changed.
 */
class PatientAnalyticsFeedTests extends ApiTest {

	private static final int PATIENTS = 16;

	@Autowired
	PatientAppointmentFigures figures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	private Session admin;

	private FrontDesk desk;

	@BeforeEach
	void clinic() {
		this.admin = this.api.registerTenant();
		this.desk = new FrontDesk(this.api, this.admin, LocalDate.now(applicationClock()).plusDays(7));
	}

	@Test
	void concurrentBookingsReachEachPatientsOwnAnalyticsAndTheClinicsCounts() throws Exception {
		String doctor = this.desk.doctor();
		List<String> patients = this.desk.patients("Paciente Contado", PATIENTS);
		List<String> starts = new ArrayList<>();
		List<Callable<Response>> bookings = new ArrayList<>();
		for (int i = 0; i < PATIENTS; i++) {
			String localTime = LocalTime.of(8, 0).plusMinutes(30L * i).toString();
			String patient = patients.get(i);
			starts.add(this.desk.at(localTime));
			bookings.add(() -> this.desk.book(patient, "doctorId", doctor, localTime));
		}
		List<Response> answers = FrontDesk.together(bookings);
		assertThat(answers).allSatisfy((answer) -> assertThat(answer.status()).isEqualTo(201));

		// the first four cancel, all at once as well
		List<Callable<Response>> cancellations = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			String appointment = answers.get(i).json().get("id").asString();
			cancellations.add(() -> this.desk.act(this.admin, appointment, "cancel", Map.of("reason", "viagem")));
		}
		assertThat(FrontDesk.together(cancellations))
			.allSatisfy((answer) -> assertThat(answer.status()).isEqualTo(200));

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			for (int i = 0; i < PATIENTS; i++) {
				JsonNode analytics = analytics(patients.get(i));
				assertThat(analytics.get("totalAppointments").asInt()).as("patient %d", i).isEqualTo(1);
				if (i < 4) {
					assertThat(analytics.get("cancelled").asInt()).as("patient %d", i).isEqualTo(1);
					assertThat(analytics.path("nextAppointmentAt").asString(null)).as("patient %d", i).isNull();
				}
				else {
					assertThat(analytics.get("cancelled").asInt()).as("patient %d", i).isZero();
					assertThat(Instant.parse(analytics.get("nextAppointmentAt").asString())).as("patient %d", i)
						.isEqualTo(Instant.parse(starts.get(i)));
				}
			}
		});
		JsonNode stats = this.api.get("/api/v1/patients/stats").bearer(this.admin.accessToken()).send().json();
		assertThat(stats.get("total").asLong()).isEqualTo(PATIENTS);
		assertThat(stats.get("withUpcomingAppointment").asLong()).isEqualTo(PATIENTS - 4);
		assertThat(stats.get("averageNoShowRate").decimalValue()).isEqualByComparingTo("0");
	}

	@Test
	void aRecountLeftDueIsDoneByTheSweepOnceOverdueAndEveryOneServedIsDeleted() {
		String doctor = this.desk.doctor();
		String patient = this.desk.patients("Paciente Esquecida", 1).getFirst();
		assertThat(this.desk.book(patient, "doctorId", doctor, "09:00").status()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(analytics(patient).get("totalAppointments").asInt()).isEqualTo(1));
		// the recount that served the booking deleted its note
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(due(patient)).isZero());

		// as if the service had stopped between a change's commit and its recount: the
		// figures are stale and a note says they are due
		asTenant(() -> this.jdbc.sql("update patients.patients set total_appointments = 0 where id = :id")
			.param("id", UUID.fromString(patient))
			.update());
		asTenant(() -> this.jdbc.sql("""
				insert into scheduling.figures_due (tenant_id, id, patient_id, due_at)
				values (:tenant, :id, :patient, :at)""")
			.param("tenant", this.admin.tenantId())
			.param("id", UUID.randomUUID())
			.param("patient", UUID.fromString(patient))
			.param("at", Timestamp.from(applicationClock().instant()))
			.update());

		// not overdue yet: a recount may still be on its way
		this.figures.recountOverdue();
		assertThat(analytics(patient).get("totalAppointments").asInt()).isZero();
		assertThat(due(patient)).isOne();

		this.clock.advance(PatientAppointmentFigures.OVERDUE_AFTER.plusSeconds(1));
		assertThat(this.figures.recountOverdue()).isPositive();
		assertThat(due(patient)).isZero();
		assertThat(analytics(patient).get("totalAppointments").asInt()).isEqualTo(1);
	}

	private int due(String patient) {
		return asTenant(() -> this.jdbc.sql("select count(*) from scheduling.figures_due where patient_id = :patient")
			.param("patient", UUID.fromString(patient))
			.query(Integer.class)
			.single());
	}

	private <T> T asTenant(Supplier<T> work) {
		return CurrentTenant.call(new TenantId(this.admin.tenantId()),
				() -> this.transactions.execute((tx) -> work.get()));
	}

	private JsonNode analytics(String patient) {
		return this.api.get("/api/v1/patients/" + patient)
			.bearer(this.admin.accessToken())
			.send()
			.json()
			.get("analytics");
	}

}
