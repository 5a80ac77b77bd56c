package dev.kmslab.engine.policy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Builds the {@link ValueMatcher} of each operator family; all parsing of policy values happens here, once. */
final class ValueMatchers {

    private ValueMatchers() {
    }

    static ValueMatcher exact(List<String> values, boolean ignoreCase) {
        Set<String> set = new HashSet<>();
        for (String v : values) {
            set.add(ignoreCase ? v.toLowerCase(Locale.ROOT) : v);
        }
        if (ignoreCase) {
            return value -> set.contains(value.toLowerCase(Locale.ROOT));
        }
        return set::contains;
    }

    static ValueMatcher like(List<String> values) {
        List<Glob> globs = new ArrayList<>();
        for (String v : values) {
            globs.add(Glob.of(v, false));
        }
        return value -> {
            for (int i = 0; i < globs.size(); i++) {
                if (globs.get(i).matches(value)) {
                    return true;
                }
            }
            return false;
        };
    }

    static ValueMatcher bool(List<String> values) {
        Set<String> set = new HashSet<>();
        for (String v : values) {
            String lower = v.toLowerCase(Locale.ROOT);
            if (!"true".equals(lower) && !"false".equals(lower)) {
                throw new IllegalArgumentException("\"" + v + "\" is not true or false");
            }
            set.add(lower);
        }
        return value -> set.contains(value.toLowerCase(Locale.ROOT));
    }

    /**
     * @param sign      the wanted sign of {@code request.compareTo(policy)}: -1 less, 0 equal, 1 greater
     * @param orEqual   whether equality also matches
     */
    static ValueMatcher numeric(List<String> values, int sign, boolean orEqual) {
        List<BigDecimal> numbers = new ArrayList<>();
        for (String v : values) {
            numbers.add(parseNumber(v).orElseThrow(
                    () -> new IllegalArgumentException("\"" + v + "\" is not a number")));
        }
        return value -> {
            java.util.Optional<BigDecimal> parsed = parseNumber(value);
            if (parsed.isEmpty()) {
                return false;
            }
            for (BigDecimal n : numbers) {
                if (compares(parsed.get().compareTo(n), sign, orEqual)) {
                    return true;
                }
            }
            return false;
        };
    }

    static ValueMatcher date(List<String> values, int sign, boolean orEqual) {
        long[] millis = new long[values.size()];
        for (int i = 0; i < millis.length; i++) {
            String v = values.get(i);
            Instant t = parseDate(v);
            if (t == null) {
                throw new IllegalArgumentException("\"" + v + "\" is not an ISO 8601 date or epoch seconds");
            }
            millis[i] = t.toEpochMilli();
        }
        return value -> {
            Instant t = parseDate(value);
            if (t == null) {
                return false;
            }
            long m = t.toEpochMilli();
            for (long p : millis) {
                if (compares(Long.compare(m, p), sign, orEqual)) {
                    return true;
                }
            }
            return false;
        };
    }

    private static boolean compares(int cmp, int sign, boolean orEqual) {
        return (cmp == 0 && orEqual) || (cmp != 0 && Integer.signum(cmp) == sign);
    }

    private static java.util.Optional<BigDecimal> parseNumber(String text) {
        try {
            return java.util.Optional.of(new BigDecimal(text.trim()));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    /** ISO 8601 (date-time with zone or offset, or a bare date at UTC midnight) or whole epoch seconds. */
    static Instant parseDate(String text) {
        String t = text.trim();
        if (!t.isEmpty() && t.chars().allMatch(c -> c >= '0' && c <= '9' || c == '-') && t.lastIndexOf('-') <= 0) {
            try {
                return Instant.ofEpochSecond(Long.parseLong(t));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            // not a full date-time; try a calendar date below
        }
        try {
            return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
