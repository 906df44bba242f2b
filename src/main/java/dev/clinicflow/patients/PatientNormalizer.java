package dev.clinicflow.patients;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import dev.clinicflow.patients.PatientParts.Address;
import dev.clinicflow.patients.PatientParts.Contact;
import dev.clinicflow.patients.PatientParts.HealthPlan;
import dev.clinicflow.patients.PatientParts.Preferences;
import dev.clinicflow.shared.InvalidField;
import dev.clinicflow.shared.InvalidRequest;
import dev.clinicflow.shared.PhoneNumbers;

/**
 * Checks what bean validation cannot (CPF check digits, birth dates in the future, phone
 * numbers, one primary contact per type) and brings a record to its stored form: CPF as
 * eleven digits, phones in E.164, tags in lower case, blanks as absent. Every problem is
 * reported at once, each naming its field.
 */
final class PatientNormalizer {

	private PatientNormalizer() {
	}

	/** A record in stored form, with the phone keys search uses. */
	record Normalized(PatientInput input, List<String> phoneKeys) {
	}

	static Normalized normalize(PatientInput input, String locale, LocalDate today) {
		List<InvalidField> errors = new ArrayList<>();
		String cpf = null;
		if (blankToNull(input.cpf()) != null) {
			cpf = Cpf.parse(input.cpf()).orElse(null);
			if (cpf == null) {
				errors.add(new InvalidField("cpf", "is not a valid CPF (check digits do not match)"));
			}
		}
		if (input.birthDate() != null && input.birthDate().isAfter(today)) {
			errors.add(new InvalidField("birthDate", "must not be in the future"));
		}
		List<Contact> contacts = contacts(input.contacts(), locale, errors);
		Set<String> phoneKeys = new LinkedHashSet<>();
		contacts.stream()
			.filter((contact) -> contact.type().isPhone())
			.map((contact) -> contact.value().replaceAll("\\D", ""))
			.forEach((digits) -> phoneKeys.add(digits.substring(Math.max(0, digits.length() - 8))));
		Preferences preferences = input.preferences();
		if (preferences != null && blankToNull(preferences.language()) != null
				&& Locale.forLanguageTag(preferences.language().trim()).getLanguage().isEmpty()) {
			errors.add(new InvalidField("preferences.language", "must be a BCP 47 language tag such as pt-BR"));
		}
		if (!errors.isEmpty()) {
			throw InvalidRequest.fields(errors);
		}
		PatientInput normalized = new PatientInput(input.fullName().trim(), blankToNull(input.socialName()), cpf,
				input.birthDate(), input.gender(), lower(input.email()), contacts, address(input.address()),
				healthPlan(input.healthPlan()), labels(input.tags(), (tag) -> tag.toLowerCase(Locale.ROOT)),
				labels(input.conditions(), Function.identity()), labels(input.allergies(), Function.identity()),
				blankToNull(input.notes()), preferences);
		return new Normalized(normalized, List.copyOf(phoneKeys));
	}

	private static List<Contact> contacts(@Nullable List<Contact> given, String locale, List<InvalidField> errors) {
		if (given == null) {
			return List.of();
		}
		List<Contact> contacts = new ArrayList<>();
		Set<ContactType> primaries = EnumSet.noneOf(ContactType.class);
		for (int i = 0; i < given.size(); i++) {
			Contact contact = given.get(i);
			String value = contact.value().trim();
			if (contact.type().isPhone()) {
				String e164 = PhoneNumbers.toE164(value, locale).orElse(null);
				if (e164 == null) {
					errors.add(new InvalidField("contacts[" + i + "].value", "is not a valid phone number"));
					continue;
				}
				value = e164;
			}
			else if (!value.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
				errors.add(new InvalidField("contacts[" + i + "].value", "is not a valid e-mail address"));
				continue;
			}
			else {
				value = value.toLowerCase(Locale.ROOT);
			}
			if (contact.primary() && !primaries.add(contact.type())) {
				errors.add(new InvalidField("contacts[" + i + "].primary",
						"only one " + contact.type() + " contact can be primary"));
			}
			contacts.add(new Contact(contact.type(), value, contact.primary(), contact.allowMessages()));
		}
		return contacts;
	}

	private static @Nullable Address address(@Nullable Address address) {
		if (address == null) {
			return null;
		}
		return new Address(blankToNull(address.street()), blankToNull(address.number()),
				blankToNull(address.complement()), blankToNull(address.neighborhood()), blankToNull(address.city()),
				blankToNull(address.state()), blankToNull(address.postalCode()), blankToNull(address.country()),
				address.location());
	}

	private static @Nullable HealthPlan healthPlan(@Nullable HealthPlan plan) {
		if (plan == null) {
			return null;
		}
		return new HealthPlan(blankToNull(plan.provider()), blankToNull(plan.planName()),
				blankToNull(plan.memberNumber()), plan.validUntil());
	}

	private static List<String> labels(@Nullable List<String> labels, Function<String, String> form) {
		if (labels == null) {
			return List.of();
		}
		return labels.stream().map(String::trim).map(form).distinct().toList();
	}

	private static @Nullable String lower(@Nullable String value) {
		String trimmed = blankToNull(value);
		return (trimmed != null) ? trimmed.toLowerCase(Locale.ROOT) : null;
	}

	static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
