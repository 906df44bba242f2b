package dev.clinicflow.shared.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import dev.clinicflow.shared.CurrentTenant;

import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Begins every transaction inside the current tenant: sets {@code app.tenant_id} for this
 * transaction only ({@code set_config(…, true)}), which the row-level security policies
 * read. A pooled connection therefore never carries a tenant into the next transaction,
 * and work with no tenant sees no tenant rows at all.
 */
class TenantTransactionManager extends JdbcTransactionManager {

	TenantTransactionManager(DataSource dataSource) {
		super(dataSource);
	}

	@Override
	protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
			throws SQLException {
		super.prepareTransactionalConnection(connection, definition);
		var tenant = CurrentTenant.find();
		if (tenant.isPresent()) {
			try (PreparedStatement statement = connection
				.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
				statement.setString(1, tenant.get().toString());
				statement.execute();
			}
		}
	}

}
