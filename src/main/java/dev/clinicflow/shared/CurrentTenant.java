package dev.clinicflow.shared;

import java.util.Optional;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The tenant the current thread works for. It comes from the verified access token, never
 * from a request body; code that runs before authentication (registration, login) or
 * outside a request (event listeners, jobs) binds a tenant explicitly with
 * {@link #call(TenantId, Supplier)}. The database transaction hook reads it to set
 * {@code app.tenant_id}, which row-level security keys on.
 */
public final class CurrentTenant {

	/** Name of the access-token claim that carries the tenant id. */
	public static final String CLAIM = "tenant";

	private static final ThreadLocal<@Nullable TenantId> BOUND = new ThreadLocal<>();

	private CurrentTenant() {
	}

	/**
	 * Returns the tenant bound to this thread, or the one in the authenticated token.
	 * @return the current tenant, if any
	 */
	public static Optional<TenantId> find() {
		TenantId bound = BOUND.get();
		if (bound != null) {
			return Optional.of(bound);
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof JwtAuthenticationToken token) {
			String claim = token.getToken().getClaimAsString(CLAIM);
			return Optional.ofNullable(claim).map(TenantId::parse);
		}
		return Optional.empty();
	}

	/**
	 * Returns the current tenant or fails: for code that can only run inside a tenant.
	 * @return the current tenant
	 */
	public static TenantId require() {
		return find().orElseThrow(() -> new IllegalStateException("No tenant is bound to this thread"));
	}

	/**
	 * Runs work on behalf of a tenant; transactions begun inside it see only that
	 * tenant's rows.
	 * @param <T> the result type
	 * @param tenant the tenant to act for
	 * @param work the work to run
	 * @return what the work returned
	 */
	public static <T> T call(TenantId tenant, Supplier<T> work) {
		TenantId previous = BOUND.get();
		BOUND.set(tenant);
		try {
			return work.get();
		}
		finally {
			if (previous == null) {
				BOUND.remove();
			}
			else {
				BOUND.set(previous);
			}
		}
	}

	/**
	 * Runs work on behalf of a tenant.
	 * @param tenant the tenant to act for
	 * @param work the work to run
	 */
	public static void run(TenantId tenant, Runnable work) {
		call(tenant, () -> {
			work.run();
			return null;
		});
	}

}
