package dev.clinicflow.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.clinicflow.audit.AuditEntry;
import dev.clinicflow.audit.AuditLog;
import dev.clinicflow.identity.IdentityApi;
import dev.clinicflow.shared.CurrentActor;
import dev.clinicflow.shared.CursorPage;
import dev.clinicflow.shared.Ids;
import dev.clinicflow.shared.InvalidRequest;
import dev.clinicflow.shared.ResourceNotFound;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records, lists and removes the time off of doctors and cars. A DOCTOR sees and manages
 * only their own.
 */
@Service
public class TimeOffs {

	static final int MAX_DAYS = 366;

	private final TimeOffStore store;

	private final ResourceAccess access;

	private final IdentityApi identity;

	private final AuditLog audit;

	private final Clock clock;

	TimeOffs(TimeOffStore store, ResourceAccess access, IdentityApi identity, AuditLog audit, Clock clock) {
		this.store = store;
		this.access = access;
		this.identity = identity;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Records time off.
	 * @param kind doctor or car
	 * @param resourceId the resource
	 * @param input the absence, in one of its three shapes
	 * @return the stored entry
	 */
	@Transactional
	public TimeOffView add(ResourceKind kind, UUID resourceId, TimeOffInput input) {
		ZoneId zone = zone();
		TimeOffView entry = entry(resourceId, input, zone);
		this.access.requireOwn(kind, resourceId, false);
		this.store.insert(entry);
		this.audit.record(AuditEntry.success(kind.label() + ".time_off_added", kind.label(), resourceId));
		return this.store.find(entry.id()).orElseThrow();
	}

	/**
	 * Lists time off that overlaps the given days, in order of start.
	 * @param kind doctor or car
	 * @param resourceId the resource
	 * @param from the first day, if limited
	 * @param to the last day (included), if limited
	 * @param limit the page size, if given
	 * @param cursor where the page starts, if given
	 * @return one page of entries
	 */
	@Transactional(readOnly = true)
	public CursorPage<TimeOffView> list(ResourceKind kind, UUID resourceId, @Nullable LocalDate from,
			@Nullable LocalDate to, @Nullable Integer limit, @Nullable String cursor) {
		int size = CursorPage.limit(limit);
		if (from != null && to != null && to.isBefore(from)) {
			throw InvalidRequest.field("to", "must not be before from");
		}
		this.access.requireOwn(kind, resourceId, false);
		ZoneId zone = zone();
		List<TimeOffView> rows = this.store.list(resourceId, (from != null) ? startOf(from, zone) : null,
				(to != null) ? startOf(to.plusDays(1), zone) : null, CursorPage.after(cursor), size + 1);
		return CursorPage.of(rows, size, TimeOffView::id);
	}

	/**
	 * Removes time off.
	 * @param kind doctor or car
	 * @param resourceId the resource
	 * @param id the entry
	 */
	@Transactional
	public void remove(ResourceKind kind, UUID resourceId, UUID id) {
		this.access.requireOwn(kind, resourceId, false);
		if (this.store.delete(resourceId, id) == 0) {
			throw ResourceNotFound.of("time off", id);
		}
		this.audit.record(AuditEntry.success(kind.label() + ".time_off_removed", kind.label(), resourceId)
			.with(Map.of("timeOffId", id)));
	}

	private TimeOffView entry(UUID resourceId, TimeOffInput input, ZoneId zone) {
		boolean days = input.date() != null || input.from() != null || input.to() != null;
		boolean interval = input.start() != null || input.end() != null;
		if (days && interval) {
			throw InvalidRequest.field("start", "cannot be combined with date, from or to");
		}
		if (input.date() != null && (input.from() != null || input.to() != null)) {
			throw InvalidRequest.field("date", "cannot be combined with from and to");
		}
		String reason = Blank.toNull(input.reason());
		UUID by = CurrentActor.userId().orElse(null);
		Instant now = this.clock.instant();
		if (days) {
			LocalDate first = (input.date() != null) ? input.date() : required(input.from(), "from");
			LocalDate last = (input.date() != null) ? input.date() : required(input.to(), "to");
			if (last.isBefore(first)) {
				throw InvalidRequest.field("to", "must not be before from");
			}
			if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
				throw InvalidRequest.field("to", "must be at most " + MAX_DAYS + " days after from");
			}
			return new TimeOffView(Ids.next(), resourceId, true, first, last, startOf(first, zone),
					startOf(last.plusDays(1), zone), reason, now, by);
		}
		if (!interval) {
			throw InvalidRequest.field("date", "is required, or from and to, or start and end");
		}
		Instant start = required(input.start(), "start");
		Instant end = required(input.end(), "end");
		if (!end.isAfter(start)) {
			throw InvalidRequest.field("end", "must be after start");
		}
		if (Duration.between(start, end).toDays() > MAX_DAYS) {
			throw InvalidRequest.field("end", "must be at most " + MAX_DAYS + " days after start");
		}
		return new TimeOffView(Ids.next(), resourceId, false, null, null, start, end, reason, now, by);
	}

	private static <T> T required(@Nullable T value, String field) {
		if (value == null) {
			throw InvalidRequest.field(field, "is required");
		}
		return value;
	}

	private ZoneId zone() {
		return ZoneId.of(this.identity.currentTenant().timezone());
	}

	static Instant startOf(LocalDate date, ZoneId zone) {
		return date.atStartOfDay(zone).toInstant();
	}

}
