package dev.clinicflow.shared;

import java.util.List;

/**
 * A request a client got wrong in a way bean validation cannot see (a rule that spans
 * fields, a check against stored data). Answered with 400 and the fields named.
 */
public class InvalidRequest extends RuntimeException {

	private final List<InvalidField> errors;

	InvalidRequest(List<InvalidField> errors) {
		super(errors.toString());
		this.errors = List.copyOf(errors);
	}

	/**
	 * One rejected field.
	 * @param field the field's path
	 * @param message why it was rejected
	 * @return the exception
	 */
	public static InvalidRequest field(String field, String message) {
		return new InvalidRequest(List.of(new InvalidField(field, message)));
	}

	/**
	 * Several rejected fields.
	 * @param errors the rejected fields
	 * @return the exception
	 */
	public static InvalidRequest fields(List<InvalidField> errors) {
		return new InvalidRequest(errors);
	}

	/**
	 * Returns the rejected fields.
	 * @return the errors
	 */
	public List<InvalidField> errors() {
		return this.errors;
	}

}
