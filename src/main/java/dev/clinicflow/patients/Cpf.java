package dev.clinicflow.patients;

import java.util.Optional;

/**
 * The Brazilian taxpayer id: eleven digits, the last two check digits computed from the
 * first nine (mod 11).
 */
final class Cpf {

	private Cpf() {
	}

	/**
	 * Reads a CPF typed with or without punctuation ({@code 123.456.789-09}).
	 * @return its eleven digits, or empty when it is not a valid CPF
	 */
	static Optional<String> parse(String typed) {
		String digits = typed.replaceAll("[.\\-\\s/]", "");
		if (!digits.matches("[0-9]{11}") || digits.chars().distinct().count() == 1) {
			return Optional.empty();
		}
		if (checkDigit(digits, 9) != digits.charAt(9) - '0' || checkDigit(digits, 10) != digits.charAt(10) - '0') {
			return Optional.empty();
		}
		return Optional.of(digits);
	}

	/** The check digit at {@code position} (9 or 10), from the digits before it. */
	static int checkDigit(String digits, int position) {
		int sum = 0;
		for (int i = 0; i < position; i++) {
			sum += (digits.charAt(i) - '0') * (position + 1 - i);
		}
		int rest = (sum * 10) % 11;
		return (rest == 10) ? 0 : rest;
	}

}
