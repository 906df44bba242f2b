package dev.clinicflow.shared;

import java.util.UUID;

/**
 * Identifies a tenant: one clinic or laboratory.
 *
 * @param value the tenant's UUID
 */
public record TenantId(UUID value) {

	public TenantId {
		if (value == null) {
			throw new IllegalArgumentException("tenant id must not be null");
		}
	}

	/**
	 * Parses a tenant id from its textual UUID form.
	 * @param text the UUID text
	 * @return the tenant id
	 */
	public static TenantId parse(String text) {
		return new TenantId(UUID.fromString(text));
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
