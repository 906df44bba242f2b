package dev.clinicflow.patients;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A record that may describe the same person as another.
 *
 * @param id the candidate
 * @param fullName its name
 * @param birthDate its birth date
 * @param cpf its CPF
 * @param score how likely the two are the same person, 0 to 1
 * @param reasons why: SAME_CPF, SAME_NAME_AND_BIRTH_DATE, SIMILAR_NAME, SAME_PHONE,
 * SAME_EMAIL
 */
public record DuplicateCandidate(UUID id, String fullName, @Nullable LocalDate birthDate, @Nullable String cpf,
		double score, List<String> reasons) {
}
