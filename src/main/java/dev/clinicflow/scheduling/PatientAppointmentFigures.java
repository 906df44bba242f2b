package dev.clinicflow.scheduling;

import java.time.Clock;
import java.util.UUID;

import dev.clinicflow.patients.PatientDirectory;
import dev.clinicflow.patients.PatientsMerged;
import dev.clinicflow.shared.CurrentTenant;
import dev.clinicflow.shared.TenantId;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps each patient's appointment analytics in the registry current: after every
 * committed appointment change, the patient's appointments are counted again, in the
 * event's clinic bound before the transaction begins so that row-level security sees it
 * (which also repairs any count a lost event left stale) and handed to the patients
 * module. The event publication registry retries a failed update.
 */
@Component
class PatientAppointmentFigures {

	private final AppointmentStore store;

	private final PatientDirectory patients;

	private final Clock clock;

	private final TransactionTemplate transactions;

	PatientAppointmentFigures(AppointmentStore store, PatientDirectory patients, Clock clock,
			PlatformTransactionManager transactions) {
		this.store = store;
		this.transactions = new TransactionTemplate(transactions);
		this.patients = patients;
		this.clock = clock;
	}

	@Async
	@TransactionalEventListener
	void on(AppointmentChanged event) {
		recount(event.tenantId(), event.patientId());
	}

	/** A merge moved the source's appointments to the target. */
	@Async
	@TransactionalEventListener
	void on(PatientsMerged merged) {
		recount(merged.tenantId(), merged.targetId());
	}

	private void recount(UUID tenantId, UUID patientId) {
		CurrentTenant.run(new TenantId(tenantId), () -> this.transactions.executeWithoutResult((status) -> this.patients
			.recordAppointmentFigures(patientId, this.store.figures(patientId, this.clock.instant()))));
	}

}
