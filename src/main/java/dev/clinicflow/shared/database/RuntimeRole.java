package dev.clinicflow.shared.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * The role the application's pool connects as. Row-level security only protects tenants
 * from each other if this role is neither a superuser nor BYPASSRLS and owns no table, so
 * it is created that way when the owner may create roles, and refused otherwise.
 */
final class RuntimeRole {

	private RuntimeRole() {
	}

	static void ensure(DataSource owner, String role, @Nullable String password) {
		if (!role.matches("[a-z_][a-z0-9_]{0,62}")) {
			throw new IllegalStateException(
					"DATABASE_APP_USER must be a plain lower-case role name, got '" + role + "'");
		}
		try (Connection connection = owner.getConnection()) {
			Boolean privileged = privileged(connection, role);
			if (privileged == null) {
				create(connection, role, password);
			}
			else if (privileged) {
				throw new IllegalStateException("The runtime role '" + role
						+ "' is a superuser or has BYPASSRLS; row-level security would not apply to it. "
						+ "Use a plain role (see docs/operations.md).");
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute("grant connect on database \"" + connection.getCatalog() + "\" to " + role);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not prepare the runtime role '" + role + "': " + ex.getMessage(),
					ex);
		}
	}

	/** Returns null when the role does not exist. */
	private static @Nullable Boolean privileged(Connection connection, String role) throws SQLException {
		try (PreparedStatement query = connection
			.prepareStatement("select rolsuper or rolbypassrls from pg_roles where rolname = ?")) {
			query.setString(1, role);
			try (ResultSet row = query.executeQuery()) {
				return row.next() ? row.getBoolean(1) : null;
			}
		}
	}

	private static void create(Connection connection, String role, @Nullable String password) throws SQLException {
		try (PreparedStatement ddl = connection.prepareStatement(
				"select format('create role %I login nosuperuser nobypassrls nocreatedb nocreaterole password %L', ?, ?)")) {
			ddl.setString(1, role);
			ddl.setString(2, password);
			try (ResultSet row = ddl.executeQuery(); Statement statement = connection.createStatement()) {
				row.next();
				statement.execute(row.getString(1));
			}
		}
		catch (SQLException ex) {
			throw new SQLException("the role does not exist and could not be created (" + ex.getMessage()
					+ "); ask your DBA for the one-time step in docs/operations.md", ex);
		}
	}

}
