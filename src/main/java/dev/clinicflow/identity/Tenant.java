package dev.clinicflow.identity;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A clinic or laboratory.
 */
@Table(schema = "identity", name = "tenants")
class Tenant {

	@Id
	private final UUID id;

	private final String name;

	private final String slug;

	private final String timezone;

	private final String locale;

	private final Instant createdAt;

	@Version
	private @Nullable Long version;

	Tenant(UUID id, String name, String slug, String timezone, String locale, Instant createdAt,
			@Nullable Long version) {
		this.id = id;
		this.name = name;
		this.slug = slug;
		this.timezone = timezone;
		this.locale = locale;
		this.createdAt = createdAt;
		this.version = version;
	}

	UUID id() {
		return this.id;
	}

	String locale() {
		return this.locale;
	}

	TenantView view() {
		return new TenantView(this.id, this.name, this.slug, this.timezone, this.locale, this.createdAt);
	}

}
