package dev.clinicflow.patients;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import dev.clinicflow.audit.AuditEntry;
import dev.clinicflow.audit.AuditLog;
import dev.clinicflow.identity.IdentityApi;
import dev.clinicflow.identity.PatientAccountCreated;
import dev.clinicflow.identity.TenantView;
import dev.clinicflow.patients.PatientNormalizer.Normalized;
import dev.clinicflow.shared.CurrentActor;
import dev.clinicflow.shared.CurrentTenant;
import dev.clinicflow.shared.Ids;
import dev.clinicflow.shared.MergePatch;
import dev.clinicflow.shared.ResourceNotFound;
import dev.clinicflow.shared.StaleVersion;
import dev.clinicflow.shared.Versions;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, reads, changes, deletes and restores patient records. Every read of a record
 * is written to the audit trail: who read whose health data, and when.
 */
@Service
public class PatientRegistry {

	private final PatientStore store;

	private final MergePatch mergePatch;

	private final IdentityApi identity;

	private final AuditLog audit;

	private final Clock clock;

	PatientRegistry(PatientStore store, MergePatch mergePatch, IdentityApi identity, AuditLog audit, Clock clock) {
		this.store = store;
		this.mergePatch = mergePatch;
		this.identity = identity;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Creates a patient.
	 * @param input the record
	 * @return the stored record
	 */
	@Transactional
	public PatientView create(PatientInput input) {
		Normalized patient = normalize(input);
		UUID id = Ids.next();
		if (!this.store.insert(CurrentTenant.require(), id, patient, null, this.clock.instant())) {
			throw PatientException.cpfTaken(this.store.findIdByCpf(patient.input().cpf()).orElseThrow());
		}
		this.audit.record(AuditEntry.success("patient.created", "patient", id));
		return this.store.find(id).orElseThrow();
	}

	/**
	 * Reads a patient, recording the read.
	 * @param id the patient
	 * @param includeDeleted whether a deleted record may be returned
	 * @return the record
	 */
	@Transactional
	public PatientView read(UUID id, boolean includeDeleted) {
		PatientView patient = current(id, includeDeleted);
		this.audit.record(AuditEntry.success("patient.read", "patient", id));
		return patient;
	}

	/**
	 * Applies a JSON merge patch (RFC 7396) to a patient.
	 * @param id the patient
	 * @param patch the merge patch
	 * @param ifMatch the version the client last saw, if it sent one
	 * @return the changed record
	 */
	@Transactional
	public PatientView patch(UUID id, tools.jackson.databind.JsonNode patch, @Nullable String ifMatch) {
		PatientView current = current(id, false);
		Versions.checkIfMatch(ifMatch, "patient", current.version());
		Normalized changed = normalize(this.mergePatch.apply(current.input(), patch, PatientInput.class));
		if (changed.input().cpf() != null && !changed.input().cpf().equals(current.cpf())) {
			this.store.findIdByCpf(changed.input().cpf()).filter((other) -> !other.equals(id)).ifPresent((other) -> {
				throw PatientException.cpfTaken(other);
			});
		}
		if (this.store.update(id, current.version(), changed, this.clock.instant()) == 0) {
			throw StaleVersion.of("patient", current(id, false).version());
		}
		this.audit.record(AuditEntry.success("patient.updated", "patient", id));
		return this.store.find(id).orElseThrow();
	}

	/**
	 * Deletes a patient softly: the record stays, marked with who deleted it, when and
	 * why.
	 * @param id the patient
	 * @param reason why
	 */
	@Transactional
	public void delete(UUID id, @Nullable String reason) {
		current(id, false);
		this.store.markDeleted(id, CurrentActor.requireUserId(), reason, this.clock.instant());
		this.audit.record(AuditEntry.success("patient.deleted", "patient", id)
			.with((reason != null) ? Map.of("reason", reason) : Map.of()));
	}

	/**
	 * Restores a deleted patient.
	 * @param id the patient
	 * @return the restored record
	 */
	@Transactional
	public PatientView restore(UUID id) {
		current(id, true);
		if (this.store.restore(id, this.clock.instant()) == 0) {
			throw PatientException.notDeleted(id);
		}
		this.audit.record(AuditEntry.success("patient.restored", "patient", id));
		return this.store.find(id).orElseThrow();
	}

	/**
	 * Reads the record linked to the authenticated PATIENT account.
	 * @return the patient's own record
	 */
	@Transactional
	public PatientView mine() {
		UUID userId = CurrentActor.requireUserId();
		PatientView patient = this.store.findByUser(userId).orElseThrow(() -> PatientException.noRecord(userId));
		this.audit.record(AuditEntry.success("patient.read", "patient", patient.id()));
		return patient;
	}

	/**
	 * Links a new PATIENT account to its record: the oldest record with the same e-mail
	 * or phone that has no account yet, or a new record made from what the patient gave.
	 * @param account the new account
	 * @return the linked record's id
	 */
	@Transactional
	public UUID linkAccount(PatientAccountCreated account) {
		Instant now = this.clock.instant();
		String digits = account.phone().replaceAll("\\D", "");
		String phoneKey = digits.substring(Math.max(0, digits.length() - 8));
		for (UUID candidate : this.store.unlinkedMatches(account.email(), phoneKey)) {
			if (this.store.linkUser(candidate, account.userId(), now) == 1) {
				this.audit
					.record(AuditEntry.success("patient.account_linked", "patient", candidate).by(account.userId()));
				return candidate;
			}
		}
		PatientInput input = new PatientInput(account.name(), null, null, null, null, account.email(),
				List.of(new PatientParts.Contact(ContactType.MOBILE, account.phone(), true, true)), null, null, null,
				null, null, null, null);
		UUID id = Ids.next();
		this.store.insert(CurrentTenant.require(), id, normalize(input), account.userId(), now);
		this.audit.record(AuditEntry.success("patient.created", "patient", id).by(account.userId()));
		return id;
	}

	/**
	 * The record as it is now, if it may be shown: merged records point to their
	 * survivor.
	 */
	PatientView current(UUID id, boolean includeDeleted) {
		PatientView patient = this.store.find(id).orElseThrow(() -> ResourceNotFound.of("patient", id));
		if (patient.mergedInto() != null) {
			throw PatientException.merged(id, patient.mergedInto());
		}
		if (patient.deletedAt() != null && !includeDeleted) {
			throw ResourceNotFound.of("patient", id);
		}
		return patient;
	}

	Normalized normalize(PatientInput input) {
		return normalizer().apply(input);
	}

	/**
	 * Normalises records of the current tenant: its country for phones, its today for
	 * birth dates.
	 */
	Function<PatientInput, Normalized> normalizer() {
		TenantView tenant = this.identity.currentTenant();
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneId.of(tenant.timezone()));
		return (input) -> PatientNormalizer.normalize(input, tenant.locale(), today);
	}

	Instant now() {
		return this.clock.instant();
	}

}
