package dev.clinicflow.shared.database;

import java.util.Optional;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Reads what PostgreSQL said about a failed statement. Spring's data-access exceptions no
 * longer carry it, so modules ask here which constraint a write broke and map that
 * constraint, and only that one, to a client error.
 */
public final class SqlErrors {

	/** SQLSTATE of a unique-key violation. */
	public static final String UNIQUE_VIOLATION = "23505";

	/** SQLSTATE of an exclusion-constraint violation. */
	public static final String EXCLUSION_VIOLATION = "23P01";

	/** SQLSTATE of a check-constraint violation. */
	public static final String CHECK_VIOLATION = "23514";

	/** SQLSTATE of a transaction aborted to break a deadlock. */
	public static final String DEADLOCK_DETECTED = "40P01";

	private SqlErrors() {
	}

	/**
	 * Returns the constraint a write broke, when it broke one with the given SQLSTATE.
	 * @param failure the exception thrown by the write
	 * @param sqlState the SQLSTATE to look for
	 * @return the violated constraint's name
	 */
	public static Optional<String> violatedConstraint(Throwable failure, String sqlState) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof PSQLException psql && sqlState.equals(psql.getSQLState())) {
				ServerErrorMessage message = psql.getServerErrorMessage();
				return Optional.ofNullable((message != null) ? message.getConstraint() : null);
			}
		}
		return Optional.empty();
	}

	/**
	 * Tells whether PostgreSQL failed a statement with the given SQLSTATE.
	 * @param failure the exception thrown
	 * @param sqlState the SQLSTATE to look for
	 * @return whether the failure, or one of its causes, carries it
	 */
	public static boolean hasState(Throwable failure, String sqlState) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof PSQLException psql && sqlState.equals(psql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

}
