package dev.clinicflow.patients;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.clinicflow.audit.AuditEntry;
import dev.clinicflow.audit.AuditLog;
import dev.clinicflow.audit.AuditQuery;
import dev.clinicflow.audit.AuditRecord;
import dev.clinicflow.identity.IdentityApi;
import dev.clinicflow.identity.TenantView;
import dev.clinicflow.shared.CursorPage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Views of a patient beyond the record: the complete profile (with every module's
 * section), the plain-language summary, and the data-subject export. Each read is
 * audited.
 */
@Service
public class PatientProfiles {

	private final PatientRegistry registry;

	private final ObjectProvider<PatientProfileSection> sections;

	private final IdentityApi identity;

	private final AuditLog audit;

	private final Clock clock;

	PatientProfiles(PatientRegistry registry, ObjectProvider<PatientProfileSection> sections, IdentityApi identity,
			AuditLog audit, Clock clock) {
		this.registry = registry;
		this.sections = sections;
		this.identity = identity;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Assembles a patient's complete profile.
	 * @param id the patient
	 * @return the record and every module's section
	 */
	@Transactional
	public PatientProfile profile(UUID id) {
		PatientView patient = this.registry.current(id, false);
		this.audit.record(AuditEntry.success("patient.profile_read", "patient", id));
		return new PatientProfile(patient, sections(id));
	}

	/**
	 * Writes a patient's summary.
	 * @param id the patient
	 * @return the summary
	 */
	@Transactional
	public PatientSummary summary(UUID id) {
		PatientView patient = this.registry.current(id, false);
		TenantView tenant = this.identity.currentTenant();
		ZoneId zone = ZoneId.of(tenant.timezone());
		this.audit.record(AuditEntry.success("patient.summary_read", "patient", id));
		return SummaryWriter.write(patient, tenant.locale(), zone, LocalDate.ofInstant(this.clock.instant(), zone));
	}

	/**
	 * Exports everything stored about a patient.
	 * @param id the patient
	 * @return the export
	 */
	@Transactional
	public PatientExport export(UUID id) {
		PatientView patient = this.registry.current(id, true);
		List<AuditRecord> trail = new ArrayList<>();
		String cursor = null;
		do {
			CursorPage<AuditRecord> page = this.audit
				.search(new AuditQuery("patient", id, null, null, null, CursorPage.MAX_LIMIT, cursor));
			trail.addAll(page.items());
			cursor = page.nextCursor();
		}
		while (cursor != null);
		this.audit.record(AuditEntry.success("patient.exported", "patient", id));
		return new PatientExport(this.clock.instant(), patient, sections(id), trail);
	}

	private Map<String, Object> sections(UUID id) {
		Map<String, Object> contents = new LinkedHashMap<>();
		this.sections.orderedStream().forEach((section) -> contents.put(section.name(), section.contentFor(id)));
		return contents;
	}

}
