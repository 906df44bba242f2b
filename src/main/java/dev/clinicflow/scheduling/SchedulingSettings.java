package dev.clinicflow.scheduling;

import java.sql.Timestamp;
import java.time.Clock;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import dev.clinicflow.audit.AuditEntry;
import dev.clinicflow.audit.AuditLog;
import dev.clinicflow.shared.CurrentActor;
import dev.clinicflow.shared.CurrentTenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The scheduling rules a clinic sets for itself; defaults until it sets them.
 */
@Service
public class SchedulingSettings {

	/** One day. */
	static final int DEFAULT_CUTOFF_MINUTES = 1440;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	SchedulingSettings(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Reads the current tenant's settings.
	 * @return the settings
	 */
	@Transactional(readOnly = true)
	public Settings current() {
		return this.jdbc.sql("select patient_cancellation_cutoff_minutes from scheduling.settings")
			.query((row, n) -> new Settings(row.getInt(1)))
			.optional()
			.orElse(new Settings(DEFAULT_CUTOFF_MINUTES));
	}

	/**
	 * Replaces the current tenant's settings.
	 * @param settings the new settings
	 * @return them
	 */
	@Transactional
	public Settings replace(Settings settings) {
		this.jdbc.sql("""
				insert into scheduling.settings (tenant_id, patient_cancellation_cutoff_minutes, updated_at, updated_by)
				values (?, ?, ?, ?)
				on conflict (tenant_id) do update set
				  patient_cancellation_cutoff_minutes = excluded.patient_cancellation_cutoff_minutes,
				  updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
			.params(CurrentTenant.require().value(), settings.patientCancellationCutoffMinutes(),
					Timestamp.from(this.clock.instant()), CurrentActor.userId().orElse(null))
			.update();
		this.audit.record(AuditEntry.success("scheduling.settings_changed", "tenant", CurrentTenant.require().value()));
		return current();
	}

	/**
	 * A clinic's scheduling rules.
	 *
	 * @param patientCancellationCutoffMinutes how long before the start PATIENT users may
	 * still cancel online (0 to 30 days, in minutes)
	 */
	public record Settings(@NotNull @Min(0) @Max(43200) Integer patientCancellationCutoffMinutes) {
	}

}
