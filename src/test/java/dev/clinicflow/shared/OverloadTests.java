package dev.clinicflow.shared;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import dev.clinicflow.Api.Response;
import dev.clinicflow.Api.Session;
import dev.clinicflow.ApiTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class OverloadTests extends ApiTest {

	@Autowired
	HikariDataSource pool;

	@Test
	void whenNoConnectionComesFreeTheAnswerIs503WithRetryAfter() throws Exception {
		Session admin = this.api.registerTenant();
		List<Connection> held = new ArrayList<>();
		try {
			while (held.size() < this.pool.getMaximumPoolSize()) {
				held.add(this.pool.getConnection());
			}
			Response busy = this.api.get("/api/v1/users/me").bearer(admin.accessToken()).send();

			assertThat(busy.status()).isEqualTo(503);
			assertThat(busy.code()).isEqualTo("overloaded");
			assertThat(busy.header("Retry-After")).isEqualTo("1");
			assertThat(busy.text()).doesNotContain("Hikari", "SQL");
		}
		finally {
			for (Connection connection : held) {
				connection.close();
			}
		}
		assertThat(this.api.get("/api/v1/users/me").bearer(admin.accessToken()).send().status()).isEqualTo(200);
	}

}
