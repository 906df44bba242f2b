package dev.clinicflow.scheduling;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.clinicflow.scheduling.WeeklySchedule.Day;
import dev.clinicflow.scheduling.WeeklySchedule.Interval;
import dev.clinicflow.shared.CurrentTenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Weekly intervals, one row each: (resource, ISO day of week, start time, end time), the
 * shape slot generation reads. Times travel as {@code HH:mm} text so that the end of the
 * day, {@code 24:00}, survives the round trip.
 */
@Component
class ScheduleStore {

	private final JdbcClient jdbc;

	ScheduleStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void replace(UUID resourceId, WeeklySchedule schedule) {
		this.jdbc.sql("delete from scheduling.schedule_intervals where resource_id = ?").param(resourceId).update();
		List<Short> days = new ArrayList<>();
		List<String> starts = new ArrayList<>();
		List<String> ends = new ArrayList<>();
		for (Day day : schedule.days()) {
			for (Interval interval : day.intervals()) {
				days.add((short) day.dayOfWeek().getValue());
				starts.add(interval.start());
				ends.add(interval.end());
			}
		}
		if (days.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				insert into scheduling.schedule_intervals (tenant_id, resource_id, day_of_week, start_time, end_time)
				select ?, ?, i.day, cast(i.start_time as time), cast(i.end_time as time)
				from unnest(?, ?, ?) as i(day, start_time, end_time)""")
			.params(CurrentTenant.require().value(), resourceId, days.toArray(Short[]::new),
					starts.toArray(String[]::new), ends.toArray(String[]::new))
			.update();
	}

	List<Day> read(UUID resourceId) {
		Map<DayOfWeek, List<Interval>> days = new LinkedHashMap<>();
		this.jdbc.sql("""
				select day_of_week, to_char(start_time, 'HH24:MI'), to_char(end_time, 'HH24:MI')
				from scheduling.schedule_intervals where resource_id = ?
				order by day_of_week, start_time""").param(resourceId).query((row) -> {
			days.computeIfAbsent(DayOfWeek.of(row.getInt(1)), (day) -> new ArrayList<>())
				.add(new Interval(row.getString(2), row.getString(3)));
		});
		return days.entrySet().stream().map((day) -> new Day(day.getKey(), List.copyOf(day.getValue()))).toList();
	}

}
