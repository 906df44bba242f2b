package dev.clinicflow.scheduling;

import java.util.List;
import java.util.UUID;

import dev.clinicflow.scheduling.WeeklySchedule.Day;

/**
 * A resource's weekly schedule as stored: days in order from Monday, intervals in order
 * of their start; days without intervals are left out.
 *
 * @param resourceId the doctor or car
 * @param timezone the IANA time zone the local times are meant in (the clinic's)
 * @param days the working days
 */
public record ScheduleView(UUID resourceId, String timezone, List<Day> days) {
}
