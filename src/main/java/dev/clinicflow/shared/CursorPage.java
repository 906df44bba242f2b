package dev.clinicflow.shared;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * One page of a list answered with cursor pagination: the items and, when more follow, an
 * opaque cursor for the next page.
 *
 * @param <T> the item type
 * @param items the items of this page
 * @param nextCursor the cursor of the next page, or null on the last page
 */
public record CursorPage<T>(List<T> items, @Nullable String nextCursor) {

	/** Largest page a client may ask for. */
	public static final int MAX_LIMIT = 200;

	/** Page size when the client does not ask for one. */
	public static final int DEFAULT_LIMIT = 50;

	/**
	 * Builds a page from rows fetched with {@code limit + 1}: the extra row, if present,
	 * proves that another page follows.
	 * @param <T> the item type
	 * @param rows the rows fetched, at most {@code limit + 1}
	 * @param limit the page size asked for
	 * @param idOf the id (UUIDv7, the sort key) of an item
	 * @return the page
	 */
	public static <T> CursorPage<T> of(List<T> rows, int limit, Function<T, UUID> idOf) {
		if (rows.size() <= limit) {
			return new CursorPage<>(rows, null);
		}
		List<T> page = rows.subList(0, limit);
		return new CursorPage<>(List.copyOf(page), encode(idOf.apply(page.get(limit - 1))));
	}

	/**
	 * Validates a client's {@code limit}.
	 * @param limit the asked limit, possibly absent
	 * @return the limit to use
	 */
	public static int limit(@Nullable Integer limit) {
		if (limit == null) {
			return DEFAULT_LIMIT;
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw InvalidRequest.field("limit", "must be between 1 and " + MAX_LIMIT);
		}
		return limit;
	}

	/**
	 * Decodes a client's cursor into the id after which the next page starts.
	 * @param cursor the cursor, possibly absent
	 * @return the id to continue after, or null for the first page
	 */
	public static @Nullable UUID after(@Nullable String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException ex) {
			throw InvalidRequest.field("cursor", "is not a cursor this API returned");
		}
	}

	private static String encode(UUID id) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(id.toString().getBytes(StandardCharsets.UTF_8));
	}

}
