package dev.clinicflow.scheduling.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import dev.clinicflow.scheduling.ResourceKind;
import dev.clinicflow.scheduling.ScheduleView;
import dev.clinicflow.scheduling.WeeklySchedule;
import dev.clinicflow.scheduling.WeeklySchedules;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Weekly schedules of doctors and cars, in local times of the clinic's time zone.
 */
@RestController
@Tag(name = "Schedules")
class ScheduleController {

	private static final String RULES = "Replaces the whole schedule in one transaction. Times are `HH:mm` on "
			+ "five-minute boundaries (`24:00` ends a day); intervals of a day must not overlap and a day of the "
			+ "week may appear once. Errors name the field, such as `days[0].intervals[1].start`.";

	private final WeeklySchedules schedules;

	ScheduleController(WeeklySchedules schedules) {
		this.schedules = schedules;
	}

	@GetMapping("/api/v1/doctors/{id}/schedule")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF', 'DOCTOR')")
	@Operation(summary = "A doctor's weekly schedule (ADMIN, STAFF, DOCTOR)")
	ScheduleView doctor(@PathVariable UUID id) {
		return this.schedules.read(ResourceKind.DOCTOR, id);
	}

	@PutMapping("/api/v1/doctors/{id}/schedule")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF', 'DOCTOR')")
	@Operation(summary = "Replace a doctor's weekly schedule (ADMIN, STAFF; DOCTOR for their own)", description = RULES)
	ScheduleView replaceDoctor(@PathVariable UUID id, @Valid @RequestBody WeeklySchedule schedule) {
		return this.schedules.replace(ResourceKind.DOCTOR, id, schedule);
	}

	@GetMapping("/api/v1/cars/{id}/schedule")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF', 'DOCTOR', 'DRIVER')")
	@Operation(summary = "A car's weekly schedule (ADMIN, STAFF, DOCTOR, DRIVER)")
	ScheduleView car(@PathVariable UUID id) {
		return this.schedules.read(ResourceKind.CAR, id);
	}

	@PutMapping("/api/v1/cars/{id}/schedule")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
	@Operation(summary = "Replace a car's weekly schedule (ADMIN, STAFF)", description = RULES)
	ScheduleView replaceCar(@PathVariable UUID id, @Valid @RequestBody WeeklySchedule schedule) {
		return this.schedules.replace(ResourceKind.CAR, id, schedule);
	}

}
