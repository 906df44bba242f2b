package dev.clinicflow.shared.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.clinicflow.shared.PlatformProperties;

import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * Wires the database: the server (embedded unless {@code DATABASE_URL} is set), an owner
 * connection for Flyway, and the application's pool, which connects as the runtime role
 * that row-level security applies to.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

	@Bean(destroyMethod = "close")
	DatabaseServer databaseServer(DatabaseProperties properties, PlatformProperties platform) {
		DatabaseServer server = properties.embedded()
				? EmbeddedDatabaseServer.start(platform.dataDir().resolve("postgres"), properties.embeddedPort(),
						properties.embeddedSharedBuffers())
				: ExternalDatabaseServer.from(properties);
		log.info("Database: {}", server.describe());
		return server;
	}

	@Bean
	@FlywayDataSource
	DataSource migrationDataSource(DatabaseServer server, DatabaseProperties properties) {
		SimpleDriverDataSource owner = new SimpleDriverDataSource(new org.postgresql.Driver(), server.jdbcUrl(),
				server.ownerUser(), server.ownerPassword());
		RuntimeRole.ensure(owner, properties.appUser(), properties.appPassword());
		return owner;
	}

	@Bean(destroyMethod = "close")
	@Primary
	HikariDataSource dataSource(DatabaseServer server, DatabaseProperties properties,
			@FlywayDataSource DataSource migrationDataSource) {
		HikariConfig config = new HikariConfig();
		config.setPoolName("clinicflow");
		config.setJdbcUrl(server.jdbcUrl());
		config.setUsername(properties.appUser());
		config.setPassword(properties.appPassword());
		config.setMaximumPoolSize(properties.poolSize());
		config.setMinimumIdle(Math.min(4, properties.poolSize()));
		config.setConnectionTimeout(properties.poolTimeout().toMillis());
		HikariDataSource pool = new HikariDataSource(config);
		refusePrivilegedRole(pool);
		return pool;
	}

	/** Row-level security is the second wall between tenants; never run without it. */
	private static void refusePrivilegedRole(DataSource pool) {
		try (Connection connection = pool.getConnection();
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery(
						"select rolsuper or rolbypassrls, current_user, version() from pg_roles where rolname = current_user")) {
			row.next();
			if (row.getBoolean(1)) {
				throw new IllegalStateException("The application connects as '" + row.getString(2)
						+ "', which bypasses row-level security. Configure DATABASE_APP_USER.");
			}
			log.info("Application connects as role '{}' ({})", row.getString(2), row.getString(3));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not connect as the runtime role: " + ex.getMessage(), ex);
		}
	}

	@Bean
	JdbcTransactionManager transactionManager(DataSource dataSource) {
		return new TenantTransactionManager(dataSource);
	}

}
