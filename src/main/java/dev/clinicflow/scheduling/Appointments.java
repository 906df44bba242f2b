package dev.clinicflow.scheduling;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.clinicflow.audit.AuditEntry;
import dev.clinicflow.audit.AuditLog;
import dev.clinicflow.patients.PatientDirectory;
import dev.clinicflow.patients.PatientDirectory.PatientCard;
import dev.clinicflow.patients.PatientParts;
import dev.clinicflow.scheduling.AppointmentStore.NewAppointment;
import dev.clinicflow.scheduling.AppointmentView.VisitAddress;
import dev.clinicflow.shared.CurrentActor;
import dev.clinicflow.shared.CurrentTenant;
import dev.clinicflow.shared.CursorPage;
import dev.clinicflow.shared.Ids;
import dev.clinicflow.shared.InvalidRequest;
import dev.clinicflow.shared.ResourceNotFound;
import dev.clinicflow.shared.database.SqlErrors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Books appointments and moves them through their lifecycle. Whether a slot is free is
 * decided by the database (exclusion constraints and the car window counter), so two
 * concurrent requests for the last place cannot both succeed; a refusal names the
 * appointment in the way or the full window.
 */
@Service
public class Appointments {

	/** How many times a booking aborted by a deadlock runs, at most. */
	static final int MAX_DEADLOCK_ATTEMPTS = 3;

	private final AppointmentStore store;

	private final Slots slots;

	private final ZoneStore zones;

	private final PatientDirectory patients;

	private final AppointmentAccess access;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final PatientAppointmentFigures figures;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Appointments(AppointmentStore store, Slots slots, ZoneStore zones, PatientDirectory patients,
			AppointmentAccess access, AuditLog audit, ApplicationEventPublisher events,
			PatientAppointmentFigures figures, JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
		this.store = store;
		this.slots = slots;
		this.zones = zones;
		this.patients = patients;
		this.access = access;
		this.audit = audit;
		this.events = events;
		this.figures = figures;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * Books an appointment.
	 * @param input the request
	 * @return the appointment, SCHEDULED
	 * @throws BookingConflict when the slot, the patient or the window is taken
	 */
	public AppointmentView book(AppointmentInput input) {
		Attempt attempt = new Attempt();
		return refusingConflicts(attempt, () -> this.transactions.execute((status) -> {
			NewAppointment row = prepare(input, Ids.next(), null);
			attempt.tried(row.resourceId(), row.kind(), row.patientId(), row.slot(), null);
			AppointmentView booked = this.store.insert(row, CurrentActor.userId().orElse(null), this.clock.instant());
			changed(booked, AppointmentChange.BOOKED, null);
			return booked;
		}));
	}

	/**
	 * Checks a request and turns it into the row to insert: the patient may be booked,
	 * the start lies on a free-or-taken slot of the resource, a home visit's address is
	 * in one of the car's zones.
	 */
	NewAppointment prepare(AppointmentInput input, UUID id, @Nullable UUID seriesId) {
		if ((input.doctorId() == null) == (input.carId() == null)) {
			throw InvalidRequest.field((input.doctorId() == null) ? "doctorId" : "carId",
					"give either a doctorId (clinic visit) or a carId (home collection)");
		}
		PatientCard patient = bookablePatient(input.patientId());
		this.access.requireMayBookFor(patient, input.doctorId());
		List<String> exams = (input.exams() != null) ? input.exams().stream().map(String::trim).toList() : List.of();
		if (input.doctorId() != null) {
			Slot slot = this.slots.requireDoctorSlot(input.doctorId(), startOf(input), input.type());
			return new NewAppointment(id, AppointmentKind.CLINIC_VISIT, patient.id(), input.doctorId(), slot,
					typeCode(input.type()), exams, input.reason(), input.notes(), null, null, seriesId);
		}
		UUID carId = java.util.Objects.requireNonNull(input.carId());
		if (input.type() != null) {
			throw InvalidRequest.field("type", "appointment types belong to doctors; a home collection lists exams");
		}
		Slot window = this.slots.requireCarWindow(carId, startOf(input));
		PatientParts.Address address = patient.address();
		if (address == null || (blank(address.neighborhood()) && blank(address.city()))) {
			throw InvalidRequest.field("patientId", "the patient has no address to visit (neighborhood or city)");
		}
		UUID zoneId = this.zones.covering(address, carId)
			.stream()
			.findFirst()
			.map(ZoneStore.CarZone::zoneId)
			.orElseThrow(() -> InvalidRequest.field("patientId",
					"the patient's address (" + describe(address) + ") is outside the zones this car serves"));
		VisitAddress visit = new VisitAddress(address.street(), address.number(), address.complement(),
				address.neighborhood(), address.city(), address.state(), address.postalCode(),
				(address.location() != null) ? address.location().lat() : null,
				(address.location() != null) ? address.location().lon() : null);
		return new NewAppointment(id, AppointmentKind.HOME_COLLECTION, patient.id(), carId, window, null, exams,
				input.reason(), input.notes(), visit, zoneId, seriesId);
	}

	/**
	 * When a booking starts: {@code start}, or for a home collection a window given as
	 * day and local time.
	 */
	Instant startOf(AppointmentInput input) {
		if (input.doctorId() != null) {
			if (input.start() == null) {
				throw InvalidRequest.field("start", "is required");
			}
			return input.start();
		}
		if (input.start() != null) {
			if (input.date() != null || input.window() != null) {
				throw InvalidRequest.field("date", "give either start, or date and window");
			}
			return input.start();
		}
		if (input.date() == null) {
			throw InvalidRequest.field("start", "is required, or date and window");
		}
		if (input.window() == null) {
			throw InvalidRequest.field("window", "is required with date: the window's local start, such as 07:00");
		}
		return this.slots.windowStart(input.date(), input.window());
	}

	/**
	 * Reads an appointment the caller may see.
	 * @param id the appointment
	 * @return the appointment
	 */
	public AppointmentView get(UUID id) {
		return read(() -> {
			AppointmentView appointment = this.store.find(id).orElseThrow(() -> ResourceNotFound.of("appointment", id));
			this.access.requireMayRead(appointment);
			return appointment;
		});
	}

	/**
	 * Lists appointments in start order, within what the caller may see.
	 * @param query filters and page
	 * @return one page
	 */
	public CursorPage<AppointmentView> list(AppointmentQuery query) {
		if (query.from() != null && query.to() != null && !query.from().isBefore(query.to())) {
			throw InvalidRequest.field("to", "must be after from");
		}
		int limit = CursorPage.limit(query.limit());
		List<String> conditions = new ArrayList<>(List.of("true"));
		Map<String, Object> params = new HashMap<>();
		this.access.listScope().ifPresent((scope) -> {
			conditions.add(scope.condition());
			params.put("scopeId", scope.scopeId());
		});
		where(conditions, params, "a.patient_id = :patientId", "patientId", query.patientId());
		where(conditions, params, "a.resource_id = :doctorId and a.resource_kind = 'DOCTOR'", "doctorId",
				query.doctorId());
		where(conditions, params, "a.resource_id = :carId and a.resource_kind = 'CAR'", "carId", query.carId());
		where(conditions, params, "a.status = :status", "status",
				(query.status() != null) ? query.status().name() : null);
		where(conditions, params, "a.kind = :kind", "kind", (query.kind() != null) ? query.kind().name() : null);
		where(conditions, params, "a.series_id = :seriesId", "seriesId", query.seriesId());
		where(conditions, params, "lower(a.period) >= :from", "from",
				(query.from() != null) ? Timestamp.from(query.from()) : null);
		where(conditions, params, "lower(a.period) < :to", "to",
				(query.to() != null) ? Timestamp.from(query.to()) : null);
		StartCursor after = StartCursor.decode(query.cursor());
		if (after != null) {
			conditions.add("(lower(a.period), a.id) > (:afterStart, :afterId)");
			params.put("afterStart", Timestamp.from(after.start()));
			params.put("afterId", after.id());
		}
		List<AppointmentView> rows = read(() -> this.jdbc
			.sql("select " + AppointmentStore.COLUMNS + " from scheduling.tenant_appointments a where "
					+ String.join(" and ", conditions) + " order by lower(a.period), a.id limit :limit")
			.params(params)
			.param("limit", limit + 1)
			.query(this.store::view)
			.list());
		if (rows.size() <= limit) {
			return new CursorPage<>(rows, null);
		}
		AppointmentView last = rows.get(limit - 1);
		return new CursorPage<>(rows.subList(0, limit), new StartCursor(last.start(), last.id()).encode());
	}

	private static void where(List<String> conditions, Map<String, Object> params, String condition, String name,
			@Nullable Object value) {
		if (value != null) {
			conditions.add(condition);
			params.put(name, value);
		}
	}

	/** Position after the last appointment of a page. */
	record StartCursor(Instant start, UUID id) {

		String encode() {
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString((this.start + "|" + this.id).getBytes(StandardCharsets.UTF_8));
		}

		static @Nullable StartCursor decode(@Nullable String cursor) {
			if (cursor == null || cursor.isBlank()) {
				return null;
			}
			try {
				String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
				return new StartCursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
			}
			catch (RuntimeException ex) {
				throw InvalidRequest.field("cursor", "is not a cursor this API returned");
			}
		}

	}

	/**
	 * Moves an appointment to the next status of its lifecycle.
	 * @param id the appointment
	 * @param status the status wanted
	 * @param reason why (cancellations)
	 * @return the changed appointment
	 * @throws BookingConflict when the lifecycle does not allow the step
	 */
	public AppointmentView transition(UUID id, AppointmentStatus status, @Nullable String reason) {
		return java.util.Objects.requireNonNull(this.transactions.execute((tx) -> {
			AppointmentView current = this.store.lock(id).orElseThrow(() -> ResourceNotFound.of("appointment", id));
			this.access.requireMayChange(current, status);
			if (!current.status().canBecome(status)) {
				throw BookingConflict.invalidTransition(current, status);
			}
			Instant now = this.clock.instant();
			if (status == AppointmentStatus.NO_SHOW && now.isBefore(current.start())) {
				throw BookingConflict.tooEarlyForNoShow(current);
			}
			if (status == AppointmentStatus.CANCELLED) {
				this.access.requireBeforeCancellationCutoff(current, now);
			}
			AppointmentView changed = this.store.changeStatus(id, status, now, CurrentActor.userId().orElse(null),
					reason);
			changed(changed, AppointmentChange.valueOf(status.name()), null);
			return changed;
		}));
	}

	/**
	 * Moves an appointment to another start on the same doctor or car: the new slot is
	 * taken and the old one freed in one transaction, or nothing changes.
	 * @param id the appointment
	 * @param start the new start
	 * @return the moved appointment, SCHEDULED again (a new time needs a new
	 * confirmation)
	 */
	public AppointmentView reschedule(UUID id, Instant start) {
		Attempt attempt = new Attempt();
		return refusingConflicts(attempt, () -> this.transactions.execute((tx) -> {
			AppointmentView current = this.store.lock(id).orElseThrow(() -> ResourceNotFound.of("appointment", id));
			this.access.requireMayChange(current, AppointmentStatus.SCHEDULED);
			if (!current.status().open()) {
				throw BookingConflict.invalidTransition(current, AppointmentStatus.SCHEDULED);
			}
			Slot slot = (current.kind() == AppointmentKind.CLINIC_VISIT)
					? this.slots.requireDoctorSlot(current.resourceId(), start, current.type())
					: this.slots.requireCarWindow(current.resourceId(), start);
			attempt.tried(current.resourceId(), current.kind(), current.patientId(), slot, id);
			AppointmentView moved = this.store.move(current, slot, this.clock.instant());
			changed(moved, AppointmentChange.RESCHEDULED, current.start());
			return moved;
		}));
	}

	void changed(AppointmentView appointment, AppointmentChange change, @Nullable Instant previousStart) {
		Instant now = this.clock.instant();
		this.audit.record(AuditEntry
			.success("appointment." + change.name().toLowerCase(java.util.Locale.ROOT), "appointment", appointment.id())
			.with(Map.of("patientId", appointment.patientId(), "start", appointment.start().toString())));
		this.figures.due(appointment.patientId());
		this.events.publishEvent(new AppointmentChanged(CurrentTenant.require().value(), appointment.id(), change,
				appointment.patientId(), appointment.kind(), appointment.resourceId(), appointment.start(),
				appointment.end(), appointment.status(), previousStart, CurrentActor.userId().orElse(null), now));
	}

	/**
	 * Runs a booking; when the database refuses it because something holds the slot,
	 * finds what (in a new transaction: the failed one is over) and says so.
	 * <p>
	 * Bookings of one doctor, car or patient queue behind each other (the store's
	 * advisory locks), so two of them no longer write the same slot at the same moment,
	 * find each other's row in an exclusion check and deadlock. Should a deadlock still
	 * abort one (a merge moving a patient's appointments meanwhile, say), the other one
	 * has finished by then, so the aborted booking runs again, a few times at most, and
	 * gets the real answer: booked, or the slot is taken.
	 */
	<T> T refusingConflicts(Attempt attempt, java.util.function.Supplier<@Nullable T> booking) {
		for (int attempts = 1;; attempts++) {
			try {
				return java.util.Objects.requireNonNull(booking.get());
			}
			catch (DataIntegrityViolationException ex) {
				throw conflict(ex, attempt).orElseThrow(() -> ex);
			}
			catch (ConcurrencyFailureException ex) {
				if (attempts >= MAX_DEADLOCK_ATTEMPTS || !SqlErrors.hasState(ex, SqlErrors.DEADLOCK_DETECTED)) {
					throw ex;
				}
			}
		}
	}

	Optional<BookingConflict> conflict(DataIntegrityViolationException ex, Attempt attempt) {
		if (attempt.slot == null || attempt.resourceId == null || attempt.patientId == null) {
			return Optional.empty();
		}
		Slot slot = attempt.slot;
		UUID resourceId = attempt.resourceId;
		UUID patientId = attempt.patientId;
		Optional<String> exclusion = SqlErrors.violatedConstraint(ex, SqlErrors.EXCLUSION_VIOLATION);
		if (exclusion.filter("appointments_doctor_overlap"::equals).isPresent()) {
			return Optional
				.of(BookingConflict.slotTaken(read(() -> this.store.doctorConflict(resourceId, slot)), slot));
		}
		if (exclusion.filter("appointments_patient_overlap"::equals).isPresent()) {
			return Optional.of(BookingConflict
				.patientBusy(read(() -> this.store.patientConflict(patientId, slot, attempt.except)), slot));
		}
		return SqlErrors.violatedConstraint(ex, SqlErrors.CHECK_VIOLATION)
			.filter("car_window_full"::equals)
			.map((constraint) -> BookingConflict.windowFull(resourceId, slot));
	}

	/** What a booking tried, so that a refusal can name what stood in the way. */
	static final class Attempt {

		@Nullable UUID resourceId;

		@Nullable AppointmentKind kind;

		@Nullable UUID patientId;

		@Nullable Slot slot;

		@Nullable UUID except;

		void tried(UUID resourceId, AppointmentKind kind, UUID patientId, Slot slot, @Nullable UUID except) {
			this.resourceId = resourceId;
			this.kind = kind;
			this.patientId = patientId;
			this.slot = slot;
			this.except = except;
		}

	}

	private PatientCard bookablePatient(UUID patientId) {
		PatientCard patient = this.patients.find(patientId)
			.orElseThrow(() -> InvalidRequest.field("patientId", "no such patient in this clinic"));
		if (patient.mergedInto() != null) {
			throw InvalidRequest.field("patientId", "the record was merged into " + patient.mergedInto());
		}
		if (patient.deleted()) {
			throw InvalidRequest.field("patientId", "the patient's record is deleted");
		}
		return patient;
	}

	private <T> T read(java.util.function.Supplier<T> work) {
		return java.util.Objects.requireNonNull(this.transactions.execute((status) -> work.get()));
	}

	private static @Nullable String typeCode(@Nullable String type) {
		return (type != null) ? type.trim().toLowerCase(java.util.Locale.ROOT) : null;
	}

	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	private static String describe(PatientParts.Address address) {
		return String.join(", ",
				java.util.stream.Stream.of(address.neighborhood(), address.city())
					.filter((part) -> !blank(part))
					.map(String::trim)
					.toList());
	}

}
