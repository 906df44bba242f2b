package dev.clinicflow.scheduling;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.clinicflow.audit.AuditEntry;
import dev.clinicflow.audit.AuditLog;
import dev.clinicflow.identity.IdentityApi;
import dev.clinicflow.identity.Role;
import dev.clinicflow.scheduling.CarInput.Driver;
import dev.clinicflow.shared.CursorPage;
import dev.clinicflow.shared.Ids;
import dev.clinicflow.shared.InvalidField;
import dev.clinicflow.shared.InvalidRequest;
import dev.clinicflow.shared.MergePatch;
import dev.clinicflow.shared.PhoneNumbers;
import dev.clinicflow.shared.ResourceNotFound;
import dev.clinicflow.shared.StaleVersion;
import dev.clinicflow.shared.Versions;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, reads, changes and lists collection cars.
 */
@Service
public class Cars {

	private final CarStore store;

	private final ZoneStore zones;

	private final MergePatch mergePatch;

	private final IdentityApi identity;

	private final AuditLog audit;

	private final Clock clock;

	Cars(CarStore store, ZoneStore zones, MergePatch mergePatch, IdentityApi identity, AuditLog audit, Clock clock) {
		this.store = store;
		this.zones = zones;
		this.mergePatch = mergePatch;
		this.identity = identity;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Creates a car.
	 * @param input the car
	 * @return the stored car
	 */
	@Transactional
	public CarView create(CarInput input) {
		CarInput car = normalize(input, null);
		UUID id = Ids.next();
		try {
			this.store.insert(id, car, this.clock.instant());
		}
		catch (DataIntegrityViolationException ex) {
			throw SchedulingException.translate(ex);
		}
		this.audit.record(AuditEntry.success("car.created", "car", id));
		return this.store.find(id).orElseThrow();
	}

	/**
	 * Reads a car.
	 * @param id the car
	 * @return the car
	 */
	@Transactional(readOnly = true)
	public CarView read(UUID id) {
		return this.store.find(id).orElseThrow(() -> ResourceNotFound.of("car", id));
	}

	/**
	 * Applies a JSON merge patch (RFC 7396) to a car.
	 * @param id the car
	 * @param patch the merge patch; {@code zoneIds} is replaced whole
	 * @param ifMatch the version the client last saw, if it sent one
	 * @return the changed car
	 */
	@Transactional
	public CarView patch(UUID id, JsonNode patch, @Nullable String ifMatch) {
		CarView current = read(id);
		Versions.checkIfMatch(ifMatch, "car", current.version());
		CarInput changed = normalize(this.mergePatch.apply(current.input(), patch, CarInput.class), current);
		boolean stale;
		try {
			stale = !this.store.update(id, current.version(), changed, this.clock.instant());
		}
		catch (DataIntegrityViolationException ex) {
			throw SchedulingException.translate(ex);
		}
		if (stale) {
			throw StaleVersion.of("car", read(id).version());
		}
		this.audit.record(AuditEntry.success("car.updated", "car", id));
		return this.store.find(id).orElseThrow();
	}

	/**
	 * Lists cars in creation order.
	 * @param zoneId only cars serving this zone, if given
	 * @param active only active (true) or inactive (false) cars, if given
	 * @param limit the page size, if given
	 * @param cursor where the page starts, if given
	 * @return one page of cars
	 */
	@Transactional(readOnly = true)
	public CursorPage<CarView> list(@Nullable UUID zoneId, @Nullable Boolean active, @Nullable Integer limit,
			@Nullable String cursor) {
		int size = CursorPage.limit(limit);
		return CursorPage.of(this.store.list(zoneId, active, CursorPage.after(cursor), size + 1), size, CarView::id);
	}

	/**
	 * Checks what bean validation cannot (phone, driver account, zones, plate) and brings
	 * the car to its stored form. Unchanged accounts are not checked again.
	 */
	private CarInput normalize(CarInput input, @Nullable CarView current) {
		List<InvalidField> errors = new ArrayList<>();
		Driver driver = input.driver();
		if (driver != null) {
			String phone = PhoneNumbers.toE164(driver.phone().trim(), this.identity.currentTenant().locale())
				.orElse(null);
			if (phone == null) {
				errors.add(new InvalidField("driver.phone", "is not a valid phone number"));
			}
			UUID userId = driver.userId();
			Driver before = (current != null) ? current.driver() : null;
			if (userId != null && (before == null || !userId.equals(before.userId()))
					&& !this.identity.findUser(userId)
						.filter((user) -> user.role() == Role.DRIVER && user.active())
						.isPresent()) {
				errors.add(new InvalidField("driver.userId", "must be an active user with the DRIVER role"));
			}
			driver = new Driver(userId, driver.name().trim(), Objects.requireNonNullElse(phone, driver.phone()));
		}
		List<UUID> zoneIds = List
			.copyOf(new LinkedHashSet<>(Objects.requireNonNullElse(input.zoneIds(), List.<UUID>of())));
		Set<UUID> known = new HashSet<>(zoneIds.isEmpty() ? List.of() : this.zones.existing(zoneIds));
		List<UUID> given = Objects.requireNonNullElse(input.zoneIds(), List.of());
		for (int i = 0; i < given.size(); i++) {
			if (!known.contains(given.get(i))) {
				errors.add(new InvalidField("zoneIds[" + i + "]", "is not a zone of this clinic"));
			}
		}
		if (!errors.isEmpty()) {
			throw InvalidRequest.fields(errors);
		}
		String plate = Blank.upper(input.plate());
		if (plate != null && (current == null || !plate.equals(current.plate()))) {
			this.store.findIdByPlate(plate).ifPresent((other) -> {
				throw SchedulingException.plateTaken(other);
			});
		}
		return new CarInput(input.name().trim(), plate, driver,
				Objects.requireNonNullElse(input.capacityPerWindow(), 1), zoneIds,
				!Boolean.FALSE.equals(input.active()));
	}

}
