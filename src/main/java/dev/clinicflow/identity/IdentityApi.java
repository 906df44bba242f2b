package dev.clinicflow.identity;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.clinicflow.shared.CurrentTenant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What other modules may ask the identity module: the current tenant's settings (its
 * timezone and locale interpret local dates and phone numbers) and its users (to link a
 * doctor profile or a car's driver to a user).
 * <p>
 * A tenant's settings are read on almost every request (a booking reads the timezone to
 * place its slot), and nothing changes them after registration, so they are remembered
 * for a few minutes rather than read from the database each time. When settings become
 * editable, their update must evict the tenant here.
 */
@Service
public class IdentityApi {

	/** How long a tenant's settings are remembered. */
	static final Duration TENANT_SETTINGS_KEPT = Duration.ofMinutes(10);

	private final Tenants tenants;

	private final Users users;

	private final TransactionTemplate reads;

	private final Cache<UUID, TenantView> tenantViews = Caffeine.newBuilder()
		.maximumSize(10_000)
		.expireAfterWrite(TENANT_SETTINGS_KEPT)
		.build();

	IdentityApi(Tenants tenants, Users users, PlatformTransactionManager transactions) {
		this.tenants = tenants;
		this.users = users;
		this.reads = new TransactionTemplate(transactions);
		this.reads.setReadOnly(true);
	}

	/**
	 * Returns the current tenant.
	 * @return the tenant
	 */
	public TenantView currentTenant() {
		return this.tenantViews.get(CurrentTenant.require().value(),
				(id) -> this.reads.execute((status) -> this.tenants.findById(id).orElseThrow().view()));
	}

	/**
	 * Finds a user of the current tenant.
	 * @param id the user
	 * @return the user, if it exists in this tenant
	 */
	@Transactional(readOnly = true)
	public Optional<UserView> findUser(UUID id) {
		return this.users.findById(id).map(User::view);
	}

}
