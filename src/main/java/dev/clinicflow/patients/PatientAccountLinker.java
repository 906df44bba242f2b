package dev.clinicflow.patients;

import dev.clinicflow.identity.PatientAccountCreated;
import dev.clinicflow.shared.CurrentTenant;
import dev.clinicflow.shared.TenantId;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Gives each patient who signs up their record, once the account is committed. The event
 * publication registry retries this if it fails. The tenant is bound before the
 * transaction begins, so that row-level security sees the account's clinic.
 */
@Component
class PatientAccountLinker {

	private final PatientRegistry registry;

	PatientAccountLinker(PatientRegistry registry) {
		this.registry = registry;
	}

	@Async
	@TransactionalEventListener
	void on(PatientAccountCreated account) {
		CurrentTenant.run(new TenantId(account.tenantId()), () -> this.registry.linkAccount(account));
	}

}
