package dev.clinicflow.shared;

/**
 * One rejected field of a request: the entries of a validation problem's {@code errors}
 * list.
 *
 * @param field the field's path in the request, such as {@code email} or
 * {@code address.city}, or the query parameter's name
 * @param message why it was rejected
 */
public record InvalidField(String field, String message) {
}
