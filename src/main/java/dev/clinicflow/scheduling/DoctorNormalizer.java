package dev.clinicflow.scheduling;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.clinicflow.scheduling.DoctorInput.AppointmentType;
import dev.clinicflow.scheduling.DoctorInput.Registration;
import dev.clinicflow.shared.InvalidField;
import dev.clinicflow.shared.InvalidRequest;

/**
 * Checks what bean validation cannot (five-minute multiples, repeated type codes) and
 * brings a doctor to its stored form: defaults filled in, labels and codes in lower case,
 * council and state in upper case. Every problem is reported at once.
 */
final class DoctorNormalizer {

	static final int DEFAULT_SLOT_MINUTES = 30;

	private DoctorNormalizer() {
	}

	static DoctorInput normalize(DoctorInput input) {
		List<InvalidField> errors = new ArrayList<>();
		int slotMinutes = Objects.requireNonNullElse(input.slotMinutes(), DEFAULT_SLOT_MINUTES);
		if (slotMinutes % 5 != 0) {
			errors.add(new InvalidField("slotMinutes", "must be a multiple of 5"));
		}
		List<AppointmentType> types = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		List<AppointmentType> given = Objects.requireNonNullElse(input.appointmentTypes(), List.of());
		for (int i = 0; i < given.size(); i++) {
			AppointmentType type = given.get(i);
			String code = type.code().trim().toLowerCase(Locale.ROOT);
			if (!codes.add(code)) {
				errors.add(new InvalidField("appointmentTypes[" + i + "].code", "is repeated"));
			}
			if (type.minutes() % 5 != 0) {
				errors.add(new InvalidField("appointmentTypes[" + i + "].minutes", "must be a multiple of 5"));
			}
			types.add(new AppointmentType(code, type.name().trim(), type.minutes()));
		}
		if (!errors.isEmpty()) {
			throw InvalidRequest.fields(errors);
		}
		return new DoctorInput(input.userId(), input.name().trim(),
				Blank.labels(input.specializations(), (label) -> label.toLowerCase(Locale.ROOT)),
				registration(input.registration()), slotMinutes, List.copyOf(types),
				!Boolean.FALSE.equals(input.active()));
	}

	private static @Nullable Registration registration(@Nullable Registration registration) {
		if (registration == null) {
			return null;
		}
		return new Registration(registration.council().trim().toUpperCase(Locale.ROOT), registration.number().trim(),
				Blank.upper(registration.state()));
	}

}
