package dev.clinicflow.patients;

import java.util.UUID;

import org.springframework.http.HttpStatus;

/**
 * Why a patient operation was refused.
 */
public class PatientException extends RuntimeException {

	private final Reason reason;

	private final UUID patientId;

	PatientException(Reason reason, String message, UUID patientId) {
		super(message);
		this.reason = reason;
		this.patientId = patientId;
	}

	static PatientException cpfTaken(UUID existing) {
		return new PatientException(Reason.CPF_TAKEN, "Another patient in this clinic has this CPF.", existing);
	}

	static PatientException merged(UUID id, UUID into) {
		return new PatientException(Reason.MERGED, "Patient " + id + " was merged into " + into + ".", into);
	}

	static PatientException notDeleted(UUID id) {
		return new PatientException(Reason.NOT_DELETED, "Patient " + id + " is not deleted.", id);
	}

	static PatientException cpfMismatch(UUID source) {
		return new PatientException(Reason.CPF_MISMATCH,
				"The two records have different CPFs; they belong to different people.", source);
	}

	static PatientException alreadyAnonymized(UUID id) {
		return new PatientException(Reason.ALREADY_ANONYMIZED, "Patient " + id + " is already anonymized.", id);
	}

	static PatientException noRecord(UUID userId) {
		return new PatientException(Reason.NO_RECORD, "No patient record is linked to this account yet.", userId);
	}

	/**
	 * Returns the reason.
	 * @return why
	 */
	public Reason reason() {
		return this.reason;
	}

	/**
	 * Returns the patient the problem names: the existing holder of a CPF, or the record
	 * a merged one now lives in.
	 * @return the patient id
	 */
	public UUID patientId() {
		return this.patientId;
	}

	/**
	 * The reasons, with their HTTP status and problem code.
	 */
	public enum Reason {

		/** The CPF is already used in the tenant. */
		CPF_TAKEN(HttpStatus.CONFLICT, "cpf_taken"),
		/** The record was merged into another one. */
		MERGED(HttpStatus.PERMANENT_REDIRECT, "patient_merged"),
		/** Restore of a record that is not deleted. */
		NOT_DELETED(HttpStatus.CONFLICT, "patient_not_deleted"),
		/** Merge of records with different CPFs. */
		CPF_MISMATCH(HttpStatus.CONFLICT, "cpf_mismatch"),
		/** Anonymisation of an anonymised record. */
		ALREADY_ANONYMIZED(HttpStatus.CONFLICT, "already_anonymized"),
		/** A PATIENT account without a record. */
		NO_RECORD(HttpStatus.NOT_FOUND, "no_patient_record");

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
