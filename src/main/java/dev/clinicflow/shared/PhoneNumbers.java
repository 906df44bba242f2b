package dev.clinicflow.shared;

import java.util.Locale;
import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Phone numbers in E.164 ({@code +5511987654321}), whatever way they were typed. A number
 * without a country code is read in the tenant's country (from its locale, such as
 * {@code pt-BR}).
 */
public final class PhoneNumbers {

	private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

	private PhoneNumbers() {
	}

	/**
	 * Normalises a phone number.
	 * @param typed the number as typed
	 * @param locale the tenant's locale, whose country is the default
	 * @return the E.164 form, or empty if it is not a valid number
	 */
	public static Optional<String> toE164(String typed, String locale) {
		String region = Locale.forLanguageTag(locale).getCountry();
		try {
			PhoneNumber number = PHONES.parse(typed, region.isEmpty() ? "BR" : region);
			if (!PHONES.isValidNumber(number)) {
				return Optional.empty();
			}
			return Optional.of(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
		}
		catch (NumberParseException ex) {
			return Optional.empty();
		}
	}

}
