package dev.clinicflow.scheduling;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * An absence, in exactly one of three shapes: one whole day ({@code date}), a run of
 * whole days ({@code from} and {@code to}, both included), or an interval between two
 * instants ({@code start} and {@code end}, end excluded). Whole days are days of the
 * clinic's calendar, in its time zone.
 *
 * @param date a single whole day
 * @param from the first whole day
 * @param to the last whole day, not before {@code from}, at most 366 days later
 * @param start when the interval starts
 * @param end when it ends, after {@code start}, at most 366 days later
 * @param reason why, if the clinic wants to say (shown to staff only)
 */
public record TimeOffInput(@Nullable LocalDate date, @Nullable LocalDate from, @Nullable LocalDate to,
		@Nullable Instant start, @Nullable Instant end, @Nullable @Size(max = 500) String reason) {
}
