package dev.clinicflow.scheduling;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.clinicflow.audit.AuditEntry;
import dev.clinicflow.audit.AuditLog;
import dev.clinicflow.scheduling.ZoneInput.Center;
import dev.clinicflow.shared.CursorPage;
import dev.clinicflow.shared.Ids;
import dev.clinicflow.shared.InvalidField;
import dev.clinicflow.shared.InvalidRequest;
import dev.clinicflow.shared.MergePatch;
import dev.clinicflow.shared.ResourceNotFound;
import dev.clinicflow.shared.StaleVersion;
import dev.clinicflow.shared.Versions;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, reads, changes and lists the zones collection cars serve.
 */
@Service
public class Zones {

	private final ZoneStore store;

	private final MergePatch mergePatch;

	private final AuditLog audit;

	private final Clock clock;

	Zones(ZoneStore store, MergePatch mergePatch, AuditLog audit, Clock clock) {
		this.store = store;
		this.mergePatch = mergePatch;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Creates a zone.
	 * @param input the zone
	 * @return the stored zone
	 */
	@Transactional
	public ZoneView create(ZoneInput input) {
		ZoneInput zone = normalize(input);
		this.store.findIdByName(zone.name()).ifPresent((other) -> {
			throw SchedulingException.zoneNameTaken(other);
		});
		UUID id = Ids.next();
		try {
			this.store.insert(id, zone, this.clock.instant());
		}
		catch (DataIntegrityViolationException ex) {
			throw SchedulingException.translate(ex);
		}
		this.audit.record(AuditEntry.success("zone.created", "zone", id));
		return this.store.find(id).orElseThrow();
	}

	/**
	 * Reads a zone.
	 * @param id the zone
	 * @return the zone
	 */
	@Transactional(readOnly = true)
	public ZoneView read(UUID id) {
		return this.store.find(id).orElseThrow(() -> ResourceNotFound.of("zone", id));
	}

	/**
	 * Applies a JSON merge patch (RFC 7396) to a zone.
	 * @param id the zone
	 * @param patch the merge patch; lists are replaced whole
	 * @param ifMatch the version the client last saw, if it sent one
	 * @return the changed zone
	 */
	@Transactional
	public ZoneView patch(UUID id, JsonNode patch, @Nullable String ifMatch) {
		ZoneView current = read(id);
		Versions.checkIfMatch(ifMatch, "zone", current.version());
		ZoneInput changed = normalize(this.mergePatch.apply(current.input(), patch, ZoneInput.class));
		this.store.findIdByName(changed.name()).filter((other) -> !other.equals(id)).ifPresent((other) -> {
			throw SchedulingException.zoneNameTaken(other);
		});
		boolean stale;
		try {
			stale = this.store.update(id, current.version(), changed, this.clock.instant()) == 0;
		}
		catch (DataIntegrityViolationException ex) {
			throw SchedulingException.translate(ex);
		}
		if (stale) {
			throw StaleVersion.of("zone", read(id).version());
		}
		this.audit.record(AuditEntry.success("zone.updated", "zone", id));
		return this.store.find(id).orElseThrow();
	}

	/**
	 * Lists zones in creation order.
	 * @param city only zones covering this city (ignoring case and accents), if given
	 * @param neighborhood only zones covering this neighbourhood, if given
	 * @param limit the page size, if given
	 * @param cursor where the page starts, if given
	 * @return one page of zones
	 */
	@Transactional(readOnly = true)
	public CursorPage<ZoneView> list(@Nullable String city, @Nullable String neighborhood, @Nullable Integer limit,
			@Nullable String cursor) {
		int size = CursorPage.limit(limit);
		List<ZoneView> rows = this.store.list(Blank.toNull(city), Blank.toNull(neighborhood), CursorPage.after(cursor),
				size + 1);
		return CursorPage.of(rows, size, ZoneView::id);
	}

	private static ZoneInput normalize(ZoneInput input) {
		List<InvalidField> errors = new ArrayList<>();
		Center center = input.center();
		if (input.radiusKm() != null && center == null) {
			errors.add(new InvalidField("center", "is required with radiusKm"));
		}
		if (!errors.isEmpty()) {
			throw InvalidRequest.fields(errors);
		}
		return new ZoneInput(input.name().trim(), Blank.labels(input.neighborhoods(), Function.identity()),
				Blank.labels(input.cities(), Function.identity()), center, input.radiusKm());
	}

}
