package dev.clinicflow.patients;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.clinicflow.shared.InvalidField;

/**
 * What a bulk creation did with each item.
 *
 * @param created how many patients were created
 * @param duplicates how many items named a CPF already in the clinic (or earlier in the
 * same request)
 * @param invalid how many items were refused as invalid
 * @param results one result per item, in request order
 */
public record BulkResult(int created, int duplicates, int invalid, List<Item> results) {

	/**
	 * The outcome of one item.
	 */
	public enum Status {

		/** A patient was created. */
		CREATED,
		/** Not created: the CPF belongs to {@code existingId}. */
		DUPLICATE,
		/** Not created: see {@code errors}. */
		INVALID

	}

	/**
	 * The result of one item.
	 *
	 * @param index the item's position in the request
	 * @param status what happened
	 * @param id the created patient
	 * @param existingId the patient that already has the CPF
	 * @param errors why the item is invalid, each field named relative to the item
	 */
	public record Item(int index, Status status, @Nullable UUID id, @Nullable UUID existingId,
			List<InvalidField> errors) {
	}

}
