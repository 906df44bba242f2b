package dev.clinicflow.patients;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import dev.clinicflow.audit.AuditEntry;
import dev.clinicflow.audit.AuditLog;
import dev.clinicflow.patients.PatientParts.Contact;
import dev.clinicflow.shared.CurrentTenant;
import dev.clinicflow.shared.InvalidRequest;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds records that may be the same person, and merges two into one: in a single
 * transaction the survivor takes what it lacked, every module moves its references, and
 * the merged record points to the survivor.
 */
@Service
public class PatientMerges {

	private final PatientRegistry registry;

	private final PatientStore store;

	private final ObjectProvider<PatientReferences> references;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	PatientMerges(PatientRegistry registry, PatientStore store, ObjectProvider<PatientReferences> references,
			JdbcClient jdbc, AuditLog audit, ApplicationEventPublisher events) {
		this.registry = registry;
		this.store = store;
		this.references = references;
		this.jdbc = jdbc;
		this.audit = audit;
		this.events = events;
	}

	/**
	 * Lists records that may describe the same person, most likely first.
	 * @param id the patient
	 * @return the candidates with their score and reasons
	 */
	@Transactional
	public List<DuplicateCandidate> duplicates(UUID id) {
		this.registry.current(id, false);
		this.jdbc.sql("select set_config('pg_trgm.similarity_threshold', '0.5', true)").query(String.class).single();
		this.audit.record(AuditEntry.success("patient.duplicates_read", "patient", id));
		return this.jdbc.sql("""
				select p.id, p.full_name, p.birth_date, p.cpf,
				       p.cpf is not null and p.cpf = t.cpf as same_cpf,
				       p.search_name = t.search_name and p.birth_date = t.birth_date as same_name_birth,
				       similarity(p.search_name, t.search_name) as name_similarity,
				       p.phone_keys && t.phone_keys as same_phone,
				       p.email is not null and lower(p.email) = lower(t.email) as same_email
				from patients.tenant_patients t join patients.tenant_patients p on p.id <> t.id
				where t.id = :id and p.deleted_at is null and p.merged_into is null
				  and (p.cpf = t.cpf
				       or (p.search_name collate "C" = t.search_name and p.birth_date = t.birth_date)
				       or (p.search_name % t.search_name
				           and (p.phone_keys && t.phone_keys or lower(p.email) = lower(t.email))))
				limit 50""").param("id", id).query((row, n) -> {
			List<String> reasons = new ArrayList<>();
			double score = 0;
			if (row.getBoolean("same_cpf")) {
				reasons.add("SAME_CPF");
				score = 1.0;
			}
			if (row.getBoolean("same_name_birth")) {
				reasons.add("SAME_NAME_AND_BIRTH_DATE");
				score = Math.max(score, 0.9);
			}
			double similarity = row.getDouble("name_similarity");
			boolean samePhone = row.getBoolean("same_phone");
			boolean sameEmail = row.getBoolean("same_email");
			if (similarity >= 0.5 && (samePhone || sameEmail)) {
				reasons.add("SIMILAR_NAME");
				score = Math.max(score, Math.min(0.85, 0.4 + 0.4 * similarity + (samePhone && sameEmail ? 0.1 : 0)));
			}
			if (samePhone) {
				reasons.add("SAME_PHONE");
			}
			if (sameEmail) {
				reasons.add("SAME_EMAIL");
			}
			return new DuplicateCandidate(row.getObject("id", UUID.class), row.getString("full_name"),
					row.getObject("birth_date", java.time.LocalDate.class), row.getString("cpf"),
					Math.round(score * 100) / 100.0, reasons);
		}).list().stream().sorted((a, b) -> Double.compare(b.score(), a.score())).toList();
	}

	/**
	 * Merges {@code sourceId} into {@code targetId}.
	 * @param targetId the record that survives
	 * @param sourceId the record merged away
	 * @return the survivor
	 */
	@Transactional
	public PatientView merge(UUID targetId, UUID sourceId) {
		if (targetId.equals(sourceId)) {
			throw InvalidRequest.field("sourceId", "must be another patient than the target");
		}
		this.jdbc.sql("select id from patients.patients where id in (?, ?) order by id for update")
			.params(targetId, sourceId)
			.query(UUID.class)
			.list();
		PatientView target = this.registry.current(targetId, false);
		PatientView source = this.registry.current(sourceId, false);
		if (target.cpf() != null && source.cpf() != null && !target.cpf().equals(source.cpf())) {
			throw PatientException.cpfMismatch(sourceId);
		}
		this.jdbc.sql("""
				update patients.patients set merged_into = ?, cpf = null, user_id = null, updated_at = ?,
				  version = version + 1
				where id = ?""").params(targetId, java.sql.Timestamp.from(this.registry.now()), sourceId).update();
		PatientInput merged = combine(target.input(), source.input());
		this.store.update(targetId, target.version(), this.registry.normalize(merged), this.registry.now());
		this.jdbc
			.sql("""
					update patients.patients t set
					  user_id = coalesce(t.user_id, s.user_id),
					  total_appointments = t.total_appointments + s.total_appointments,
					  completed_appointments = t.completed_appointments + s.completed_appointments,
					  cancelled_appointments = t.cancelled_appointments + s.cancelled_appointments,
					  no_shows = t.no_shows + s.no_shows,
					  confirmed_appointments = t.confirmed_appointments + s.confirmed_appointments,
					  last_visit_at = greatest(t.last_visit_at, s.last_visit_at),
					  next_appointment_at = least(t.next_appointment_at, s.next_appointment_at)
					from (select cast(? as uuid) as user_id, total_appointments, completed_appointments, cancelled_appointments, no_shows,
					             confirmed_appointments, last_visit_at, next_appointment_at
					      from patients.patients where id = ?) s
					where t.id = ?""")
			.params(source.userId(), sourceId, targetId)
			.update();
		this.references.orderedStream().forEach((holder) -> holder.moveReferences(sourceId, targetId));
		this.events.publishEvent(new PatientsMerged(CurrentTenant.require().value(), sourceId, targetId));
		this.audit.record(
				AuditEntry.success("patient.merged", "patient", targetId).with(Map.of("source", sourceId.toString())));
		this.audit.record(AuditEntry.success("patient.merged_away", "patient", sourceId)
			.with(Map.of("into", targetId.toString())));
		return this.store.find(targetId).orElseThrow();
	}

	/** The survivor's data, completed with what only the merged record had. */
	static PatientInput combine(PatientInput target, PatientInput source) {
		return new PatientInput(
				target.fullName(), first(target.socialName(), source.socialName()), first(target.cpf(), source.cpf()),
				first(target.birthDate(), source.birthDate()), first(target.gender(), source.gender()),
				first(target.email(), source.email()), contacts(target.contacts(), source.contacts()),
				first(target.address(), source.address()), first(target.healthPlan(), source.healthPlan()),
				union(target.tags(), source.tags()), union(target.conditions(), source.conditions()),
				union(target.allergies(), source.allergies()), (target.notes() != null && source.notes() != null)
						? target.notes() + "\n" + source.notes() : first(target.notes(), source.notes()),
				first(target.preferences(), source.preferences()));
	}

	private static List<Contact> contacts(@Nullable List<Contact> target, @Nullable List<Contact> source) {
		List<Contact> all = new ArrayList<>((target != null) ? target : List.of());
		Set<ContactType> primaries = EnumSet.noneOf(ContactType.class);
		all.stream().filter(Contact::primary).forEach((contact) -> primaries.add(contact.type()));
		for (Contact contact : (source != null) ? source : List.<Contact>of()) {
			boolean known = all.stream()
				.anyMatch((c) -> c.type() == contact.type() && c.value().equalsIgnoreCase(contact.value()));
			if (!known) {
				boolean primary = contact.primary() && primaries.add(contact.type());
				all.add(new Contact(contact.type(), contact.value(), primary, contact.allowMessages()));
			}
		}
		return all;
	}

	private static List<String> union(@Nullable List<String> a, @Nullable List<String> b) {
		Set<String> all = new LinkedHashSet<>();
		Stream.of(a, b).filter((list) -> list != null).forEach(all::addAll);
		return List.copyOf(all);
	}

	private static <T> @Nullable T first(@Nullable T preferred, @Nullable T fallback) {
		return (preferred != null) ? preferred : fallback;
	}

}
