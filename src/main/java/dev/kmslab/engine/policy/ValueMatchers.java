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
        return new DateMatcher(millis, sign, orEqual);
    }

    /** Compares instants; exposes the comparison on epoch milliseconds for aws:CurrentTime. */
    static final class DateMatcher implements ValueMatcher {
        private final long[] millis;
        private final int sign;
        private final boolean orEqual;

        DateMatcher(long[] millis, int sign, boolean orEqual) {
            this.millis = millis;
            this.sign = sign;
            this.orEqual = orEqual;
        }

        @Override
        public boolean matchesAny(String requestValue) {
            Instant t = parseDate(requestValue);
            return t != null && matchesMillis(t.toEpochMilli());
        }

        boolean matchesMillis(long m) {
            for (long p : millis) {
                if (compares(Long.compare(m, p), sign, orEqual)) {
                    return true;
                }
            }
            return false;
        }
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
        if (isEpochSeconds(t)) {
            try {
                return Instant.ofEpochSecond(Long.parseLong(t));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        Instant utc = parseUtcSeconds(t);
        if (utc != null) {
            return utc;
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

    private static boolean isEpochSeconds(String t) {
        if (t.isEmpty()) {
            return false;
        }
        for (int i = t.charAt(0) == '-' ? 1 : 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return t.length() > (t.charAt(0) == '-' ? 1 : 0);
    }

    /**
     * Fast path for {@code yyyy-MM-ddTHH:mm:ssZ}, the form aws:CurrentTime takes on every request; java.time's
     * general parser costs more than the rest of an evaluation. Anything else returns null for the general parser.
     */
    private static Instant parseUtcSeconds(String t) {
        if (t.length() != 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T'
                || t.charAt(13) != ':' || t.charAt(16) != ':' || t.charAt(19) != 'Z') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59
                || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400L + hour * 3600L + minute * 60L + second);
    }

    private static int digits(String t, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
