package dev.kmslab.engine.core;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Builds an audit record's requestParameters: null members are left out, and callers pass only non-secret members
 * (never plaintext, data keys or ciphertext bytes).
 */
public final class AuditParams {

    private AuditParams() {
    }

    /**
     * An unmodifiable map in argument order. Every call builds one, so it is a flat array of the names and values
     * rather than a hash map: an audit record has a handful of members and is mostly just kept.
     */
    public static Map<String, Object> of(Object... namesAndValues) {
        Object[] kept = new Object[namesAndValues.length];
        int n = 0;
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value != null) {
                String name = (String) namesAndValues[i];
                int at = 0;
                while (at < n && !kept[at].equals(name)) {
                    at += 2;
                }
                kept[at] = name; // a repeated name keeps its first place and takes the later value, as a map would
                kept[at + 1] = plain(value);
                n = Math.max(n, at + 2);
            }
        }
        return n == 0 ? Map.of() : new Ordered(kept, n / 2);
    }

    /**
     * Enums by wire name and times as ISO-8601 text (as CloudTrail writes them): the audit file's JSON writer has no
     * java.time support, and an Instant (ImportKeyMaterial's ValidTo) made it fail.
     */
    private static Object plain(Object value) {
        if (value instanceof String || value instanceof Map<?, ?>) {
            return value; // the usual members, answered before the slower interface test below
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return value instanceof java.time.temporal.TemporalAccessor ? value.toString() : value;
    }

    /** Names at even, values at odd indexes, names distinct. */
    private static final class Ordered extends AbstractMap<String, Object> {
        private final Object[] pairs;
        private final int size;

        Ordered(Object[] pairs, int size) {
            this.pairs = pairs;
            this.size = size;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public Object get(Object key) {
            for (int i = 0; i < size * 2; i += 2) {
                if (pairs[i].equals(key)) {
                    return pairs[i + 1];
                }
            }
            return null;
        }

        @Override
        public boolean containsKey(Object key) {
            for (int i = 0; i < size * 2; i += 2) {
                if (pairs[i].equals(key)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public Set<Map.Entry<String, Object>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Map.Entry<String, Object>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < size;
                        }

                        @Override
                        public Map.Entry<String, Object> next() {
                            if (next >= size) {
                                throw new NoSuchElementException();
                            }
                            int at = 2 * next++;
                            return new AbstractMap.SimpleImmutableEntry<>((String) pairs[at], pairs[at + 1]);
                        }
                    };
                }

                @Override
                public int size() {
                    return size;
                }
            };
        }
    }
}
