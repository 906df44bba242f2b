package dev.clinicflow.scheduling;

import java.time.Instant;

/**
 * The time an appointment takes: from {@code start} (included) to {@code end} (excluded).
 *
 * @param start when it starts
 * @param end when it ends
 */
public record Slot(Instant start, Instant end) {

	boolean overlaps(Instant otherStart, Instant otherEnd) {
		return this.start.isBefore(otherEnd) && otherStart.isBefore(this.end);
	}

}
