package dev.clinicflow.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A stored holiday.
 *
 * @param id the holiday's id
 * @param date the day
 * @param name what it is
 * @param createdAt when it was recorded
 */
public record HolidayView(UUID id, LocalDate date, String name, Instant createdAt) {
}
