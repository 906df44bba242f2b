package dev.clinicflow.scheduling;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.clinicflow.audit.AuditEntry;
import dev.clinicflow.audit.AuditLog;
import dev.clinicflow.shared.CurrentTenant;
import dev.clinicflow.shared.CursorPage;
import dev.clinicflow.shared.Ids;
import dev.clinicflow.shared.InvalidRequest;
import dev.clinicflow.shared.ResourceNotFound;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clinic's holidays: days no resource works, whatever its weekly schedule says.
 */
@Service
public class Holidays {

	private static final String SELECT = "select id, date, name, created_at from scheduling.holidays ";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	Holidays(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Records a holiday.
	 * @param input the day and its name
	 * @return the stored holiday
	 */
	@Transactional
	public HolidayView create(HolidayInput input) {
		this.jdbc.sql("select id from scheduling.holidays where date = ?")
			.param(input.date())
			.query(UUID.class)
			.optional()
			.ifPresent((other) -> {
				throw SchedulingException.holidayExists(other);
			});
		HolidayView holiday = new HolidayView(Ids.next(), input.date(), input.name().trim(), this.clock.instant());
		try {
			this.jdbc
				.sql("insert into scheduling.holidays (tenant_id, id, date, name, created_at) values (?, ?, ?, ?, ?)")
				.params(CurrentTenant.require().value(), holiday.id(), holiday.date(), holiday.name(),
						Timestamp.from(holiday.createdAt()))
				.update();
		}
		catch (DataIntegrityViolationException ex) {
			throw SchedulingException.translate(ex);
		}
		this.audit.record(AuditEntry.success("holiday.created", "holiday", holiday.id())
			.with(Map.of("date", holiday.date().toString())));
		return holiday;
	}

	/**
	 * Lists holidays in date order.
	 * @param from the first day, if limited
	 * @param to the last day (included), if limited
	 * @param limit the page size, if given
	 * @param cursor where the page starts, if given
	 * @return one page of holidays
	 */
	@Transactional(readOnly = true)
	public CursorPage<HolidayView> list(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable Integer limit,
			@Nullable String cursor) {
		int size = CursorPage.limit(limit);
		if (from != null && to != null && to.isBefore(from)) {
			throw InvalidRequest.field("to", "must not be before from");
		}
		List<HolidayView> rows = this.jdbc.sql(SELECT + """
				where (cast(:from as date) is null or date >= :from)
				  and (cast(:to as date) is null or date <= :to)
				  and (cast(:after as uuid) is null
				       or date > (select a.date from scheduling.holidays a where a.id = :after))
				order by date
				limit :limit""")
			.param("from", from)
			.param("to", to)
			.param("after", CursorPage.after(cursor))
			.param("limit", size + 1)
			.query((row, n) -> view(row))
			.list();
		return CursorPage.of(rows, size, HolidayView::id);
	}

	/**
	 * Removes a holiday.
	 * @param id the holiday
	 */
	@Transactional
	public void delete(UUID id) {
		if (this.jdbc.sql("delete from scheduling.holidays where id = ?").param(id).update() == 0) {
			throw ResourceNotFound.of("holiday", id);
		}
		this.audit.record(AuditEntry.success("holiday.deleted", "holiday", id));
	}

	private static HolidayView view(ResultSet row) throws SQLException {
		return new HolidayView(row.getObject("id", UUID.class), row.getObject("date", LocalDate.class),
				row.getString("name"), row.getTimestamp("created_at").toInstant());
	}

}
