package dev.clinicflow.identity;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A person who logs in. Its changes go through methods that keep it consistent: a
 * password change clears the temporary-password flag and any invitation, accepting an
 * invitation requires one that has not expired.
 */
@Table(schema = "identity", name = "users")
class User {

	@Id
	private final UUID id;

	private final UUID tenantId;

	private final String email;

	private String name;

	private @Nullable String phone;

	private Role role;

	private boolean active;

	private @Nullable String locale;

	private @Nullable String passwordHash;

	private boolean mustChangePassword;

	private byte @Nullable [] inviteTokenHash;

	private @Nullable Instant inviteExpiresAt;

	private final Instant createdAt;

	private Instant updatedAt;

	@Version
	private @Nullable Long version;

	@Transient
	private boolean hasPhoto;

	User(UUID id, UUID tenantId, String email, String name, @Nullable String phone, Role role, boolean active,
			@Nullable String locale, @Nullable String passwordHash, boolean mustChangePassword,
			byte @Nullable [] inviteTokenHash, @Nullable Instant inviteExpiresAt, Instant createdAt, Instant updatedAt,
			@Nullable Long version) {
		this.id = id;
		this.tenantId = tenantId;
		this.email = email;
		this.name = name;
		this.phone = phone;
		this.role = role;
		this.active = active;
		this.locale = locale;
		this.passwordHash = passwordHash;
		this.mustChangePassword = mustChangePassword;
		this.inviteTokenHash = inviteTokenHash;
		this.inviteExpiresAt = inviteExpiresAt;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.version = version;
	}

	static User withPassword(UUID tenantId, String email, String name, @Nullable String phone, Role role,
			String passwordHash, boolean temporary, Instant now) {
		return new User(dev.clinicflow.shared.Ids.next(), tenantId, email, name, phone, role, true, null, passwordHash,
				temporary, null, null, now, now, null);
	}

	static User invited(UUID tenantId, String email, String name, @Nullable String phone, Role role,
			byte[] inviteTokenHash, Instant expiresAt, Instant now) {
		return new User(dev.clinicflow.shared.Ids.next(), tenantId, email, name, phone, role, true, null, null, false,
				inviteTokenHash, expiresAt, now, now, null);
	}

	void changePassword(String newHash, Instant now) {
		this.passwordHash = newHash;
		this.mustChangePassword = false;
		this.inviteTokenHash = null;
		this.inviteExpiresAt = null;
		this.updatedAt = now;
	}

	boolean acceptInvite(String newHash, Instant now) {
		if (this.inviteExpiresAt == null || !now.isBefore(this.inviteExpiresAt)) {
			return false;
		}
		changePassword(newHash, now);
		return true;
	}

	void rename(String newName, Instant now) {
		this.name = newName;
		this.updatedAt = now;
	}

	void changePhone(@Nullable String newPhone, Instant now) {
		this.phone = newPhone;
		this.updatedAt = now;
	}

	void changeLocale(@Nullable String newLocale, Instant now) {
		this.locale = newLocale;
		this.updatedAt = now;
	}

	void changeRole(Role newRole, Instant now) {
		this.role = newRole;
		this.updatedAt = now;
	}

	void setActive(boolean isActive, Instant now) {
		this.active = isActive;
		this.updatedAt = now;
	}

	User withPhotoFlag(boolean photo) {
		this.hasPhoto = photo;
		return this;
	}

	UUID id() {
		return this.id;
	}

	UUID tenantId() {
		return this.tenantId;
	}

	String email() {
		return this.email;
	}

	Role role() {
		return this.role;
	}

	boolean active() {
		return this.active;
	}

	@Nullable String passwordHash() {
		return this.passwordHash;
	}

	long version() {
		return (this.version != null) ? this.version : 0;
	}

	UserView view() {
		return new UserView(this.id, this.email, this.name, this.phone, this.role, this.active, this.locale,
				this.mustChangePassword, this.hasPhoto, this.createdAt, this.updatedAt, version());
	}

}
