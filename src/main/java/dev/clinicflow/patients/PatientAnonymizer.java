package dev.clinicflow.patients;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import dev.clinicflow.audit.AuditEntry;
import dev.clinicflow.audit.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Irreversibly removes what identifies a patient (LGPD's right to anonymisation), keeping
 * what only counts: gender, birth year, city and state, insurer, tags, conditions,
 * allergies and appointment figures still feed statistics, but no longer point to a
 * person.
 */
@Service
public class PatientAnonymizer {

	static final String ANONYMOUS = "Anonymized patient";

	private final PatientRegistry registry;

	private final ObjectProvider<PatientReferences> references;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	PatientAnonymizer(PatientRegistry registry, ObjectProvider<PatientReferences> references, JdbcClient jdbc,
			AuditLog audit) {
		this.registry = registry;
		this.references = references;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/**
	 * Removes from the search vocabulary the words of a name no other patient of the
	 * clinic bears, so that a rare surname does not outlive its record.
	 */
	private void forgetNameWords(List<String> words) {
		if (words.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				delete from patients.name_vocabulary v
				where v.word = any(?)
				  and not exists (select 1 from patients.patients p where p.name_words @> array[v.word])""")
			.param(words.toArray(String[]::new))
			.update();
	}

	/**
	 * Anonymises a patient.
	 * @param id the patient
	 * @return the anonymised record
	 */
	@Transactional
	public PatientView anonymize(UUID id) {
		this.registry.current(id, true);
		List<String> words = this.jdbc.sql("select unnest(name_words) from patients.patients where id = ?")
			.param(id)
			.query(String.class)
			.list();
		int changed = this.jdbc.sql("""
				update patients.patients set
				  full_name = ?, social_name = null, cpf = null, email = null, contacts = '[]', phone_keys = '{}',
				  street = null, street_number = null, complement = null, neighborhood = null, postal_code = null,
				  lat = null, lon = null, birth_date = date_trunc('year', birth_date)::date,
				  health_plan_name = null, health_plan_member = null, health_plan_valid_until = null,
				  notes = null, preferred_language = null, user_id = null,
				  anonymized_at = ?, updated_at = ?, version = version + 1
				where id = ? and anonymized_at is null""")
			.params(ANONYMOUS, Timestamp.from(this.registry.now()), Timestamp.from(this.registry.now()), id)
			.update();
		if (changed == 0) {
			throw PatientException.alreadyAnonymized(id);
		}
		forgetNameWords(words);
		this.references.orderedStream().forEach((holder) -> holder.anonymize(id));
		this.audit.record(AuditEntry.success("patient.anonymized", "patient", id));
		return this.registry.current(id, true);
	}

}
