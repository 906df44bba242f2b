package dev.clinicflow.audit;

/**
 * How an audited action ended.
 */
public enum AuditOutcome {

	/** The action was carried out. */
	SUCCESS,

	/** The action was attempted and failed (a wrong password, say). */
	FAILURE,

	/** The action was refused for lack of permission. */
	DENIED

}
