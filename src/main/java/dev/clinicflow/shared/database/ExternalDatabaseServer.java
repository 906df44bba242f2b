package dev.clinicflow.shared.database;

import java.net.URI;

import org.jspecify.annotations.Nullable;

/**
 * A PostgreSQL server run by someone else, named by {@code DATABASE_URL} in JDBC form
 * ({@code jdbc:postgresql://host:5432/db}) or URI form
 * ({@code postgres://user:password@host:5432/db}).
 */
record ExternalDatabaseServer(String jdbcUrl, String ownerUser,
		@Nullable String ownerPassword) implements DatabaseServer {

	static ExternalDatabaseServer from(DatabaseProperties properties) {
		String url = properties.url().trim();
		String user = properties.user();
		String password = properties.password();
		if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
			URI uri = URI.create(url);
			String userInfo = uri.getUserInfo();
			if (userInfo != null && (user == null || user.isBlank())) {
				int colon = userInfo.indexOf(':');
				user = colon < 0 ? userInfo : userInfo.substring(0, colon);
				password = colon < 0 ? password : userInfo.substring(colon + 1);
			}
			int port = uri.getPort() < 0 ? 5432 : uri.getPort();
			String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
			url = "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query;
		}
		if (!url.startsWith("jdbc:postgresql:")) {
			throw new IllegalStateException(
					"DATABASE_URL must be a PostgreSQL URL (jdbc:postgresql://… or postgres://…)");
		}
		if (user == null || user.isBlank()) {
			user = System.getProperty("user.name");
		}
		return new ExternalDatabaseServer(url, user, password);
	}

	@Override
	public boolean embedded() {
		return false;
	}

	@Override
	public String describe() {
		return "external PostgreSQL at " + this.jdbcUrl.replaceAll("password=[^&]*", "password=***")
				+ " (migrations as " + this.ownerUser + ")";
	}

	@Override
	public void close() {
	}

}
