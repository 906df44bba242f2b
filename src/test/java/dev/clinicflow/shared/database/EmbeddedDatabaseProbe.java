package dev.clinicflow.shared.database;

import java.nio.file.Path;

/**
 * Run in a separate JVM by {@link EmbeddedDatabaseServerTests}: starts the embedded
 * PostgreSQL, writes a row, says it is ready and waits to be killed.
 */
final class EmbeddedDatabaseProbe {

	static final String READY = "EMBEDDED-POSTGRES-READY";

	private EmbeddedDatabaseProbe() {
	}

	public static void main(String[] args) throws Exception {
		EmbeddedDatabaseServer server = EmbeddedDatabaseServer.start(Path.of(args[0]).resolve("postgres"), 0);
		EmbeddedDatabaseServerTests.execute(server, "create table visit (note text)",
				"insert into visit values ('written before the kill')");
		System.out.println(READY);
		System.out.flush();
		Thread.currentThread().join();
	}

}
