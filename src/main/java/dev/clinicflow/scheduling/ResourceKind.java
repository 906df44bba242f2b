package dev.clinicflow.scheduling;

/**
 * What a bookable resource is. Schedules and time off belong to a resource of either
 * kind.
 */
public enum ResourceKind {

	/** A doctor: one patient at a time. */
	DOCTOR("doctor"),

	/** A collection car: up to its capacity per time window. */
	CAR("car");

	private final String label;

	ResourceKind(String label) {
		this.label = label;
	}

	/**
	 * Returns the lower-case name used in messages and audit entries.
	 * @return the label, such as {@code doctor}
	 */
	public String label() {
		return this.label;
	}

}
