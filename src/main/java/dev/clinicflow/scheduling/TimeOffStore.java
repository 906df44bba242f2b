package dev.clinicflow.scheduling;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.clinicflow.shared.CurrentTenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Absences as a range of instants ({@code period}, what slot generation subtracts), plus
 * the dates of whole-day entries as the clinic meant them.
 */
@Component
class TimeOffStore {

	private static final String SELECT = """
			select id, resource_id, first_date, last_date, lower(period) as start_at, upper(period) as end_at, reason,
			  created_at, created_by
			from scheduling.time_off
			""";

	private final JdbcClient jdbc;

	TimeOffStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(TimeOffView entry) {
		this.jdbc.sql("""
				insert into scheduling.time_off (tenant_id, id, resource_id, period, first_date, last_date, reason,
				  created_at, created_by)
				values (?, ?, ?, tstzrange(?, ?, '[)'), ?, ?, ?, ?, ?)""")
			.params(CurrentTenant.require().value(), entry.id(), entry.resourceId(), Timestamp.from(entry.start()),
					Timestamp.from(entry.end()), entry.from(), entry.to(), entry.reason(),
					Timestamp.from(entry.createdAt()), entry.createdBy())
			.update();
	}

	Optional<TimeOffView> find(UUID id) {
		return this.jdbc.sql(SELECT + "where id = ?").param(id).query((row, n) -> view(row)).optional();
	}

	int delete(UUID resourceId, UUID id) {
		return this.jdbc.sql("delete from scheduling.time_off where resource_id = ? and id = ?")
			.params(resourceId, id)
			.update();
	}

	/**
	 * One page of a resource's absences that overlap [from, to), in order of start; the
	 * cursor is the id of the last entry of the previous page.
	 */
	List<TimeOffView> list(UUID resourceId, @Nullable Instant from, @Nullable Instant to, @Nullable UUID after,
			int limit) {
		return this.jdbc
			.sql(SELECT
					+ """
							where resource_id = :resource
							  and period && tstzrange(cast(:from as timestamptz), cast(:to as timestamptz), '[)')
							  and (cast(:after as uuid) is null
							       or (lower(period), id) > (select lower(a.period), a.id from scheduling.time_off a where a.id = :after))
							order by lower(period), id
							limit :limit""")
			.param("resource", resourceId)
			.param("from", (from != null) ? Timestamp.from(from) : null)
			.param("to", (to != null) ? Timestamp.from(to) : null)
			.param("after", after)
			.param("limit", limit)
			.query((row, n) -> view(row))
			.list();
	}

	private static TimeOffView view(ResultSet row) throws SQLException {
		LocalDate from = row.getObject("first_date", LocalDate.class);
		return new TimeOffView(row.getObject("id", UUID.class), row.getObject("resource_id", UUID.class), from != null,
				from, row.getObject("last_date", LocalDate.class), row.getTimestamp("start_at").toInstant(),
				row.getTimestamp("end_at").toInstant(), row.getString("reason"),
				row.getTimestamp("created_at").toInstant(), row.getObject("created_by", UUID.class));
	}

}
