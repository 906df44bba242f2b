package dev.clinicflow.patients;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.clinicflow.audit.AuditEntry;
import dev.clinicflow.audit.AuditLog;
import dev.clinicflow.patients.BulkResult.Item;
import dev.clinicflow.patients.BulkResult.Status;
import dev.clinicflow.patients.PatientNormalizer.Normalized;
import dev.clinicflow.shared.CurrentTenant;
import dev.clinicflow.shared.Ids;
import dev.clinicflow.shared.InvalidField;
import dev.clinicflow.shared.InvalidRequest;
import dev.clinicflow.shared.web.JsonInputProblems;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates up to 1,000 patients in one request (spreadsheet imports build on it). Each
 * item is read and validated on its own, so one bad row does not sink the others; the
 * valid ones go in with a single statement.
 */
@Service
public class BulkPatients {

	/** Largest number of items in one request. */
	public static final int MAX_ITEMS = 1000;

	private final PatientRegistry registry;

	private final PatientStore store;

	private final JsonMapper json;

	private final Validator validator;

	private final AuditLog audit;

	BulkPatients(PatientRegistry registry, PatientStore store, JsonMapper json, Validator validator, AuditLog audit) {
		this.registry = registry;
		this.store = store;
		this.json = json;
		this.validator = validator;
		this.audit = audit;
	}

	/**
	 * Creates the valid items that are not duplicates.
	 * @param items the patients, as JSON objects
	 * @return what happened to each item
	 */
	@Transactional
	public BulkResult create(List<JsonNode> items) {
		if (items.isEmpty() || items.size() > MAX_ITEMS) {
			throw InvalidRequest.field("items", "must hold between 1 and " + MAX_ITEMS + " patients");
		}
		Item[] results = new Item[items.size()];
		Map<Integer, Normalized> valid = new HashMap<>();
		Function<PatientInput, Normalized> normalizer = this.registry.normalizer();
		for (int i = 0; i < items.size(); i++) {
			try {
				valid.put(i, read(items.get(i), normalizer));
			}
			catch (InvalidRequest ex) {
				results[i] = new Item(i, Status.INVALID, null, null, ex.errors());
			}
		}
		Map<String, UUID> holders = new HashMap<>();
		List<String> cpfs = valid.values().stream().map((p) -> p.input().cpf()).filter((c) -> c != null).toList();
		for (String taken : this.store.takenCpfs(cpfs)) {
			holders.put(taken, this.store.findIdByCpf(taken).orElseThrow());
		}
		List<PatientStore.NewRow> rows = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			Normalized patient = valid.get(i);
			if (patient == null) {
				continue;
			}
			String cpf = patient.input().cpf();
			if (cpf != null && holders.containsKey(cpf)) {
				results[i] = new Item(i, Status.DUPLICATE, null, holders.get(cpf), List.of());
				continue;
			}
			UUID id = Ids.next();
			if (cpf != null) {
				holders.put(cpf, id);
			}
			rows.add(new PatientStore.NewRow(id, patient, null));
			results[i] = new Item(i, Status.CREATED, id, null, List.of());
		}
		Set<UUID> inserted = this.store.insertAll(CurrentTenant.require(), rows, this.registry.now());
		List<AuditEntry> entries = new ArrayList<>();
		for (int i = 0; i < results.length; i++) {
			Item item = results[i];
			if (item.status() == Status.CREATED && !inserted.contains(item.id())) {
				// a concurrent request took the CPF between the check and the insert
				String cpf = valid.get(i).input().cpf();
				results[i] = new Item(i, Status.DUPLICATE, null, this.store.findIdByCpf(cpf).orElse(null), List.of());
			}
			else if (item.status() == Status.CREATED) {
				entries.add(AuditEntry.success("patient.created", "patient", item.id()));
			}
		}
		this.audit.recordAll(entries);
		List<Item> all = List.of(results);
		return new BulkResult(count(all, Status.CREATED), count(all, Status.DUPLICATE), count(all, Status.INVALID),
				all);
	}

	private Normalized read(JsonNode item, Function<PatientInput, Normalized> normalizer) {
		PatientInput input;
		try {
			input = this.json.treeToValue(item, PatientInput.class);
		}
		catch (JacksonException ex) {
			@SuppressWarnings("unchecked")
			List<InvalidField> errors = (List<InvalidField>) JsonInputProblems.of(ex)
				.getProperties()
				.getOrDefault("errors", List.of(new InvalidField("", "is not a patient record")));
			throw InvalidRequest.fields(errors);
		}
		if (input == null) {
			throw InvalidRequest.field("", "is not a patient record");
		}
		Set<ConstraintViolation<PatientInput>> violations = this.validator.validate(input);
		if (!violations.isEmpty()) {
			throw InvalidRequest.fields(violations.stream()
				.map((violation) -> new InvalidField(violation.getPropertyPath().toString(), violation.getMessage()))
				.toList());
		}
		return normalizer.apply(input);
	}

	private static int count(List<Item> items, Status status) {
		return (int) items.stream().filter((item) -> item.status() == status).count();
	}

}
