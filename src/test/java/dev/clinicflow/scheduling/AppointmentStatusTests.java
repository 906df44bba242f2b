package dev.clinicflow.scheduling;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static dev.clinicflow.scheduling.AppointmentStatus.CANCELLED;
import static dev.clinicflow.scheduling.AppointmentStatus.CHECKED_IN;
import static dev.clinicflow.scheduling.AppointmentStatus.COMPLETED;
import static dev.clinicflow.scheduling.AppointmentStatus.CONFIRMED;
import static dev.clinicflow.scheduling.AppointmentStatus.NO_SHOW;
import static dev.clinicflow.scheduling.AppointmentStatus.SCHEDULED;
import static org.assertj.core.api.Assertions.assertThat;

class AppointmentStatusTests {

	@Test
	void theLifecycleAllowsExactlyItsStepsForward() {
		Map<AppointmentStatus, Set<AppointmentStatus>> steps = Map.of(SCHEDULED,
				EnumSet.of(CONFIRMED, CHECKED_IN, CANCELLED, NO_SHOW), CONFIRMED,
				EnumSet.of(CHECKED_IN, CANCELLED, NO_SHOW), CHECKED_IN, EnumSet.of(COMPLETED), COMPLETED,
				EnumSet.noneOf(AppointmentStatus.class), CANCELLED, EnumSet.noneOf(AppointmentStatus.class), NO_SHOW,
				EnumSet.noneOf(AppointmentStatus.class));
		for (AppointmentStatus from : AppointmentStatus.values()) {
			for (AppointmentStatus to : AppointmentStatus.values()) {
				assertThat(from.canBecome(to)).as("%s -> %s", from, to).isEqualTo(steps.get(from).contains(to));
			}
		}
	}

	@Test
	void onlyCancelledAndMissedAppointmentsFreeTheirSlot() {
		assertThat(EnumSet.allOf(AppointmentStatus.class)).filteredOn(AppointmentStatus::holdsSlot)
			.containsExactly(SCHEDULED, CONFIRMED, CHECKED_IN, COMPLETED);
		assertThat(EnumSet.allOf(AppointmentStatus.class)).filteredOn(AppointmentStatus::open)
			.containsExactly(SCHEDULED, CONFIRMED);
	}

}
