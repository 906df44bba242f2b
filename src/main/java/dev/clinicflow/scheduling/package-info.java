/**
 * Bookable resources and their availability: doctors (with specialisations and
 * appointment types), collection cars and the zones they serve, weekly schedules in the
 * tenant's time zone, time off and the clinic's holidays. Appointments and slots build on
 * these tables.
 */
@ApplicationModule(allowedDependencies = { "shared", "audit", "identity", "patients" })
@NullMarked
package dev.clinicflow.scheduling;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
