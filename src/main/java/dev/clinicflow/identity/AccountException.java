package dev.clinicflow.identity;

import org.springframework.http.HttpStatus;

/**
 * Why an account operation was refused. Each reason has its HTTP status and stable
 * problem code; the messages never tell a stranger whether an e-mail is registered.
 */
public class AccountException extends RuntimeException {

	private final Reason reason;

	private final long retryAfterSeconds;

	AccountException(Reason reason, String message, long retryAfterSeconds) {
		super(message);
		this.reason = reason;
		this.retryAfterSeconds = retryAfterSeconds;
	}

	static AccountException invalidCredentials() {
		return new AccountException(Reason.INVALID_CREDENTIALS, "The e-mail or password is not correct.", 0);
	}

	static AccountException tooManyAttempts(long retryAfterSeconds) {
		return new AccountException(Reason.TOO_MANY_ATTEMPTS,
				"Too many failed logins; try again in " + retryAfterSeconds + " seconds.", retryAfterSeconds);
	}

	static AccountException inactive() {
		return new AccountException(Reason.ACCOUNT_INACTIVE, "This account has been deactivated.", 0);
	}

	static AccountException invalidRefreshToken() {
		return new AccountException(Reason.INVALID_REFRESH_TOKEN,
				"The refresh token is invalid, expired or revoked; log in again.", 0);
	}

	static AccountException invalidInvite() {
		return new AccountException(Reason.INVALID_INVITE, "The invitation is invalid or has expired.", 0);
	}

	static AccountException emailTaken(String email) {
		return new AccountException(Reason.EMAIL_TAKEN, "A user with e-mail " + email + " already exists.", 0);
	}

	static AccountException slugTaken(String slug) {
		return new AccountException(Reason.SLUG_TAKEN, "The tenant slug '" + slug + "' is already taken.", 0);
	}

	static AccountException unknownTenant(String slug) {
		return new AccountException(Reason.UNKNOWN_TENANT, "No clinic or laboratory is registered as '" + slug + "'.",
				0);
	}

	static AccountException tenantRequired() {
		return new AccountException(Reason.TENANT_REQUIRED,
				"This account exists in several clinics; say which one with 'tenant'.", 0);
	}

	static AccountException ownAccess() {
		return new AccountException(Reason.OWN_ACCESS,
				"Administrators cannot remove their own role or deactivate themselves; ask another administrator.", 0);
	}

	static AccountException unsupportedImage() {
		return new AccountException(Reason.UNSUPPORTED_IMAGE, "The photo must be a JPEG, PNG or WebP image.", 0);
	}

	/**
	 * Returns why the operation was refused.
	 * @return the reason
	 */
	public Reason reason() {
		return this.reason;
	}

	/**
	 * Returns after how many seconds a throttled client may retry.
	 * @return seconds, 0 when not throttled
	 */
	public long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

	/**
	 * The reasons, with their HTTP status and problem code.
	 */
	public enum Reason {

		/** Wrong e-mail or password. */
		INVALID_CREDENTIALS(HttpStatus.UNAUTHORIZED, "invalid_credentials"),
		/** Login throttled. */
		TOO_MANY_ATTEMPTS(HttpStatus.TOO_MANY_REQUESTS, "too_many_attempts"),
		/** Deactivated user. */
		ACCOUNT_INACTIVE(HttpStatus.FORBIDDEN, "account_inactive"),
		/** Unknown, expired, revoked or reused refresh token. */
		INVALID_REFRESH_TOKEN(HttpStatus.UNAUTHORIZED, "invalid_refresh_token"),
		/** Unknown or expired invitation. */
		INVALID_INVITE(HttpStatus.UNAUTHORIZED, "invalid_invite"),
		/** E-mail already used in the tenant. */
		EMAIL_TAKEN(HttpStatus.CONFLICT, "email_taken"),
		/** Tenant slug already used. */
		SLUG_TAKEN(HttpStatus.CONFLICT, "slug_taken"),
		/** No tenant with that slug. */
		UNKNOWN_TENANT(HttpStatus.NOT_FOUND, "unknown_tenant"),
		/** Login matched accounts in several tenants. */
		TENANT_REQUIRED(HttpStatus.BAD_REQUEST, "tenant_required"),
		/** An administrator tried to lock themselves out. */
		OWN_ACCESS(HttpStatus.CONFLICT, "own_access"),
		/** Photo of a type not accepted. */
		UNSUPPORTED_IMAGE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_image");

		private final HttpStatus status;

		private final String code;

		Reason(HttpStatus status, String code) {
			this.status = status;
			this.code = code;
		}

		/**
		 * Returns the HTTP status.
		 * @return the status
		 */
		public HttpStatus status() {
			return this.status;
		}

		/**
		 * Returns the problem code.
		 * @return the code
		 */
		public String code() {
			return this.code;
		}

	}

}
