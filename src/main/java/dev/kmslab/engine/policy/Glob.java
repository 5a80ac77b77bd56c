package dev.kmslab.engine.policy;

import java.util.Locale;

/**
 * An IAM wildcard pattern: {@code *} matches any run of characters, {@code ?} exactly one. Compiled once when a
 * policy is parsed; matching is a linear scan with one backtrack point, so no regular expression runs per request.
 */
public final class Glob {

    private final String pattern;
    private final boolean ignoreCase;
    private final boolean literal;
    private final boolean matchAll;

    private Glob(String pattern, boolean ignoreCase) {
        this.ignoreCase = ignoreCase;
        this.pattern = ignoreCase ? pattern.toLowerCase(Locale.ROOT) : pattern;
        this.literal = pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0;
        this.matchAll = "*".equals(pattern);
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

    @Override
    public String toString() {
        return pattern;
    }
}
