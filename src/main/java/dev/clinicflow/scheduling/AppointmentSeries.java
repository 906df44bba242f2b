package dev.clinicflow.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.clinicflow.scheduling.AppointmentStore.NewAppointment;
import dev.clinicflow.scheduling.Recurrence.Frequency;
import dev.clinicflow.shared.CurrentActor;
import dev.clinicflow.shared.Ids;
import dev.clinicflow.shared.InvalidField;
import dev.clinicflow.shared.InvalidRequest;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Books recurring appointments, all of them or none: every occurrence is checked first
 * (schedule, time off, holidays, the doctor's and the patient's other appointments, the
 * car's places), and a refusal lists every date that cannot be booked. The database's
 * constraints still decide a race with another booking.
 */
@Service
public class AppointmentSeries {

	/** The most appointments one series may hold. */
	static final int MAX_OCCURRENCES = 52;

	private final Appointments appointments;

	private final AppointmentStore store;

	private final Slots slots;

	private final TransactionTemplate transactions;

	private final Clock clock;

	AppointmentSeries(Appointments appointments, AppointmentStore store, Slots slots,
			PlatformTransactionManager transactions, Clock clock) {
		this.appointments = appointments;
		this.store = store;
		this.slots = slots;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * Books every occurrence of a series.
	 * @param input the first appointment and how it repeats
	 * @return the series id and its appointments, in start order
	 * @throws BookingConflict {@code series_conflict} listing the dates that cannot be
	 * booked; nothing is booked then
	 */
	public SeriesView book(SeriesInput input) {
		Appointments.Attempt attempt = new Appointments.Attempt();
		return this.appointments.refusingConflicts(attempt, () -> this.transactions.execute((status) -> {
			UUID seriesId = Ids.next();
			List<NewAppointment> rows = new ArrayList<>();
			List<SeriesConflict> conflicts = new ArrayList<>();
			ZoneId zone = this.slots.zone();
			List<Instant> starts = occurrences(this.appointments.startOf(input.first()), input.recurrence(), zone);
			for (Instant start : starts) {
				LocalDate date = LocalDate.ofInstant(start, zone);
				NewAppointment row;
				try {
					row = this.appointments.prepare(input.at(start), Ids.next(), seriesId);
				}
				catch (InvalidRequest ex) {
					if (start != starts.getFirst()
							&& ex.errors().stream().allMatch((error) -> error.field().equals("start"))) {
						conflicts.add(new SeriesConflict(date, start, "unavailable", null,
								ex.errors().stream().map(InvalidField::message).findFirst().orElse("unavailable")));
						continue;
					}
					throw ex;
				}
				if (rows.isEmpty()) {
					// queued on the doctor or car and the patient from here on, the
					// checks below stay true until the inserts: a booking racing the
					// series waits for it, or the series finds that booking and lists
					// its date
					this.store.queue(row.resourceId(), row.patientId());
				}
				SeriesConflict conflict = conflict(row, rows, date);
				if (conflict != null) {
					conflicts.add(conflict);
				}
				rows.add(row);
			}
			if (!conflicts.isEmpty()) {
				throw BookingConflict.series(conflicts);
			}
			UUID by = CurrentActor.userId().orElse(null);
			Instant now = this.clock.instant();
			List<AppointmentView> booked = new ArrayList<>();
			for (NewAppointment row : rows) {
				attempt.tried(row.resourceId(), row.kind(), row.patientId(), row.slot(), null);
				AppointmentView appointment = this.store.insert(row, by, now);
				this.appointments.changed(appointment, AppointmentChange.BOOKED, null);
				booked.add(appointment);
			}
			return new SeriesView(seriesId, booked);
		}));
	}

	/** What keeps an occurrence from being booked, if anything. */
	private @Nullable SeriesConflict conflict(NewAppointment row, List<NewAppointment> earlier, LocalDate date) {
		Slot slot = row.slot();
		if (row.kind() == AppointmentKind.CLINIC_VISIT) {
			UUID taken = this.store.doctorConflict(row.resourceId(), slot).orElse(null);
			if (taken != null) {
				return new SeriesConflict(date, slot.start(), "slot_taken", taken,
						"The doctor already has an appointment at this time.");
			}
		}
		else if (this.store.windowFull(row.resourceId(), slot.start())) {
			return new SeriesConflict(date, slot.start(), "window_full", null,
					"The car has no place left in this window.");
		}
		UUID busy = this.store.patientConflict(row.patientId(), slot, null).orElse(null);
		if (busy != null) {
			return new SeriesConflict(date, slot.start(), "patient_busy", busy,
					"The patient already has an appointment at this time.");
		}
		if (earlier.stream().anyMatch((other) -> other.slot().overlaps(slot.start(), slot.end()))) {
			return new SeriesConflict(date, slot.start(), "overlaps_series", null,
					"Overlaps the previous appointment of this series; choose a longer interval.");
		}
		return null;
	}

	/**
	 * The starts of a series: the first start's local time on each day of the recurrence,
	 * in the clinic's time zone (so a weekly 09:00 stays 09:00 across a change of the
	 * clocks).
	 */
	static List<Instant> occurrences(Instant first, Recurrence recurrence, ZoneId zone) {
		if ((recurrence.count() == null) == (recurrence.until() == null)) {
			throw InvalidRequest.field("recurrence.count", "give either count or until");
		}
		LocalDateTime local = LocalDateTime.ofInstant(first, zone);
		if (recurrence.until() != null && recurrence.until().isBefore(local.toLocalDate())) {
			throw InvalidRequest.field("recurrence.until", "must not be before the first appointment's day");
		}
		int interval = Objects.requireNonNullElse(recurrence.interval(), 1);
		List<Instant> starts = new ArrayList<>();
		for (int k = 0;; k++) {
			LocalDateTime next = step(local, recurrence.frequency(), (long) k * interval);
			if (recurrence.count() != null ? k >= recurrence.count()
					: next.toLocalDate().isAfter(Objects.requireNonNull(recurrence.until()))) {
				return starts;
			}
			if (starts.size() == MAX_OCCURRENCES) {
				throw InvalidRequest.field("recurrence.until",
						"gives more than " + MAX_OCCURRENCES + " appointments; choose an earlier day");
			}
			starts.add(ZonedDateTime.ofLocal(next, zone, null).toInstant());
		}
	}

	private static LocalDateTime step(LocalDateTime first, Frequency frequency, long amount) {
		return switch (frequency) {
			case DAILY -> first.plusDays(amount);
			case WEEKLY -> first.plusWeeks(amount);
			case MONTHLY -> first.plusMonths(amount);
		};
	}

	/**
	 * A booked series.
	 *
	 * @param seriesId the id every appointment of the series carries
	 * @param appointments the appointments, in start order
	 */
	public record SeriesView(UUID seriesId, List<AppointmentView> appointments) {
	}

	/**
	 * A date of a series that cannot be booked.
	 *
	 * @param date the day, in the clinic's calendar
	 * @param start the start the occurrence would have
	 * @param code {@code unavailable} (off the schedule, time off, a holiday),
	 * {@code slot_taken}, {@code patient_busy}, {@code window_full} or
	 * {@code overlaps_series}
	 * @param conflictingAppointmentId the appointment in the way, when there is one
	 * @param message what is wrong, in words
	 */
	public record SeriesConflict(LocalDate date, Instant start, String code, @Nullable UUID conflictingAppointmentId,
			String message) {
	}

}
