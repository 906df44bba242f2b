package dev.clinicflow.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;

import org.apache.tika.Tika;

import dev.clinicflow.audit.AuditEntry;
import dev.clinicflow.audit.AuditLog;
import dev.clinicflow.shared.CurrentActor;
import dev.clinicflow.shared.CurrentTenant;
import dev.clinicflow.shared.ResourceNotFound;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users' profile photos. The type is read from the bytes themselves (magic numbers),
 * never from the file name or the declared content type.
 */
@Service
public class ProfilePhotos {

	static final Set<String> ACCEPTED = Set.of("image/jpeg", "image/png", "image/webp");

	private final Tika tika = new Tika();

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	ProfilePhotos(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Stores the authenticated user's photo, replacing any earlier one.
	 * @param bytes the image
	 */
	@Transactional
	public void replaceMine(byte[] bytes) {
		String type = this.tika.detect(bytes);
		if (!ACCEPTED.contains(type)) {
			throw AccountException.unsupportedImage();
		}
		UUID userId = CurrentActor.requireUserId();
		this.jdbc
			.sql("""
					insert into identity.user_photos (tenant_id, user_id, content_type, bytes, updated_at)
					values (?, ?, ?, ?, ?)
					on conflict (tenant_id, user_id)
					do update set content_type = excluded.content_type, bytes = excluded.bytes, updated_at = excluded.updated_at""")
			.params(CurrentTenant.require().value(), userId, type, bytes, Timestamp.from(this.clock.instant()))
			.update();
		this.audit.record(AuditEntry.success("user.photo_changed", "user", userId));
	}

	/**
	 * Reads a user's photo.
	 * @param userId the user
	 * @return the photo
	 */
	@Transactional(readOnly = true)
	public Photo get(UUID userId) {
		return this.jdbc.sql("select content_type, bytes from identity.user_photos where user_id = ?")
			.param(userId)
			.query((row, n) -> new Photo(row.getString(1), row.getBytes(2)))
			.optional()
			.orElseThrow(() -> ResourceNotFound.of("photo of user", userId));
	}

	/**
	 * A stored photo.
	 *
	 * @param contentType its detected media type
	 * @param bytes the image
	 */
	public record Photo(String contentType, byte[] bytes) {
	}

}
