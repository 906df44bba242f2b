package dev.clinicflow.scheduling;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.clinicflow.audit.AuditEntry;
import dev.clinicflow.audit.AuditLog;
import dev.clinicflow.identity.IdentityApi;
import dev.clinicflow.identity.Role;
import dev.clinicflow.identity.UserView;
import dev.clinicflow.scheduling.DoctorInput.Registration;
import dev.clinicflow.shared.CursorPage;
import dev.clinicflow.shared.Ids;
import dev.clinicflow.shared.InvalidRequest;
import dev.clinicflow.shared.MergePatch;
import dev.clinicflow.shared.ResourceNotFound;
import dev.clinicflow.shared.StaleVersion;
import dev.clinicflow.shared.Versions;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, reads, changes and lists doctors. A doctor linked to a user account lets that
 * DOCTOR manage their own schedule and time off.
 */
@Service
public class Doctors {

	private final DoctorStore store;

	private final MergePatch mergePatch;

	private final IdentityApi identity;

	private final AuditLog audit;

	private final Clock clock;

	Doctors(DoctorStore store, MergePatch mergePatch, IdentityApi identity, AuditLog audit, Clock clock) {
		this.store = store;
		this.mergePatch = mergePatch;
		this.identity = identity;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Creates a doctor.
	 * @param input the doctor
	 * @return the stored doctor
	 */
	@Transactional
	public DoctorView create(DoctorInput input) {
		DoctorInput doctor = DoctorNormalizer.normalize(input);
		checkUnique(doctor, null);
		UUID id = Ids.next();
		try {
			this.store.insert(id, doctor, this.clock.instant());
		}
		catch (DataIntegrityViolationException ex) {
			throw SchedulingException.translate(ex);
		}
		this.audit.record(AuditEntry.success("doctor.created", "doctor", id));
		return this.store.find(id).orElseThrow();
	}

	/**
	 * Reads a doctor.
	 * @param id the doctor
	 * @return the doctor
	 */
	@Transactional(readOnly = true)
	public DoctorView read(UUID id) {
		return this.store.find(id).orElseThrow(() -> ResourceNotFound.of("doctor", id));
	}

	/**
	 * Applies a JSON merge patch (RFC 7396) to a doctor.
	 * @param id the doctor
	 * @param patch the merge patch; {@code appointmentTypes} and {@code specializations}
	 * are replaced whole
	 * @param ifMatch the version the client last saw, if it sent one
	 * @return the changed doctor
	 */
	@Transactional
	public DoctorView patch(UUID id, JsonNode patch, @Nullable String ifMatch) {
		DoctorView current = read(id);
		Versions.checkIfMatch(ifMatch, "doctor", current.version());
		DoctorInput changed = DoctorNormalizer
			.normalize(this.mergePatch.apply(current.input(), patch, DoctorInput.class));
		checkUnique(changed, current);
		boolean stale;
		try {
			stale = !this.store.update(id, current.version(), changed, this.clock.instant());
		}
		catch (DataIntegrityViolationException ex) {
			throw SchedulingException.translate(ex);
		}
		if (stale) {
			throw StaleVersion.of("doctor", read(id).version());
		}
		this.audit.record(AuditEntry.success("doctor.updated", "doctor", id));
		return this.store.find(id).orElseThrow();
	}

	/**
	 * Lists doctors in creation order.
	 * @param specialization a specialisation the doctor must have, ignoring case and
	 * accents, if given
	 * @param q a fragment of the name, ignoring case and accents, if given
	 * @param active only active (true) or inactive (false) doctors, if given
	 * @param limit the page size, if given
	 * @param cursor where the page starts, if given
	 * @return one page of doctors
	 */
	@Transactional(readOnly = true)
	public CursorPage<DoctorView> list(@Nullable String specialization, @Nullable String q, @Nullable Boolean active,
			@Nullable Integer limit, @Nullable String cursor) {
		int size = CursorPage.limit(limit);
		List<DoctorView> rows = this.store.list(Blank.toNull(specialization), Blank.toNull(q), active,
				CursorPage.after(cursor), size + 1);
		return CursorPage.of(rows, size, DoctorView::id);
	}

	/**
	 * A linked account must be an active DOCTOR of this clinic with no other profile; a
	 * registration belongs to one doctor. Unchanged values are not checked again, so a
	 * later deactivation of the account does not block other changes.
	 */
	private void checkUnique(DoctorInput doctor, @Nullable DoctorView current) {
		UUID userId = doctor.userId();
		if (userId != null && (current == null || !userId.equals(current.userId()))) {
			UserView user = this.identity.findUser(userId)
				.orElseThrow(() -> InvalidRequest.field("userId", "is not a user of this clinic"));
			if (user.role() != Role.DOCTOR || !user.active()) {
				throw InvalidRequest.field("userId", "must be an active user with the DOCTOR role");
			}
			this.store.findIdByUser(userId).ifPresent((other) -> {
				throw SchedulingException.userHasDoctorProfile(other);
			});
		}
		Registration registration = doctor.registration();
		if (registration != null && (current == null || !registration.equals(current.registration()))) {
			this.store.findIdByRegistration(registration)
				.filter((other) -> current == null || !Objects.equals(other, current.id()))
				.ifPresent((other) -> {
					throw SchedulingException.registrationTaken(other);
				});
		}
	}

}
