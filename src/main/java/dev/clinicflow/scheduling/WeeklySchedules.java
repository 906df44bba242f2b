package dev.clinicflow.scheduling;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.clinicflow.audit.AuditEntry;
import dev.clinicflow.audit.AuditLog;
import dev.clinicflow.identity.IdentityApi;
import dev.clinicflow.scheduling.WeeklySchedule.Day;
import dev.clinicflow.scheduling.WeeklySchedule.Interval;
import dev.clinicflow.shared.InvalidField;
import dev.clinicflow.shared.InvalidRequest;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and replaces the weekly schedules of doctors and cars. A replacement is
 * all-or-nothing: the resource row is locked, the old intervals deleted and the new ones
 * inserted in one transaction, and an exclusion constraint backs the overlap check.
 */
@Service
public class WeeklySchedules {

	private final ScheduleStore store;

	private final ResourceAccess access;

	private final IdentityApi identity;

	private final AuditLog audit;

	WeeklySchedules(ScheduleStore store, ResourceAccess access, IdentityApi identity, AuditLog audit) {
		this.store = store;
		this.access = access;
		this.identity = identity;
		this.audit = audit;
	}

	/**
	 * Reads a resource's weekly schedule.
	 * @param kind doctor or car
	 * @param id the resource
	 * @return the schedule
	 */
	@Transactional(readOnly = true)
	public ScheduleView read(ResourceKind kind, UUID id) {
		this.access.requireExisting(kind, id);
		return new ScheduleView(id, this.identity.currentTenant().timezone(), this.store.read(id));
	}

	/**
	 * Replaces a resource's weekly schedule. A DOCTOR may replace only their own.
	 * @param kind doctor or car
	 * @param id the resource
	 * @param schedule the new schedule
	 * @return the stored schedule
	 */
	@Transactional
	public ScheduleView replace(ResourceKind kind, UUID id, WeeklySchedule schedule) {
		check(schedule);
		this.access.requireOwn(kind, id, true);
		this.store.replace(id, schedule);
		this.audit.record(AuditEntry.success(kind.label() + ".schedule_replaced", kind.label(), id));
		return read(kind, id);
	}

	/** Repeated days, off-grid times, empty or overlapping intervals, each named. */
	static void check(WeeklySchedule schedule) {
		List<InvalidField> errors = new ArrayList<>();
		Set<DayOfWeek> seen = EnumSet.noneOf(DayOfWeek.class);
		for (int d = 0; d < schedule.days().size(); d++) {
			Day day = schedule.days().get(d);
			String path = "days[" + d + "]";
			if (!seen.add(day.dayOfWeek())) {
				errors.add(new InvalidField(path + ".dayOfWeek", "is repeated"));
			}
			List<Interval> intervals = day.intervals();
			for (int i = 0; i < intervals.size(); i++) {
				Interval interval = intervals.get(i);
				String at = path + ".intervals[" + i + "]";
				if (interval.startMinute() % 5 != 0) {
					errors.add(new InvalidField(at + ".start", "must be on a 5-minute boundary"));
				}
				if (interval.endMinute() % 5 != 0) {
					errors.add(new InvalidField(at + ".end", "must be on a 5-minute boundary"));
				}
				if (interval.endMinute() <= interval.startMinute()) {
					errors.add(new InvalidField(at + ".end", "must be after start"));
				}
			}
			overlaps(path, intervals, errors);
		}
		if (!errors.isEmpty()) {
			throw InvalidRequest.fields(errors);
		}
	}

	/**
	 * Walks the intervals in order of start; one that starts before the furthest end so
	 * far overlaps the interval with that end.
	 */
	private static void overlaps(String path, List<Interval> intervals, List<InvalidField> errors) {
		List<Integer> byStart = new ArrayList<>();
		for (int i = 0; i < intervals.size(); i++) {
			byStart.add(i);
		}
		byStart.sort(Comparator.comparingInt((Integer i) -> intervals.get(i).startMinute()));
		int furthest = -1;
		for (int i : byStart) {
			Interval interval = intervals.get(i);
			if (furthest >= 0 && interval.startMinute() < intervals.get(furthest).endMinute()) {
				errors.add(new InvalidField(path + ".intervals[" + i + "].start",
						"overlaps " + path + ".intervals[" + furthest + "]"));
			}
			if (furthest < 0 || interval.endMinute() > intervals.get(furthest).endMinute()) {
				furthest = i;
			}
		}
	}

}
