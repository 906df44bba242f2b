package dev.clinicflow.scheduling;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an appointment is in its life: SCHEDULED → CONFIRMED → CHECKED_IN → COMPLETED, or
 * CANCELLED / NO_SHOW. Cancelled and no-show appointments free their slot.
 */
public enum AppointmentStatus {

	/** Booked. */
	SCHEDULED,
	/** The patient confirmed they will come. */
	CONFIRMED,
	/** The patient arrived (or the car reached them). */
	CHECKED_IN,
	/** Done. */
	COMPLETED,
	/** Called off, with a reason. */
	CANCELLED,
	/** The patient did not come. */
	NO_SHOW;

	static {
		SCHEDULED.next = EnumSet.of(CONFIRMED, CHECKED_IN, CANCELLED, NO_SHOW);
		CONFIRMED.next = EnumSet.of(CHECKED_IN, CANCELLED, NO_SHOW);
		CHECKED_IN.next = EnumSet.of(COMPLETED);
		COMPLETED.next = EnumSet.noneOf(AppointmentStatus.class);
		CANCELLED.next = EnumSet.noneOf(AppointmentStatus.class);
		NO_SHOW.next = EnumSet.noneOf(AppointmentStatus.class);
	}

	private Set<AppointmentStatus> next = Set.of();

	/**
	 * Tells whether the appointment keeps its slot taken.
	 * @return false for cancelled and no-show appointments
	 */
	public boolean holdsSlot() {
		return this != CANCELLED && this != NO_SHOW;
	}

	/**
	 * Tells whether an appointment in this status may still be moved or called off.
	 * @return true before check-in
	 */
	public boolean open() {
		return this == SCHEDULED || this == CONFIRMED;
	}

	/**
	 * Tells whether the lifecycle allows going from this status to another.
	 * @param status the next status
	 * @return whether the transition is allowed
	 */
	public boolean canBecome(AppointmentStatus status) {
		return this.next.contains(status);
	}

	/** The statuses that hold a slot, as SQL text for {@code status in (…)}. */
	static final String HOLDING_SQL = "('SCHEDULED', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED')";

}
