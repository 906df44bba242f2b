package dev.clinicflow.identity;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;
import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.clinicflow.Api.Response;
import dev.clinicflow.Api.Session;
import dev.clinicflow.ApiTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tenants never see each other: over the API another tenant's ids are simply not found,
 * and underneath, the database role the application connects as is held to the current
 * tenant's rows by row-level security, whatever a query asks for.
 */
class TenantIsolationTests extends ApiTest {

	/** SQLSTATE {@code insufficient_privilege}: refused grants and RLS check failures. */
	private static final String INSUFFICIENT_PRIVILEGE = "42501";

	/** The application's pool, which connects as the runtime role. */
	@Autowired
	private DataSource dataSource;

	// ---- over the API

	@Test
	void anotherTenantsUserIsNotFoundAndCannotBeChanged() {
		Session adminA = this.api.registerTenant();
		Session adminB = this.api.registerTenant();
		Session staffB = this.api.createUser(adminB, "STAFF");
		JsonNode before = this.api.get("/api/v1/users/me").bearer(staffB.accessToken()).send().json();
		String nameOfB = before.get("name").asString();

		Response read = this.api.get("/api/v1/users/" + staffB.userId()).bearer(adminA.accessToken()).send();
		assertNotFoundRevealingNothing(read, before);

		Response changed = this.api.patch("/api/v1/users/" + staffB.userId())
			.bearer(adminA.accessToken())
			.json(Map.of("name", "Hijacked", "role", "ADMIN"))
			.send();
		assertNotFoundRevealingNothing(changed, before);

		Response deactivated = this.api.patch("/api/v1/users/" + staffB.userId())
			.bearer(adminA.accessToken())
			.json(Map.of("active", false))
			.send();
		assertNotFoundRevealingNothing(deactivated, before);

		JsonNode after = this.api.get("/api/v1/users/me").bearer(staffB.accessToken()).send().json();
		assertThat(after.get("name").asString()).isEqualTo(nameOfB);
		assertThat(after.get("role").asString()).isEqualTo("STAFF");
		assertThat(after.get("active").asBoolean()).isTrue();
		assertThat(after.get("version").asLong()).isEqualTo(before.get("version").asLong());
	}

	@Test
	void anotherTenantsPhotoIsNotFound() {
		Session adminA = this.api.registerTenant();
		Session adminB = this.api.registerTenant();
		Session staffB = this.api.createUser(adminB, "STAFF");
		Response upload = this.api.post("/api/v1/users/me/photo")
			.bearer(staffB.accessToken())
			.multipartFile("file", "b.png", "image/png", png())
			.send();
		assertThat(upload.status()).isEqualTo(204);
		assertThat(this.api.get("/api/v1/users/" + staffB.userId() + "/photo")
			.bearer(adminB.accessToken())
			.send()
			.status()).as("B's own admin sees it").isEqualTo(200);

		Response response = this.api.get("/api/v1/users/" + staffB.userId() + "/photo")
			.bearer(adminA.accessToken())
			.send();

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.code()).isEqualTo("not_found");
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
	}

	@Test
	void anotherTenantsAuditTrailIsInvisible() {
		Session adminA = this.api.registerTenant();
		Session adminB = this.api.registerTenant();
		Session staffB = this.api.createUser(adminB, "STAFF");
		Response ownView = this.api.get("/api/v1/audit?entityId=" + staffB.userId())
			.bearer(adminB.accessToken())
			.send();
		assertThat(ownView.json().get("items").size()).as("B's admin sees B's trail").isPositive();

		Response response = this.api.get("/api/v1/audit?entityId=" + staffB.userId())
			.bearer(adminA.accessToken())
			.send();

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("items").size()).isZero();
		Response everything = this.api.get("/api/v1/audit?limit=200").bearer(adminA.accessToken()).send();
		assertThat(everything.text()).doesNotContain(staffB.userId().toString())
			.doesNotContain(adminB.userId().toString());
	}

	@Test
	void theUserListShowsOnlyTheTenantsOwnUsers() {
		Session adminA = this.api.registerTenant();
		Session staffA = this.api.createUser(adminA, "STAFF");
		Session adminB = this.api.registerTenant();
		Session staffB = this.api.createUser(adminB, "STAFF");

		Response response = this.api.get("/api/v1/users").bearer(adminA.accessToken()).send();

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("items").valueStream().map((user) -> user.get("id").asString()))
			.containsExactlyInAnyOrder(adminA.userId().toString(), staffA.userId().toString());
		assertThat(response.text()).doesNotContain(adminB.email()).doesNotContain(staffB.email());
	}

	// ---- in the database, as the runtime role

	@Test
	void theRuntimeRoleIsNeitherSuperuserNorBypassesRowLevelSecurity() throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet row = statement
					.executeQuery("select rolsuper, rolbypassrls from pg_roles where rolname = current_user")) {
			assertThat(row.next()).isTrue();
			assertThat(row.getBoolean("rolsuper")).as("superuser").isFalse();
			assertThat(row.getBoolean("rolbypassrls")).as("bypassrls").isFalse();
		}
	}

	@Test
	void withoutATenantTheRuntimeRoleSeesNoRowsAtAll() throws SQLException {
		Session admin = this.api.registerTenant();
		this.api.createUser(admin, "STAFF");
		assertThat(countIn(admin.tenantId(), "select count(*) from identity.users")).as("rows exist").isEqualTo(2);

		try (Connection connection = this.dataSource.getConnection()) {
			assertThat(count(connection, "select count(*) from identity.users")).isZero();
			assertThat(count(connection, "select count(*) from audit.audit_log")).isZero();
			assertThat(count(connection, "select count(*) from identity.tenants")).isZero();
		}
		assertThat(countIn(null, "select count(*) from identity.users")).isZero();
		assertThat(countIn(null, "select count(*) from audit.audit_log")).isZero();
	}

	@Test
	void insideATenantTheRuntimeRoleSeesOnlyThatTenantsRows() throws SQLException {
		Session adminA = this.api.registerTenant();
		Session staffA = this.api.createUser(adminA, "STAFF");
		Session adminB = this.api.registerTenant();
		Session staffB = this.api.createUser(adminB, "STAFF");

		List<String> usersSeenByA = stringsIn(adminA.tenantId(), "select id::text from identity.users");
		assertThat(usersSeenByA).containsExactlyInAnyOrder(adminA.userId().toString(), staffA.userId().toString());
		inTenant(adminA.tenantId(), (db) -> {
			assertThat(count(db, "select count(*) from identity.users where tenant_id <> ?", adminA.tenantId()))
				.isZero();
			assertThat(count(db, "select count(*) from identity.users where id = ?", staffB.userId())).isZero();
			assertThat(count(db, "select count(*) from audit.audit_log")).isPositive();
			assertThat(count(db, "select count(*) from audit.audit_log where tenant_id <> ?", adminA.tenantId()))
				.isZero();
			assertThat(count(db, "select count(*) from audit.audit_log where entity_id = ?", adminB.userId())).isZero();
			assertThat(strings(db, "select id::text from identity.tenants"))
				.containsExactly(adminA.tenantId().toString());
			assertThat(update(db, "update identity.users set name = 'Hijacked' where id = ?", staffB.userId()))
				.as("another tenant's row is not there to update")
				.isZero();
			return null;
		});
		assertThat(stringsIn(adminB.tenantId(), "select name from identity.users where id = ?", staffB.userId()))
			.doesNotContain("Hijacked")
			.hasSize(1);
	}

	@Test
	void theAuditLogCannotBeUpdatedOrDeletedEvenInsideTheTenant() throws SQLException {
		Session admin = this.api.registerTenant();
		assertThat(countIn(admin.tenantId(), "select count(*) from audit.audit_log")).isPositive();

		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> updateIn(admin.tenantId(), "update audit.audit_log set action = 'x'"))
			.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> updateIn(admin.tenantId(), "delete from audit.audit_log"))
			.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> updateIn(null, "delete from audit.audit_log"))
			.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
	}

	@Test
	void aRowForAnotherTenantCannotBeInserted() throws SQLException {
		Session adminA = this.api.registerTenant();
		Session adminB = this.api.registerTenant();
		String insert = """
				insert into identity.users
				  (tenant_id, id, email, name, role, active, must_change_password, created_at, updated_at, version)
				values (?, ?, ?, 'Intruder', 'ADMIN', true, false, now(), now(), 0)""";

		assertThat(updateIn(adminA.tenantId(), insert, adminA.tenantId(), UUID.randomUUID(),
				"own-" + UUID.randomUUID() + "@clinic.test"))
			.as("the same insert for the current tenant is allowed (and rolled back)")
			.isEqualTo(1);
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> updateIn(adminA.tenantId(), insert, adminB.tenantId(), UUID.randomUUID(),
					"intruder-" + UUID.randomUUID() + "@clinic.test"))
			.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE))
			.withMessageContaining("row-level security");
		assertThat(countIn(adminB.tenantId(), "select count(*) from identity.users")).as("B still has only its admin")
			.isEqualTo(1);
	}

	// ---- helpers

	private static void assertNotFoundRevealingNothing(Response response, JsonNode userOfB) {
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.code()).isEqualTo("not_found");
		assertThat(response.text()).doesNotContain(userOfB.get("email").asString())
			.doesNotContain(userOfB.get("name").asString())
			.doesNotContain("\"role\"")
			.doesNotContain("\"version\"");
	}

	/**
	 * Runs work in a transaction of a pooled connection, inside a tenant as the
	 * application does ({@code set_config('app.tenant_id', …, true)}) or with none, and
	 * rolls it back.
	 */
	private <T> T inTenant(@Nullable UUID tenant, SqlWork<T> work) throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				if (tenant != null) {
					try (PreparedStatement set = connection
						.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
						set.setString(1, tenant.toString());
						set.execute();
					}
				}
				return work.run(connection);
			}
			finally {
				connection.rollback();
				connection.setAutoCommit(true);
			}
		}
	}

	private long countIn(@Nullable UUID tenant, String sql, Object... params) throws SQLException {
		return inTenant(tenant, (db) -> count(db, sql, params));
	}

	private List<String> stringsIn(@Nullable UUID tenant, String sql, Object... params) throws SQLException {
		return inTenant(tenant, (db) -> strings(db, sql, params));
	}

	private int updateIn(@Nullable UUID tenant, String sql, Object... params) throws SQLException {
		return inTenant(tenant, (db) -> update(db, sql, params));
	}

	private static long count(Connection connection, String sql, Object... params) throws SQLException {
		try (PreparedStatement statement = prepare(connection, sql, params); ResultSet row = statement.executeQuery()) {
			row.next();
			return row.getLong(1);
		}
	}

	private static List<String> strings(Connection connection, String sql, Object... params) throws SQLException {
		List<String> values = new ArrayList<>();
		try (PreparedStatement statement = prepare(connection, sql, params);
				ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				values.add(rows.getString(1));
			}
		}
		return values;
	}

	private static int update(Connection connection, String sql, Object... params) throws SQLException {
		try (PreparedStatement statement = prepare(connection, sql, params)) {
			return statement.executeUpdate();
		}
	}

	private static PreparedStatement prepare(Connection connection, String sql, Object... params) throws SQLException {
		PreparedStatement statement = connection.prepareStatement(sql);
		for (int i = 0; i < params.length; i++) {
			statement.setObject(i + 1, params[i]);
		}
		return statement;
	}

	private static byte[] png() {
		BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
		image.setRGB(4, 4, 0xcc3366);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** Work on a connection. */
	@FunctionalInterface
	private interface SqlWork<T> {

		T run(Connection connection) throws SQLException;

	}

}
