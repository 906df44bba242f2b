package dev.clinicflow.identity;

/**
 * What a user may do. The full matrix is in docs/roles.md.
 */
public enum Role {

	/** Runs the tenant: users, settings, audit. */
	ADMIN,

	/** Front desk and back office. */
	STAFF,

	/** Sees patients and their own schedule. */
	DOCTOR,

	/** Drives a collection car; sees their route. */
	DRIVER,

	/** A patient using self-service. */
	PATIENT

}
