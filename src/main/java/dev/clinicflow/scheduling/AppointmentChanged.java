package dev.clinicflow.scheduling;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Published in the transaction that changes an appointment; listeners run after it
 * commits (and are retried by the event publication registry if they fail).
 *
 * @param tenantId the clinic
 * @param appointmentId the appointment
 * @param change what happened
 * @param patientId the patient
 * @param kind clinic visit or home collection
 * @param resourceId the doctor or car
 * @param start when it starts (after a reschedule: the new start)
 * @param end when it ends
 * @param status the status after the change
 * @param previousStart the start before a reschedule
 * @param actorId who made the change, when a user did
 * @param occurredAt when
 */
public record AppointmentChanged(UUID tenantId, UUID appointmentId, AppointmentChange change, UUID patientId,
		AppointmentKind kind, UUID resourceId, Instant start, Instant end, AppointmentStatus status,
		@Nullable Instant previousStart, @Nullable UUID actorId, Instant occurredAt) {
}
