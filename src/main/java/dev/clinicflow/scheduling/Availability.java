package dev.clinicflow.scheduling;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.clinicflow.identity.IdentityApi;
import dev.clinicflow.patients.PatientDirectory;
import dev.clinicflow.patients.PatientDirectory.PatientCard;
import dev.clinicflow.patients.PatientParts;
import dev.clinicflow.scheduling.Slots.ResourceSlots;
import dev.clinicflow.shared.InvalidRequest;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Free times across resources on one day: the windows of every car that serves a
 * patient's address, or the slots of every doctor of a specialisation.
 */
@Service
public class Availability {

	private final Slots slots;

	private final ZoneStore zones;

	private final PatientDirectory patients;

	private final AppointmentAccess access;

	private final IdentityApi identity;

	Availability(Slots slots, ZoneStore zones, PatientDirectory patients, AppointmentAccess access,
			IdentityApi identity) {
		this.slots = slots;
		this.zones = zones;
		this.patients = patients;
		this.access = access;
		this.identity = identity;
	}

	/**
	 * Finds free times on a day.
	 * @param kind home collections (needs {@code patientId}) or clinic visits
	 * @param date the day
	 * @param patientId for home collections: whose address the cars must serve
	 * @param specialization for clinic visits: a specialisation the doctors must have
	 * @param type for clinic visits: an appointment type the doctors must offer
	 * @return the resources with free times
	 */
	@Transactional(readOnly = true)
	public AvailabilityView find(AppointmentKind kind, LocalDate date, @Nullable UUID patientId,
			@Nullable String specialization, @Nullable String type) {
		String timezone = this.identity.currentTenant().timezone();
		if (kind == AppointmentKind.CLINIC_VISIT) {
			return new AvailabilityView(kind, date, timezone,
					this.slots.clinicVisits(Blank.toNull(specialization), date, Blank.toNull(type)));
		}
		if (patientId == null) {
			throw InvalidRequest.field("patientId",
					"is required for home collections: the cars must serve the " + "patient's address");
		}
		PatientCard patient = this.patients.find(patientId)
			.filter(PatientCard::active)
			.orElseThrow(() -> InvalidRequest.field("patientId", "no such patient in this clinic"));
		this.access.requireMayBookFor(patient, null);
		PatientParts.Address address = patient.address();
		if (address == null) {
			throw InvalidRequest.field("patientId", "the patient has no address to visit");
		}
		return new AvailabilityView(kind, date, timezone,
				this.slots.homeCollections(this.zones.covering(address, null), date));
	}

	/**
	 * Free times on one day.
	 *
	 * @param kind what was asked for
	 * @param date the day
	 * @param timezone the clinic's time zone, in which the day is meant
	 * @param resources doctors or cars with free times, each with its slots
	 */
	public record AvailabilityView(AppointmentKind kind, LocalDate date, String timezone,
			List<ResourceSlots> resources) {
	}

}
