package dev.clinicflow.scheduling;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * How a series repeats: every {@code interval} days, weeks or months, at the first
 * appointment's local time, {@code count} times or until a day.
 *
 * @param frequency DAILY, WEEKLY or MONTHLY
 * @param interval the step in those units, 1 when absent
 * @param count how many appointments, the first included (at most 52)
 * @param until the last day an appointment may fall on (at most 52 appointments)
 */
public record Recurrence(@NotNull Frequency frequency, @Nullable @Min(1) @Max(12) Integer interval,
		@Nullable @Min(1) @Max(AppointmentSeries.MAX_OCCURRENCES) Integer count, @Nullable LocalDate until) {

	/** The unit a series steps in. */
	public enum Frequency {

		/** Every day (or every interval days). */
		DAILY,

		/** Every week. */
		WEEKLY,

		/**
		 * Every month, on the same day of the month (the last day for months that are
		 * shorter).
		 */
		MONTHLY

	}

}
