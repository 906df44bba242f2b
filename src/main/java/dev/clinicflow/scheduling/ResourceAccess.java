package dev.clinicflow.scheduling;

import java.util.UUID;

import dev.clinicflow.shared.CurrentActor;
import dev.clinicflow.shared.ResourceNotFound;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may act on a resource's availability beyond what their role allows everywhere: a
 * DOCTOR only on the doctor profile linked to their own account.
 */
@Component
class ResourceAccess {

	private final ResourceStore resources;

	ResourceAccess(ResourceStore resources) {
		this.resources = resources;
	}

	/**
	 * Checks that the resource exists and the caller may act on it, locking it for the
	 * rest of the transaction when asked (before replacing what belongs to it).
	 * @throws ResourceNotFound when the tenant has no such resource
	 * @throws AccessDeniedException when a DOCTOR addresses someone else
	 */
	void requireOwn(ResourceKind kind, UUID id, boolean lock) {
		if (!(lock ? this.resources.lock(id, kind) : this.resources.exists(id, kind))) {
			throw ResourceNotFound.of(kind.label(), id);
		}
		if (kind == ResourceKind.DOCTOR && !CurrentActor.hasRole("ADMIN") && !CurrentActor.hasRole("STAFF")) {
			UUID caller = CurrentActor.requireUserId();
			if (!this.resources.doctorUser(id).map(caller::equals).orElse(false)) {
				throw new AccessDeniedException("A doctor may act on their own profile only");
			}
		}
	}

	/** Tells whether the tenant has a doctor or car with this id. */
	boolean exists(UUID id) {
		return this.resources.exists(id, ResourceKind.DOCTOR) || this.resources.exists(id, ResourceKind.CAR);
	}

	/** Checks that the resource exists, without the ownership check or a lock. */
	void requireExisting(ResourceKind kind, UUID id) {
		if (!this.resources.exists(id, kind)) {
			throw ResourceNotFound.of(kind.label(), id);
		}
	}

}
