package dev.clinicflow.scheduling;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
 * Many clients racing for the same place over real HTTP: the database lets exactly as
 * many through as there are places, and what it holds afterwards is checked directly.
 */
class DoubleBookingRaceTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	/** The application's pool, which connects as the runtime role. */
	@Autowired
	DataSource dataSource;

	private Session admin;

	private FrontDesk desk;

	@BeforeEach
	void clinic() {
		this.admin = this.api.registerTenant();
		this.desk = new FrontDesk(this.api, this.admin, LocalDate.now(applicationClock()).plusDays(7));
	}

	@Test
	void fiftyConcurrentRequestsForOneDoctorSlotBookItExactlyOnce() throws Exception {
		String doctor = this.desk.doctor();
		List<String> patients = this.desk.patients("Paciente Concorrente", 50);

		List<Response> answers = FrontDesk.together(patients.stream()
			.<Callable<Response>>map((patient) -> () -> this.desk.book(patient, "doctorId", doctor, "11:00"))
			.toList());

		List<Response> booked = answers.stream().filter((answer) -> answer.status() == 201).toList();
		assertThat(booked).hasSize(1);
		List<Response> refused = answers.stream().filter((answer) -> answer.status() != 201).toList();
		assertThat(refused).hasSize(49).allSatisfy((answer) -> {
			assertThat(answer.status()).isEqualTo(409);
			assertThat(answer.code()).isEqualTo("slot_taken");
			assertThat(answer.json().get("conflictingAppointmentId").asString())
				.isEqualTo(booked.getFirst().json().get("id").asString());
		});
		assertThat(activeAt(doctor, this.desk.at("11:00"))).isEqualTo(1);
	}

	@Test
	void aCarWindowWithThreePlacesTakesExactlyThreeOfManyConcurrentVisits() throws Exception {
		String car = this.desk.car(3);
		List<String> patients = this.desk.patients("Coleta Concorrente", 12);

		List<Response> answers = FrontDesk.together(patients.stream()
			.<Callable<Response>>map((patient) -> () -> this.desk.book(patient, "carId", car, "07:00"))
			.toList());

		assertThat(answers.stream().filter((answer) -> answer.status() == 201)).hasSize(3);
		assertThat(answers.stream().filter((answer) -> answer.status() != 201)).hasSize(9)
			.allSatisfy((answer) -> assertThat(answer.code()).isEqualTo("window_full"));
		assertThat(activeAt(car, this.desk.at("07:00"))).isEqualTo(3);
		assertThat(asTenant(() -> this.jdbc
			.sql("select booked from scheduling.car_window_bookings where car_id = :car and window_start = :start")
			.param("car", UUID.fromString(car))
			.param("start", java.sql.Timestamp.from(Instant.parse(this.desk.at("07:00"))))
			.query(Integer.class)
			.single())).isEqualTo(3);
	}

	@Test
	void aRescheduleRacingABookingForTheSameSlotLetsExactlyOneWin() throws Exception {
		String doctor = this.desk.doctor();
		List<String> patients = this.desk.patients("Paciente Remarcando", 16);
		for (int round = 0; round < 8; round++) {
			String from = String.format(Locale.ROOT, "%02d:%02d", 8 + round / 2, (round % 2) * 30);
			String to = String.format(Locale.ROOT, "%02d:%02d", 13 + round / 2, (round % 2) * 30);
			String moving = this.desk.booked(patients.get(2 * round), doctor, from);
			String newcomer = patients.get(2 * round + 1);

			List<Response> answers = FrontDesk.together(
					List.of(() -> this.desk.act(this.admin, moving, "reschedule", Map.of("start", this.desk.at(to))),
							() -> this.desk.book(newcomer, "doctorId", doctor, to)));

			Response reschedule = answers.get(0);
			Response booking = answers.get(1);
			boolean moved = reschedule.status() == 200;
			Response winner = moved ? reschedule : booking;
			Response loser = moved ? booking : reschedule;
			assertThat(winner.status()).as("round %d: %s", round, winner.text()).isEqualTo(moved ? 200 : 201);
			assertThat(loser.status()).as("round %d: %s", round, loser.text()).isEqualTo(409);
			assertThat(loser.code()).isEqualTo("slot_taken");
			assertThat(activeAt(doctor, this.desk.at(to))).isEqualTo(1);
			String start = this.desk.get(this.admin, moving).get("start").asString();
			// the loser changed nothing: a reschedule that lost keeps its old slot, a
			// reschedule that won freed it
			assertThat(start).isEqualTo(this.desk.at(moved ? to : from));
			assertThat(activeAt(doctor, this.desk.at(from))).isEqualTo(moved ? 0 : 1);
		}
	}

	@Test
	void aBookingQueuesBehindAnotherTransactionOnTheSameDoctorRatherThanRacingIt() throws Exception {
		String doctor = this.desk.doctor();
		String patient = this.desk.patients("Paciente na Fila", 1).getFirst();
		long doctorKey = AppointmentStore.key(UUID.fromString(doctor));
		try (Connection holder = this.dataSource.getConnection()) {
			holder.setAutoCommit(false);
			try (PreparedStatement lock = holder.prepareStatement("select pg_advisory_xact_lock(?)")) {
				lock.setLong(1, doctorKey);
				lock.execute();
			}

			CompletableFuture<Response> booking = CompletableFuture
				.supplyAsync(() -> this.desk.book(patient, "doctorId", doctor, "11:00"));
			await().atMost(Duration.ofSeconds(20)).until(() -> waitingFor(holder, doctorKey) == 1);
			assertThat(booking).isNotDone();
			holder.rollback();

			assertThat(booking.get(20, TimeUnit.SECONDS).status()).isEqualTo(201);
		}
		assertThat(activeAt(doctor, this.desk.at("11:00"))).isEqualTo(1);
	}

	/** Sessions waiting for the advisory lock with this key. */
	private static int waitingFor(Connection connection, long key) throws SQLException {
		try (PreparedStatement waiting = connection.prepareStatement("""
				select count(*) from pg_locks
				where locktype = 'advisory' and not granted and objsubid = 1
				  and ((classid::int8 << 32) | objid::int8) = ?""")) {
			waiting.setLong(1, key);
			try (ResultSet rows = waiting.executeQuery()) {
				rows.next();
				return rows.getInt(1);
			}
		}
	}

	/**
	 * Active appointments of a doctor or car starting at an instant, read from the table.
	 */
	private int activeAt(String resourceId, String start) {
		return asTenant(() -> this.jdbc.sql("""
				select count(*) from scheduling.appointments
				where resource_id = :resource and lower(period) = :start
				  and status in ('SCHEDULED', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED')""")
			.param("resource", UUID.fromString(resourceId))
			.param("start", java.sql.Timestamp.from(Instant.parse(start)))
			.query(Integer.class)
			.single());
	}

	private <T> T asTenant(java.util.function.Supplier<T> read) {
		return CurrentTenant.call(new TenantId(this.admin.tenantId()),
				() -> this.transactions.execute((tx) -> read.get()));
	}

}
