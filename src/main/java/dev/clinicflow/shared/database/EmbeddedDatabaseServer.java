package dev.clinicflow.shared.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server the service runs itself when no external one is configured: the
 * real engine (zonky binaries), durable (fsync and synchronous commit on, data kept
 * across restarts), shared by every Spring context of one JVM that points at the same
 * data directory and stopped when the last one closes.
 */
final class EmbeddedDatabaseServer implements DatabaseServer {

	static final String DATABASE = "clinicflow";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseServer.class);

	private static final Map<Path, EmbeddedDatabaseServer> RUNNING = new HashMap<>();

	private final Path directory;

	private final EmbeddedPostgres postgres;

	private int users;

	private EmbeddedDatabaseServer(Path directory, EmbeddedPostgres postgres) {
		this.directory = directory;
		this.postgres = postgres;
	}

	/**
	 * Starts the server on a data directory, or joins the one this JVM already runs
	 * there.
	 */
	static EmbeddedDatabaseServer start(Path directory, int port) {
		return start(directory, port, "128MB");
	}

	/**
	 * Starts the server on a data directory with a buffer cache of the given size, or
	 * joins the one this JVM already runs there.
	 */
	static synchronized EmbeddedDatabaseServer start(Path directory, int port, String sharedBuffers) {
		Path key = directory.toAbsolutePath().normalize();
		EmbeddedDatabaseServer server = RUNNING.get(key);
		if (server == null) {
			server = new EmbeddedDatabaseServer(key, startPostgres(key, port, sharedBuffers));
			server.createDatabase();
			RUNNING.put(key, server);
		}
		server.users++;
		return server;
	}

	private static EmbeddedPostgres startPostgres(Path directory, int port, String sharedBuffers) {
		try {
			Files.createDirectories(directory);
			stopLeftoverPostmaster(directory);
			return EmbeddedPostgres.builder()
				.setDataDirectory(directory)
				.setCleanDataDirectory(false)
				.setRegisterShutdownHook(false)
				.setPort(port)
				.setPGStartupWait(Duration.ofSeconds(60))
				// zonky's defaults trade durability for speed; health data needs both
				// back on
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on")
				.setServerConfig("listen_addresses", "localhost")
				// TCP only: a Unix socket in the shared /tmp can collide with another
				// server's
				// stale lock file and stop this one from starting
				.setServerConfig("unix_socket_directories", "''")
				.setServerConfig("max_connections", "200")
				.setServerConfig("shared_buffers", sharedBuffers)
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, ex);
		}
	}

	/**
	 * A process killed with SIGKILL leaves its postmaster running, holding the data
	 * directory; stop it so this start can take over. A stale pid file of a dead process
	 * is left to PostgreSQL, which replaces it.
	 */
	private static void stopLeftoverPostmaster(Path directory) throws IOException {
		Path pidFile = directory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
		ProcessHandle.of(pid)
			.filter(ProcessHandle::isAlive)
			.filter(EmbeddedDatabaseServer::isPostgres)
			.ifPresent((old) -> {
				log.warn("Stopping PostgreSQL (pid {}) left running on {} by an earlier run", pid, directory);
				old.destroy();
				try {
					old.onExit().get(30, TimeUnit.SECONDS);
				}
				catch (TimeoutException ex) {
					old.destroyForcibly();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				catch (java.util.concurrent.ExecutionException ex) {
					throw new IllegalStateException(ex);
				}
			});
	}

	private static boolean isPostgres(ProcessHandle process) {
		return process.info().command().map((command) -> command.endsWith("postgres")).orElse(true);
	}

	private void createDatabase() {
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			var exists = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
			if (!exists.next()) {
				statement.execute("create database " + DATABASE);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the embedded database", ex);
		}
	}

	@Override
	public String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + this.postgres.getPort() + "/" + DATABASE;
	}

	@Override
	public String ownerUser() {
		return "postgres";
	}

	@Override
	public @Nullable String ownerPassword() {
		return null;
	}

	@Override
	public boolean embedded() {
		return true;
	}

	@Override
	public String describe() {
		return "embedded PostgreSQL on localhost:" + this.postgres.getPort() + ", data in " + this.directory;
	}

	@Override
	public void close() {
		synchronized (EmbeddedDatabaseServer.class) {
			if (--this.users > 0) {
				return;
			}
			RUNNING.remove(this.directory);
		}
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			log.warn("Could not stop the embedded PostgreSQL cleanly", ex);
		}
	}

}
