package dev.clinicflow.audit;

import java.util.Map;

import dev.clinicflow.shared.AccessDenied;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records refused operations in the audit trail, on their own: the refused request
 * commits nothing else.
 */
@Component
class AccessDeniedRecorder {

	private final AuditLog audit;

	AccessDeniedRecorder(AuditLog audit) {
		this.audit = audit;
	}

	@EventListener
	void on(AccessDenied denied) {
		this.audit.recordOnItsOwn(denied.tenant(), new AuditEntry("access.denied", null, null, AuditOutcome.DENIED,
				denied.userId(), Map.of("method", denied.method(), "path", denied.path())));
	}

}
