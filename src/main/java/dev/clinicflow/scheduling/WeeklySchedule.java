package dev.clinicflow.scheduling;

import java.time.DayOfWeek;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The hours a resource works each week, in local times of the clinic's time zone. A day
 * that is not listed (or lists no intervals) is a day off.
 *
 * @param days at most one entry per day of the week
 */
public record WeeklySchedule(@NotNull @Size(max = 7) List<@NotNull @Valid Day> days) {

	/**
	 * One day of the week.
	 *
	 * @param dayOfWeek {@code MONDAY} to {@code SUNDAY}
	 * @param intervals working intervals that do not overlap
	 */
	public record Day(@NotNull DayOfWeek dayOfWeek, @NotNull @Size(max = 48) List<@NotNull @Valid Interval> intervals) {
	}

	/**
	 * A working interval of a day, on five-minute boundaries.
	 *
	 * @param start local time {@code HH:mm} it starts at
	 * @param end local time {@code HH:mm} it ends at (exclusive), after {@code start};
	 * {@code 24:00} is the end of the day
	 */
	public record Interval(
			@NotNull @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]",
					message = "must be a local time HH:mm such as 08:00") String start,
			@NotNull @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]|24:00",
					message = "must be a local time HH:mm such as 12:00, or 24:00") String end) {

		int startMinute() {
			return minutes(this.start);
		}

		int endMinute() {
			return minutes(this.end);
		}

		private static int minutes(String time) {
			return Integer.parseInt(time.substring(0, 2)) * 60 + Integer.parseInt(time.substring(3, 5));
		}

	}

}
