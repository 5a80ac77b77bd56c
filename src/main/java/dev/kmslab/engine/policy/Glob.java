package dev.kmslab.engine.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An IAM wildcard pattern: {@code *} matches any run of characters, {@code ?} exactly one. Compiled once when a
 * policy is parsed. A pattern without {@code ?} is split at its stars into literal segments and matched with
 * startsWith / indexOf / endsWith, which the JVM vectorises; a pattern with {@code ?} uses a linear scan with one
 * backtrack point. No regular expression runs per request.
 */
public final class Glob {

    private final String pattern;
    private final boolean ignoreCase;
    private final boolean literal;
    private final boolean matchAll;
    private final String[] segments;

    private Glob(String pattern, boolean ignoreCase) {
        this.ignoreCase = ignoreCase;
        this.pattern = ignoreCase ? pattern.toLowerCase(Locale.ROOT) : pattern;
        this.literal = pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0;
        this.matchAll = "*".equals(pattern);
        this.segments = this.pattern.indexOf('?') < 0 ? split(this.pattern) : null;
    }

    public static Glob of(String pattern, boolean ignoreCase) {
        return new Glob(pattern, ignoreCase);
    }

    public String pattern() {
        return pattern;
    }

    public boolean matches(String text) {
        if (matchAll) {
            return true;
        }
        String t = ignoreCase ? text.toLowerCase(Locale.ROOT) : text;
        if (literal) {
            return pattern.equals(t);
        }
        return segments != null ? matchSegments(t) : matchScan(t);
    }

    private boolean matchSegments(String t) {
        String first = segments[0];
        String last = segments[segments.length - 1];
        if (t.length() < first.length() + last.length() || !t.startsWith(first) || !t.endsWith(last)) {
            return false;
        }
        int from = first.length();
        int end = t.length() - last.length();
        for (int i = 1; i < segments.length - 1; i++) {
            int at = t.indexOf(segments[i], from);
            if (at < 0 || at + segments[i].length() > end) {
                return false;
            }
            from = at + segments[i].length();
        }
        return true;
    }

    private boolean matchScan(String t) {
        int p = 0;
        int s = 0;
        int star = -1;
        int mark = 0;
        while (s < t.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == t.charAt(s))) {
                p++;
                s++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = s;
            } else if (star >= 0) {
                p = star + 1;
                s = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    /** The literal runs between stars: {@code a*b*c} gives a, b, c; {@code *a} gives "", a. */
    private static String[] split(String pattern) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int star = pattern.indexOf('*'); star >= 0; star = pattern.indexOf('*', from)) {
            parts.add(pattern.substring(from, star));
            from = star + 1;
        }
        parts.add(pattern.substring(from));
        return parts.toArray(new String[0]);
    }

    @Override
    public String toString() {
        return pattern;
    }
}
