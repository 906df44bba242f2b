package dev.clinicflow.identity;

import java.util.Optional;
import java.util.UUID;

import dev.clinicflow.shared.CurrentTenant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may ask the identity module: the current tenant's settings (its
 * timezone and locale interpret local dates and phone numbers) and its users (to link a
 * doctor profile or a car's driver to a user).
 */
@Service
@Transactional(readOnly = true)
public class IdentityApi {

	private final Tenants tenants;

	private final Users users;

	IdentityApi(Tenants tenants, Users users) {
		this.tenants = tenants;
		this.users = users;
	}

	/**
	 * Returns the current tenant.
	 * @return the tenant
	 */
	public TenantView currentTenant() {
		return this.tenants.findById(CurrentTenant.require().value()).orElseThrow().view();
	}

	/**
	 * Finds a user of the current tenant.
	 * @param id the user
	 * @return the user, if it exists in this tenant
	 */
	public Optional<UserView> findUser(UUID id) {
		return this.users.findById(id).map(User::view);
	}

}
