package dev.clinicflow.shared.database;

import org.jspecify.annotations.Nullable;

/**
 * How to reach the PostgreSQL server in use: as the schema owner (for migrations) and as
 * the runtime role (for the application).
 */
interface DatabaseServer extends AutoCloseable {

	String jdbcUrl();

	String ownerUser();

	@Nullable String ownerPassword();

	boolean embedded();

	/** A line for the log that says which database is in use. */
	String describe();

	@Override
	void close();

}
