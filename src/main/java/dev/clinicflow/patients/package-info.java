/**
 * The master patient registry: complete patient records, accent-insensitive and
 * typo-tolerant search with filters, bulk creation, the PHI read trail, and each PATIENT
 * account's own record.
 */
@ApplicationModule(allowedDependencies = { "shared", "audit", "identity" })
@NullMarked
package dev.clinicflow.patients;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
