package dev.clinicflow.scheduling;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A day the whole clinic is closed.
 *
 * @param date the day, in the clinic's calendar; one holiday per date
 * @param name what it is, such as "Natal"
 */
public record HolidayInput(@NotNull LocalDate date, @NotBlank @Size(max = 200) String name) {
}
