/**
 * Tenants, users, roles and authentication: registration, login with throttling, rotating
 * refresh tokens, access tokens, user administration and profile photos.
 */
@ApplicationModule(allowedDependencies = { "shared", "audit" })
@NullMarked
package dev.clinicflow.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
