package dev.kmslab.engine.core;

import dev.kmslab.engine.Validation;
import dev.kmslab.engine.error.InvalidMarkerException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Limit/Marker paging. A marker is opaque to callers: base64url of "{@code <list>:<offset>}", so a marker from one
 * listing is refused by another and a tampered one gives InvalidMarkerException.
 */
public final class Pages {

    /** One page of a listing. */
    public record Page<T>(List<T> items, String nextMarker, boolean truncated) {
    }

    private Pages() {
    }

    public static <T> Page<T> slice(String listName, List<T> all, Integer limit, int defaultLimit, int maxLimit,
                             String marker) {
        int size = limit == null ? defaultLimit : limit;
        Validation.range("limit", size, 1, maxLimit);
        int from = marker == null ? 0 : offset(listName, marker);
        if (from >= all.size()) {
            return new Page<>(List.of(), null, false);
        }
        int to = Math.min(all.size(), from + size);
        boolean truncated = to < all.size();
        return new Page<>(List.copyOf(all.subList(from, to)), truncated ? encode(listName, to) : null, truncated);
    }

    private static String encode(String listName, int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((listName + ":" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String listName, String marker) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
            String prefix = listName + ":";
            if (text.startsWith(prefix)) {
                int offset = Integer.parseInt(text.substring(prefix.length()));
                if (offset > 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // Not base64 or not a number (NumberFormatException is an IllegalArgumentException): fall through.
        }
        throw new InvalidMarkerException("The request was rejected because the marker that specifies where "
                + "pagination should next begin is not valid.");
    }
}
