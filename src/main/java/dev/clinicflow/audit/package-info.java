/**
 * The append-only audit trail: who did what to which record, when, from where, and how it
 * ended. Every module records its writes (and, for patient data, its reads) here.
 */
@ApplicationModule(allowedDependencies = "shared")
@NullMarked
package dev.clinicflow.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
