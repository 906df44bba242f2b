package dev.clinicflow.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A tenant as other modules and clients see it.
 *
 * @param id the tenant id
 * @param name the clinic's or laboratory's name
 * @param slug its unique short name, used at login and patient signup
 * @param timezone IANA time zone in which its local dates and times are meant
 * @param locale BCP 47 locale, such as {@code pt-BR}
 * @param createdAt when it registered
 */
public record TenantView(UUID id, String name, String slug, String timezone, String locale, Instant createdAt) {
}
