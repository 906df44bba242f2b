package dev.clinicflow.shared.database;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedDatabaseServerTests {

	@TempDir
	Path dataDir;

	@Test
	void dataSurvivesARestart() throws Exception {
		try (EmbeddedDatabaseServer server = EmbeddedDatabaseServer.start(this.dataDir, 0)) {
			execute(server, "create table visit (note text)", "insert into visit values ('kept')");
		}
		try (EmbeddedDatabaseServer server = EmbeddedDatabaseServer.start(this.dataDir, 0)) {
			assertThat(query(server, "select note from visit")).isEqualTo("kept");
			assertThat(query(server, "show fsync")).isEqualTo("on");
			assertThat(query(server, "show synchronous_commit")).isEqualTo("on");
		}
	}

	@Test
	void aPostmasterLeftByAKilledProcessDoesNotBlockTheNextStart() throws Exception {
		Process other = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
				EmbeddedDatabaseProbe.class.getName(), this.dataDir.toString())
			.redirectErrorStream(true)
			.start();
		try (BufferedReader output = new BufferedReader(
				new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8))) {
			assertThat(output.lines().filter((line) -> line.equals(EmbeddedDatabaseProbe.READY)).findFirst())
				.isPresent();
		}
		other.destroyForcibly();
		assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();

		Path pidFile = this.dataDir.resolve("postgres/postmaster.pid");
		long leftover = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
		assertThat(ProcessHandle.of(leftover).map(ProcessHandle::isAlive)).contains(true);

		try (EmbeddedDatabaseServer server = EmbeddedDatabaseServer.start(this.dataDir.resolve("postgres"), 0)) {
			assertThat(query(server, "select note from visit")).isEqualTo("written before the kill");
		}
		assertThat(ProcessHandle.of(leftover).map(ProcessHandle::isAlive).orElse(false)).isFalse();
	}

	static void execute(EmbeddedDatabaseServer server, String... statements) throws SQLException {
		try (Connection connection = connect(server); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	private static String query(EmbeddedDatabaseServer server, String sql) throws SQLException {
		try (Connection connection = connect(server);
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery(sql)) {
			row.next();
			return row.getString(1);
		}
	}

	private static Connection connect(EmbeddedDatabaseServer server) throws SQLException {
		return DriverManager.getConnection(server.jdbcUrl(), server.ownerUser(), null);
	}

	private static String javaBinary() {
		return ProcessHandle.current()
			.info()
			.command()
			.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
	}

}
