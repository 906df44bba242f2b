package dev.clinicflow.patients;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may know of a patient and tell about them, without reading the
 * registry's tables: who the patient is for a booking (not a PHI read of the record, so
 * not audited as one) and the appointment figures scheduling keeps current.
 */
@Service
public class PatientDirectory {

	private final PatientStore store;

	private final JdbcClient jdbc;

	PatientDirectory(PatientStore store, JdbcClient jdbc) {
		this.store = store;
		this.jdbc = jdbc;
	}

	/**
	 * Finds a patient of the current tenant.
	 * @param id the patient
	 * @return the patient's card, also when deleted or merged (see its state)
	 */
	@Transactional(readOnly = true)
	public Optional<PatientCard> find(UUID id) {
		// only what a booking needs: no contacts, plan or analytics to read and convert
		return this.jdbc.sql("""
				select id, full_name, social_name, street, street_number, complement, neighborhood, city, state,
				  postal_code, country, lat, lon, user_id, deleted_at is not null as deleted, merged_into
				from patients.patients where id = ?""")
			.param(id)
			.query((row, n) -> new PatientCard(row.getObject("id", UUID.class), row.getString("full_name"),
					row.getString("social_name"), PatientStore.address(row), row.getObject("user_id", UUID.class),
					row.getBoolean("deleted"), row.getObject("merged_into", UUID.class)))
			.optional();
	}

	/**
	 * Finds the patient record of a PATIENT user account.
	 * @param userId the account
	 * @return the patient linked to it, if any
	 */
	@Transactional(readOnly = true)
	public Optional<PatientCard> findByUser(UUID userId) {
		return this.store.findByUser(userId).map(PatientCard::of);
	}

	/**
	 * The names to address patients by (social name when given), for lists such as the
	 * day's schedule.
	 * @param ids the patients
	 * @return names by patient id, for the ids the tenant has
	 */
	@Transactional(readOnly = true)
	public Map<UUID, String> displayNames(Collection<UUID> ids) {
		Map<UUID, String> names = new HashMap<>();
		if (ids.isEmpty()) {
			return names;
		}
		this.jdbc.sql("select id, coalesce(social_name, full_name) from patients.patients where id = any(?)")
			.param(ids.toArray(UUID[]::new))
			.query((row) -> {
				names.put(row.getObject(1, UUID.class), row.getString(2));
			});
		return names;
	}

	/**
	 * Stores patients' appointment figures, as computed by scheduling, with one statement
	 * (so the clinic's counters are updated once for all of them).
	 * @param figures the figures by patient
	 */
	@Transactional
	public void recordAppointmentFigures(Map<UUID, AppointmentFigures> figures) {
		if (figures.isEmpty()) {
			return;
		}
		List<Map.Entry<UUID, AppointmentFigures>> entries = List.copyOf(figures.entrySet());
		this.jdbc
			.sql("""
					update patients.patients p set total_appointments = f.total, completed_appointments = f.completed,
					  cancelled_appointments = f.cancelled, no_shows = f.no_shows, confirmed_appointments = f.confirmed,
					  no_show_rate = f.no_show_rate, confirmation_rate = f.confirmation_rate, last_visit_at = f.last_visit_at,
					  next_appointment_at = f.next_appointment_at
					from unnest(:ids, :totals, :completed, :cancelled, :noShows, :confirmed,
					            cast(:noShowRates as numeric[]), cast(:confirmationRates as numeric[]),
					            cast(:lastVisits as timestamptz[]), cast(:nextAppointments as timestamptz[]))
					  as f(id, total, completed, cancelled, no_shows, confirmed, no_show_rate, confirmation_rate,
					       last_visit_at, next_appointment_at)
					where p.id = f.id""")
			.param("ids", entries.stream().map(Map.Entry::getKey).toArray(UUID[]::new))
			.param("totals", ints(entries, AppointmentFigures::total))
			.param("completed", ints(entries, AppointmentFigures::completed))
			.param("cancelled", ints(entries, AppointmentFigures::cancelled))
			.param("noShows", ints(entries, AppointmentFigures::noShows))
			.param("confirmed", ints(entries, AppointmentFigures::confirmed))
			.param("noShowRates", rates(entries, (f) -> rate(f.noShows(), f.completed() + f.noShows())))
			.param("confirmationRates", rates(entries, (f) -> rate(f.confirmed(), f.total() - f.cancelled())))
			.param("lastVisits", instants(entries, AppointmentFigures::lastVisitAt))
			.param("nextAppointments", instants(entries, AppointmentFigures::nextAppointmentAt))
			.update();
	}

	/** Instants as ISO-8601 text (cast to timestamptz in SQL), null where absent. */
	private static @Nullable String[] instants(List<Map.Entry<UUID, AppointmentFigures>> entries,
			java.util.function.Function<AppointmentFigures, @Nullable Instant> figure) {
		return entries.stream().map((e) -> {
			Instant at = figure.apply(e.getValue());
			return (at != null) ? at.toString() : null;
		}).toArray(String[]::new);
	}

	/** Rates as decimal text (cast to numeric in SQL). */
	private static String[] rates(List<Map.Entry<UUID, AppointmentFigures>> entries,
			java.util.function.Function<AppointmentFigures, BigDecimal> rate) {
		return entries.stream().map((e) -> rate.apply(e.getValue()).toPlainString()).toArray(String[]::new);
	}

	private static Integer[] ints(List<Map.Entry<UUID, AppointmentFigures>> entries,
			java.util.function.ToIntFunction<AppointmentFigures> figure) {
		return entries.stream().map((e) -> figure.applyAsInt(e.getValue())).toArray(Integer[]::new);
	}

	private static BigDecimal rate(int part, int whole) {
		return (whole <= 0) ? BigDecimal.ZERO
				: BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
	}

	/**
	 * A patient as a booking sees them.
	 *
	 * @param id the patient
	 * @param fullName name
	 * @param socialName preferred name, if any
	 * @param address home address, with coordinates when known
	 * @param userId the patient's own account, if linked
	 * @param deleted whether the record is deleted
	 * @param mergedInto the surviving record, when merged
	 */
	public record PatientCard(UUID id, String fullName, @Nullable String socialName,
			PatientParts.@Nullable Address address, @Nullable UUID userId, boolean deleted, @Nullable UUID mergedInto) {

		static PatientCard of(PatientView patient) {
			return new PatientCard(patient.id(), patient.fullName(), patient.socialName(), patient.address(),
					patient.userId(), patient.deletedAt() != null, patient.mergedInto());
		}

		/**
		 * Tells whether appointments may be booked for the patient.
		 * @return true when neither deleted nor merged
		 */
		public boolean active() {
			return !this.deleted && this.mergedInto == null;
		}

		/**
		 * Returns the name to address the patient by.
		 * @return the social name when given, else the full name
		 */
		public String displayName() {
			return (this.socialName != null) ? this.socialName : this.fullName;
		}

	}

	/**
	 * A patient's appointments, counted.
	 *
	 * @param total every appointment booked
	 * @param completed completed
	 * @param cancelled cancelled
	 * @param noShows missed
	 * @param confirmed confirmed by the patient
	 * @param lastVisitAt the last completed visit
	 * @param nextAppointmentAt the next appointment that holds its slot
	 */
	public record AppointmentFigures(int total, int completed, int cancelled, int noShows, int confirmed,
			@Nullable Instant lastVisitAt, @Nullable Instant nextAppointmentAt) {

		/** A patient without appointments. */
		public static final AppointmentFigures NONE = new AppointmentFigures(0, 0, 0, 0, 0, null, null);

	}

}
