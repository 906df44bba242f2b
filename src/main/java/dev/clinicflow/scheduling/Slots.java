package dev.clinicflow.scheduling;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import dev.clinicflow.identity.IdentityApi;
import dev.clinicflow.scheduling.WeeklySchedule.Day;
import dev.clinicflow.scheduling.WeeklySchedule.Interval;
import dev.clinicflow.shared.InvalidRequest;
import dev.clinicflow.shared.ResourceNotFound;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where appointments may start. A doctor's grid starts at each interval of the weekly
 * schedule and steps by the doctor's slot length; an appointment fits when its type's
 * length ends inside the interval. A car's windows are its schedule's intervals. Time
 * off, holidays and the past are never offered; free slots also leave out what
 * appointments hold.
 * <p>
 * Local times are those of the tenant's time zone. On a day when clocks change, an
 * interval starts at its local start (a start the clocks skip moves forward by the gap, a
 * repeated one takes its first occurrence) and the grid steps in real minutes, so every
 * slot lasts what it says and the working time of the day is covered once.
 */
@Component
public class Slots {

	/** The longest range one request may ask slots for. */
	static final int MAX_DAYS = 31;

	private final JdbcClient jdbc;

	private final ScheduleStore schedules;

	private final IdentityApi identity;

	private final Clock clock;

	Slots(JdbcClient jdbc, ScheduleStore schedules, IdentityApi identity, Clock clock) {
		this.jdbc = jdbc;
		this.schedules = schedules;
		this.identity = identity;
		this.clock = clock;
	}

	/**
	 * The free start times of a doctor for an appointment of a type.
	 * @param doctorId the doctor
	 * @param from the first day
	 * @param to the last day (included), at most {@value #MAX_DAYS} days after from
	 * @param type the appointment type code; the doctor's slot length when absent
	 * @return free slots in start order
	 * @throws ResourceNotFound when the clinic has no such doctor
	 */
	@Transactional(readOnly = true)
	public DoctorSlots doctorSlots(UUID doctorId, LocalDate from, LocalDate to, @Nullable String type) {
		checkRange(from, to);
		Doctor doctor = doctor(doctorId).orElseThrow(() -> ResourceNotFound.of("doctor", doctorId));
		int minutes = minutes(doctor, type);
		ZoneId zone = zone();
		List<Slot> free = doctor.active() ? freeDoctorSlots(doctor, minutes, from, to, zone) : List.of();
		return new DoctorSlots(doctorId, zone.getId(), typeCode(type), minutes, from, to, free);
	}

	private List<Slot> freeDoctorSlots(Doctor doctor, int minutes, LocalDate from, LocalDate to, ZoneId zone) {
		Calendar calendar = calendar(doctor.id(), from, to, zone);
		List<Slot> held = held(doctor.id(), calendar.start(), calendar.end().plus(Duration.ofMinutes(minutes)));
		Instant now = this.clock.instant();
		List<Slot> free = new ArrayList<>();
		for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
			for (Slot slot : calendar.grid(date, doctor.slotMinutes(), minutes)) {
				if (!slot.start().isBefore(now) && calendar.open(date, slot)
						&& held.stream().noneMatch((taken) -> slot.overlaps(taken.start(), taken.end()))) {
					free.add(slot);
				}
			}
		}
		return free;
	}

	/**
	 * The windows of a car that have not started yet, with the places left in each.
	 * @param carId the car
	 * @param from the first day
	 * @param to the last day (included), at most {@value #MAX_DAYS} days after from
	 * @return windows in start order, full ones included (with nothing remaining)
	 * @throws ResourceNotFound when the clinic has no such car
	 */
	@Transactional(readOnly = true)
	public CarWindows carWindows(UUID carId, LocalDate from, LocalDate to) {
		checkRange(from, to);
		Car car = car(carId).orElseThrow(() -> ResourceNotFound.of("car", carId));
		ZoneId zone = zone();
		List<WindowSlot> windows = car.active() ? windows(car, from, to, zone) : List.of();
		return new CarWindows(carId, zone.getId(), from, to, windows);
	}

	private List<WindowSlot> windows(Car car, LocalDate from, LocalDate to, ZoneId zone) {
		Calendar calendar = calendar(car.id(), from, to, zone);
		Map<Instant, Integer> booked = booked(car.id(), calendar.start(), calendar.end());
		Instant now = this.clock.instant();
		List<WindowSlot> windows = new ArrayList<>();
		for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
			for (Slot window : calendar.windows(date)) {
				if (!window.start().isBefore(now) && calendar.open(date, window)) {
					int taken = booked.getOrDefault(window.start(), 0);
					windows.add(new WindowSlot(window.start(), window.end(), car.capacity(), taken,
							Math.max(0, car.capacity() - taken)));
				}
			}
		}
		return windows;
	}

	/**
	 * The free slots of every active doctor (of a specialisation, if given) on one day.
	 * @param specialization a specialisation the doctors must have, ignoring case and
	 * accents
	 * @param date the day
	 * @param type an appointment type code; doctors who do not offer it are left out
	 * @return doctors with at least one free slot, by name
	 */
	List<ResourceSlots> clinicVisits(@Nullable String specialization, LocalDate date, @Nullable String type) {
		ZoneId zone = zone();
		List<ResourceSlots> found = new ArrayList<>();
		for (Doctor doctor : activeDoctors(specialization)) {
			Integer minutes = (type != null) ? doctor.types().get(typeCode(type))
					: Integer.valueOf(doctor.slotMinutes());
			if (minutes == null) {
				continue;
			}
			List<Slot> free = freeDoctorSlots(doctor, minutes, date, date, zone);
			if (!free.isEmpty()) {
				found.add(new ResourceSlots(ResourceKind.DOCTOR, doctor.id(), doctor.name(), null,
						free.stream().map((slot) -> new WindowSlot(slot.start(), slot.end(), 1, 0, 1)).toList()));
			}
		}
		return found;
	}

	/**
	 * The windows with places left, on one day, of the given cars.
	 * @param cars the cars, each with the zone through which it serves the patient
	 * @param date the day
	 * @return cars with at least one window with places left, in the given order
	 */
	List<ResourceSlots> homeCollections(List<ZoneStore.CarZone> cars, LocalDate date) {
		ZoneId zone = zone();
		List<ResourceSlots> found = new ArrayList<>();
		for (ZoneStore.CarZone serving : cars) {
			car(serving.carId()).ifPresent((car) -> {
				List<WindowSlot> open = windows(car, date, date, zone).stream()
					.filter((window) -> window.remaining() > 0)
					.toList();
				if (!open.isEmpty()) {
					found.add(new ResourceSlots(ResourceKind.CAR, car.id(), serving.carName(), serving.zoneId(), open));
				}
			});
		}
		return found;
	}

	/**
	 * Checks that a doctor's appointment may start at an instant: on the doctor's grid,
	 * inside the schedule, outside time off and holidays, not in the past. Whether
	 * another appointment holds it is left to the database.
	 * @param doctorId the doctor
	 * @param start the wanted start
	 * @param type the appointment type code; the doctor's slot length when absent
	 * @return the slot the appointment would take
	 * @throws InvalidRequest naming {@code doctorId}, {@code type} or {@code start}
	 */
	Slot requireDoctorSlot(UUID doctorId, Instant start, @Nullable String type) {
		Doctor doctor = doctor(doctorId)
			.orElseThrow(() -> InvalidRequest.field("doctorId", "no such doctor in this clinic"));
		if (!doctor.active()) {
			throw InvalidRequest.field("doctorId", "the doctor is not active");
		}
		int minutes = minutes(doctor, type);
		return requireSlot(doctorId, start, "doctor",
				(calendar, date) -> calendar.grid(date, doctor.slotMinutes(), minutes),
				"a start time of the doctor's schedule (every " + doctor.slotMinutes() + " minutes from the start of "
						+ "each interval, ending by its end)");
	}

	/**
	 * Checks that a home collection may be booked in the window starting at an instant.
	 * @param carId the car
	 * @param start the start of one of the car's windows
	 * @return the window
	 * @throws InvalidRequest naming {@code carId} or {@code start}
	 */
	Slot requireCarWindow(UUID carId, Instant start) {
		Car car = car(carId).orElseThrow(() -> InvalidRequest.field("carId", "no such car in this clinic"));
		if (!car.active()) {
			throw InvalidRequest.field("carId", "the car is not active");
		}
		return requireSlot(carId, start, "car", Calendar::windows, "the start of one of the car's windows");
	}

	/**
	 * The instant a car window starts, from the day and its local start time.
	 * @param date the day
	 * @param window the window's local start, {@code HH:mm}
	 * @return the instant, in the tenant's time zone
	 */
	Instant windowStart(LocalDate date, String window) {
		return ZonedDateTime.ofLocal(date.atTime(LocalTime.parse(window)), zone(), null).toInstant();
	}

	private Slot requireSlot(UUID resourceId, Instant start, String kind,
			java.util.function.BiFunction<Calendar, LocalDate, List<Slot>> slots, String expected) {
		if (start.isBefore(this.clock.instant())) {
			throw InvalidRequest.field("start", "is in the past");
		}
		ZoneId zone = zone();
		LocalDate date = LocalDate.ofInstant(start, zone);
		Calendar calendar = calendar(resourceId, date, date, zone);
		Slot slot = slots.apply(calendar, date)
			.stream()
			.filter((candidate) -> candidate.start().equals(start))
			.findFirst()
			.orElseThrow(() -> InvalidRequest.field("start",
					calendar.worksOn(date) ? "must be " + expected + "; " + calendar.describe(date) + " on " + date
							: "the " + kind + " does not work on " + date.getDayOfWeek().name().toLowerCase(Locale.ROOT)
									+ "s"));
		calendar.holiday(date).ifPresent((name) -> {
			throw InvalidRequest.field("start", "the clinic is closed on " + date + " (" + name + ")");
		});
		if (!calendar.open(date, slot)) {
			throw InvalidRequest.field("start", "the " + kind + " is off at that time");
		}
		return slot;
	}

	private static void checkRange(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			throw InvalidRequest.field("to", "must not be before from");
		}
		if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
			throw InvalidRequest.field("to", "must be less than " + MAX_DAYS + " days after from");
		}
	}

	private static int minutes(Doctor doctor, @Nullable String type) {
		if (type == null || type.isBlank()) {
			return doctor.slotMinutes();
		}
		Integer minutes = doctor.types().get(typeCode(type));
		if (minutes == null) {
			throw InvalidRequest.field("type", doctor.types().isEmpty() ? "this doctor offers no appointment types"
					: "is not one of this doctor's appointment types: " + String.join(", ", doctor.types().keySet()));
		}
		return minutes;
	}

	private static @Nullable String typeCode(@Nullable String type) {
		return (type == null || type.isBlank()) ? null : type.trim().toLowerCase(Locale.ROOT);
	}

	ZoneId zone() {
		return ZoneId.of(this.identity.currentTenant().timezone());
	}

	// ------------------------------------------------------------ what the database
	// holds

	private Optional<Doctor> doctor(UUID id) {
		return doctors("r.id = :id", Map.of("id", id)).stream().findFirst();
	}

	private List<Doctor> activeDoctors(@Nullable String specialization) {
		if (specialization == null || specialization.isBlank()) {
			return doctors("r.active", Map.of());
		}
		return doctors("r.active and " + DoctorStore.HAS_SPECIALIZATION, Map.of("specialization", specialization));
	}

	private List<Doctor> doctors(String condition, Map<String, Object> params) {
		return this.jdbc.sql("""
				select r.id, r.name, r.active, d.slot_minutes,
				  array(select t.code from scheduling.appointment_types t where t.doctor_id = d.id
				        order by t.position) as codes,
				  array(select t.minutes from scheduling.appointment_types t where t.doctor_id = d.id
				        order by t.position) as minutes
				from scheduling.resources r join scheduling.doctors d on d.id = r.id
				where\s""" + condition + " order by r.name, r.id")
			.params(params)
			.query((row, n) -> new Doctor(row.getObject("id", UUID.class), row.getString("name"),
					row.getBoolean("active"), row.getInt("slot_minutes"), types(row)))
			.list();
	}

	private static Map<String, Integer> types(java.sql.ResultSet row) throws java.sql.SQLException {
		String[] codes = (String[]) row.getArray("codes").getArray();
		Integer[] minutes = (Integer[]) row.getArray("minutes").getArray();
		Map<String, Integer> types = new java.util.LinkedHashMap<>();
		for (int i = 0; i < codes.length; i++) {
			types.put(codes[i], minutes[i]);
		}
		return types;
	}

	private Optional<Car> car(UUID id) {
		return this.jdbc.sql("""
				select r.id, r.active, c.capacity_per_window
				from scheduling.resources r join scheduling.cars c on c.id = r.id
				where r.id = ?""")
			.param(id)
			.query((row, n) -> new Car(row.getObject("id", UUID.class), row.getBoolean("active"),
					row.getInt("capacity_per_window")))
			.optional();
	}

	/**
	 * The periods a doctor's appointments hold between two instants (through the tenant's
	 * view, so that the doctor-overlap exclusion index finds them).
	 */
	private List<Slot> held(UUID resourceId, Instant from, Instant to) {
		return this.jdbc.sql("""
				select lower(period), upper(period) from scheduling.tenant_appointments
				where resource_id = ? and resource_kind = 'DOCTOR' and period && tstzrange(?, ?)
				  and status in """ + AppointmentStatus.HOLDING_SQL)
			.params(resourceId, Timestamp.from(from), Timestamp.from(to))
			.query((row, n) -> new Slot(row.getTimestamp(1).toInstant(), row.getTimestamp(2).toInstant()))
			.list();
	}

	private Map<Instant, Integer> booked(UUID carId, Instant from, Instant to) {
		Map<Instant, Integer> booked = new HashMap<>();
		this.jdbc.sql("""
				select window_start, booked from scheduling.car_window_bookings
				where car_id = ? and window_start >= ? and window_start < ?""")
			.params(carId, Timestamp.from(from), Timestamp.from(to))
			.query((row) -> {
				booked.put(row.getTimestamp(1).toInstant(), row.getInt(2));
			});
		return booked;
	}

	private Calendar calendar(UUID resourceId, LocalDate from, LocalDate to, ZoneId zone) {
		Map<DayOfWeek, List<Interval>> week = new HashMap<>();
		for (Day day : this.schedules.read(resourceId)) {
			week.put(day.dayOfWeek(), day.intervals());
		}
		Instant start = from.atStartOfDay(zone).toInstant();
		Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
		List<Slot> off = this.jdbc.sql("""
				select lower(period), upper(period) from scheduling.time_off
				where resource_id = ? and period && tstzrange(?, ?)""")
			.params(resourceId, Timestamp.from(start), Timestamp.from(end))
			.query((row, n) -> new Slot(row.getTimestamp(1).toInstant(), row.getTimestamp(2).toInstant()))
			.list();
		Map<LocalDate, String> holidays = new HashMap<>();
		this.jdbc.sql("select date, name from scheduling.holidays where date between ? and ?")
			.params(from, to)
			.query((row) -> {
				holidays.put(row.getObject(1, LocalDate.class), row.getString(2));
			});
		return new Calendar(zone, week, off, holidays, start, end);
	}

	/**
	 * A resource's weekly schedule, time off and the clinic's holidays over some days.
	 */
	private record Calendar(ZoneId zone, Map<DayOfWeek, List<Interval>> week, List<Slot> off,
			Map<LocalDate, String> holidays, Instant start, Instant end) {

		/**
		 * Starts every {@code step} minutes from each interval's start, fitting inside
		 * it.
		 */
		List<Slot> grid(LocalDate date, int step, int minutes) {
			List<Slot> slots = new ArrayList<>();
			for (Interval interval : intervals(date)) {
				Instant end = at(date, interval.endMinute());
				for (Instant start = at(date, interval.startMinute()); !start.plus(Duration.ofMinutes(minutes))
					.isAfter(end); start = start.plus(Duration.ofMinutes(step))) {
					slots.add(new Slot(start, start.plus(Duration.ofMinutes(minutes))));
				}
			}
			return slots;
		}

		/** Each interval whole, as a car's window. */
		List<Slot> windows(LocalDate date) {
			return intervals(date).stream()
				.map((interval) -> new Slot(at(date, interval.startMinute()), at(date, interval.endMinute())))
				.filter((window) -> window.start().isBefore(window.end()))
				.toList();
		}

		boolean open(LocalDate date, Slot slot) {
			return !this.holidays.containsKey(date)
					&& this.off.stream().noneMatch((absence) -> slot.overlaps(absence.start(), absence.end()));
		}

		Optional<String> holiday(LocalDate date) {
			return Optional.ofNullable(this.holidays.get(date));
		}

		boolean worksOn(LocalDate date) {
			return !intervals(date).isEmpty();
		}

		String describe(LocalDate date) {
			return "it works " + intervals(date).stream()
				.map((interval) -> interval.start() + "-" + interval.end())
				.collect(Collectors.joining(", "));
		}

		private List<Interval> intervals(LocalDate date) {
			return this.week.getOrDefault(date.getDayOfWeek(), List.of());
		}

		/**
		 * The instant of a local minute of a day (1440 is the next midnight): a time the
		 * clocks skip moves forward by the gap, a repeated one is its first occurrence.
		 */
		private Instant at(LocalDate date, int minute) {
			LocalDateTime local = date.atStartOfDay().plusMinutes(minute);
			return ZonedDateTime.ofLocal(local, this.zone, null).toInstant();
		}

	}

	private record Doctor(UUID id, String name, boolean active, int slotMinutes, Map<String, Integer> types) {
	}

	private record Car(UUID id, boolean active, int capacity) {
	}

	/**
	 * A doctor's free slots over some days.
	 *
	 * @param doctorId the doctor
	 * @param timezone the clinic's time zone, in which the days are meant
	 * @param type the appointment type asked for, if any
	 * @param minutes how long each slot is
	 * @param from the first day
	 * @param to the last day
	 * @param slots free slots in start order
	 */
	public record DoctorSlots(UUID doctorId, String timezone, @Nullable String type, int minutes, LocalDate from,
			LocalDate to, List<Slot> slots) {
	}

	/**
	 * A car's windows over some days.
	 *
	 * @param carId the car
	 * @param timezone the clinic's time zone, in which the days are meant
	 * @param from the first day
	 * @param to the last day
	 * @param slots the windows in start order, each with its places
	 */
	public record CarWindows(UUID carId, String timezone, LocalDate from, LocalDate to, List<WindowSlot> slots) {
	}

	/**
	 * A time that can be booked, with its places.
	 *
	 * @param start when it starts
	 * @param end when it ends
	 * @param capacity how many appointments it takes (1 for a doctor)
	 * @param booked how many it holds
	 * @param remaining how many more it takes
	 */
	public record WindowSlot(Instant start, Instant end, int capacity, int booked, int remaining) {
	}

	/**
	 * The free times of one doctor or car.
	 *
	 * @param kind doctor or car
	 * @param resourceId the doctor or car
	 * @param name its name
	 * @param zoneId for a car, the zone through which it serves the patient
	 * @param slots free times in start order
	 */
	public record ResourceSlots(ResourceKind kind, UUID resourceId, String name, @Nullable UUID zoneId,
			List<WindowSlot> slots) {
	}

}
