package dev.clinicflow.patients;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Test data for patients: valid CPFs (check digits computed) and records as JSON maps.
 */
public final class PatientFixtures {

	private PatientFixtures() {
	}

	/** A random CPF with valid check digits, formatted 123.456.789-09. */
	static String cpf() {
		StringBuilder digits = new StringBuilder();
		for (int i = 0; i < 9; i++) {
			digits.append(ThreadLocalRandom.current().nextInt(10));
		}
		digits.append(Cpf.checkDigit(digits.toString(), 9));
		digits.append(Cpf.checkDigit(digits.toString(), 10));
		String d = digits.toString();
		return d.substring(0, 3) + "." + d.substring(3, 6) + "." + d.substring(6, 9) + "-" + d.substring(9);
	}

	static String digits(String cpf) {
		return cpf.replaceAll("\\D", "");
	}

	/** A complete record. */
	public static Map<String, Object> patient(String fullName) {
		Map<String, Object> patient = new LinkedHashMap<>();
		patient.put("fullName", fullName);
		patient.put("cpf", cpf());
		patient.put("birthDate", "1980-05-17");
		patient.put("gender", "FEMALE");
		patient.put("email", "patient-" + ThreadLocalRandom.current().nextInt(1_000_000) + "@mail.test");
		patient.put("contacts",
				new ArrayList<>(List.of(Map.of("type", "MOBILE", "value",
						"(11) 9" + (1000 + ThreadLocalRandom.current().nextInt(9000)) + "-"
								+ (1000 + ThreadLocalRandom.current().nextInt(9000)),
						"primary", true, "allowMessages", true))));
		patient.put("address",
				new LinkedHashMap<>(Map.of("street", "Rua Augusta", "number", "100", "neighborhood", "Consolação",
						"city", "São Paulo", "state", "SP", "postalCode", "01304-000", "country", "BR", "location",
						Map.of("lat", -23.5531, "lon", -46.6544))));
		patient.put("healthPlan", Map.of("provider", "Unimed", "planName", "Nacional", "memberNumber", "123456",
				"validUntil", "2027-12-31"));
		patient.put("tags", List.of("Diabetic", "vip"));
		patient.put("conditions", List.of("Hipertensão"));
		patient.put("allergies", List.of("Penicilina"));
		patient.put("notes", "Prefere manhãs.");
		patient.put("preferences", Map.of("contactChannel", "WHATSAPP", "language", "pt-BR", "timeOfDay", "MORNING"));
		return patient;
	}

	static Map<String, Object> with(Map<String, Object> patient, String key, Object value) {
		Map<String, Object> copy = new LinkedHashMap<>(patient);
		copy.put(key, value);
		return copy;
	}

}
