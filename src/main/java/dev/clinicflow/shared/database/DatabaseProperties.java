package dev.clinicflow.shared.database;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the data lives. With no {@code url} the service runs its own embedded PostgreSQL
 * under the data directory.
 *
 * @param url JDBC or {@code postgres://} URL of an external PostgreSQL
 * ({@code DATABASE_URL}); empty for the embedded one
 * @param user the role that owns the schema and runs migrations ({@code DATABASE_USER})
 * @param password its password ({@code DATABASE_PASSWORD})
 * @param appUser the runtime role the application's pool connects as: not a superuser, no
 * BYPASSRLS, so row-level security applies ({@code DATABASE_APP_USER})
 * @param appPassword its password ({@code DATABASE_APP_PASSWORD})
 * @param embeddedPort port of the embedded PostgreSQL, 0 for any free port
 * @param embeddedSharedBuffers the embedded PostgreSQL's buffer cache
 * ({@code shared_buffers}); a registry of a million patients and its indexes take about
 * 1.5 GB
 * @param poolSize maximum connections of the application's pool
 * @param poolTimeout how long a request waits for a free connection before the service
 * answers 503 (overloaded)
 */
@ConfigurationProperties("clinicflow.database")
public record DatabaseProperties(@Nullable String url, @Nullable String user, @Nullable String password,
		@DefaultValue("clinicflow_app") String appUser, @Nullable String appPassword,
		@DefaultValue("0") int embeddedPort, @DefaultValue("1GB") String embeddedSharedBuffers,
		@DefaultValue("20") int poolSize, @DefaultValue("5s") java.time.Duration poolTimeout) {

	/**
	 * Tells whether the service runs its own embedded PostgreSQL.
	 * @return true when no external URL is configured
	 */
	public boolean embedded() {
		return this.url == null || this.url.isBlank();
	}

}
