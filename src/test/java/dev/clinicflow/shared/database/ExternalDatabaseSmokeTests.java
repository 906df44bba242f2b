package dev.clinicflow.shared.database;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

import dev.clinicflow.Api;
import dev.clinicflow.ClinicflowApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production path: the service on a PostgreSQL server it does not run itself, named
 * by {@code DATABASE_URL}. Runs when {@code CLINICFLOW_TEST_EXTERNAL_DATABASE} names a
 * server where the given user may create databases (CI sets it to the machine's local
 * PostgreSQL); each run uses a new database and drops it afterwards.
 */
@EnabledIfEnvironmentVariable(named = "CLINICFLOW_TEST_EXTERNAL_DATABASE", matches = ".+")
class ExternalDatabaseSmokeTests {

	@TempDir
	Path dataDir;

	@Test
	void runsMigratesAndIsolatesTenantsOnAnExternalPostgres() throws Exception {
		String serverUrl = System.getenv("CLINICFLOW_TEST_EXTERNAL_DATABASE");
		String database = "clinicflow_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (Connection admin = DriverManager.getConnection(serverUrl); Statement statement = admin.createStatement()) {
			statement.execute("create database " + database);
		}
		URI server = URI.create(serverUrl.substring("jdbc:".length()));
		String url = "jdbc:postgresql://" + server.getHost() + ":" + server.getPort() + "/" + database;
		String user = server.getQuery().replaceAll(".*user=([^&]+).*", "$1");
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ClinicflowApplication.class).run(
				"--clinicflow.database.url=" + url, "--clinicflow.database.user=" + user,
				"--clinicflow.database.app-user=clinicflow_it_app",
				"--clinicflow.security.jwt-secret=" + Base64.getEncoder().encodeToString(key),
				"--clinicflow.data-dir=" + this.dataDir, "--server.port=0")) {
			Api api = new Api("http://localhost:" + app.getEnvironment().getProperty("local.server.port"));
			Api.Session admin = api.registerTenant();
			assertThat(api.get("/api/v1/users/me").bearer(admin.accessToken()).send().status()).isEqualTo(200);
			assertThat(api.post("/api/v1/auth/login")
				.json(Map.of("email", admin.email(), "password", admin.password()))
				.send()
				.status()).isEqualTo(200);

			JdbcClient runtime = JdbcClient.create(app.getBean(DataSource.class));
			assertThat(runtime.sql("select current_user").query(String.class).single()).isEqualTo("clinicflow_it_app");
			assertThat(runtime.sql("select count(*) from identity.users").query(Long.class).single())
				.as("no tenant set: row-level security hides every row")
				.isZero();
		}
		finally {
			try (Connection admin = DriverManager.getConnection(serverUrl);
					Statement statement = admin.createStatement()) {
				statement.execute("drop database if exists " + database + " with (force)");
			}
		}
	}

}
