/**
 * Platform pieces every module uses: tenancy, ids, time, paging, problems, the database
 * (embedded or external), security and the HTTP conventions. An open module: its
 * sub-packages are infrastructure the other modules build on.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package dev.clinicflow.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
