package dev.kmslab.engine.state;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An immutable map from strings, iterated in insertion order, whose {@link #with} and {@link #without} return a
 * changed copy in O(log n) by sharing everything they did not change. The keystore snapshot keeps its keys in one, so a
 * change to one key among ten thousand does not copy the other 9,999 (it did, twice, with {@code LinkedHashMap}).
 *
 * <p>Entries live in slots numbered in insertion order, held in a 32-way trie ("persistent vector"); a hash trie
 * (HAMT) maps each key to its slot. Replacing a value keeps its slot, so its position; a new key takes the next slot;
 * removing a key empties its slot (slots are never reused, so iteration skips the empty ones). Because maps derived
 * from one another share unchanged subtrees, {@link #diff} finds what changed between two of them by skipping the
 * shared parts.
 */
public final class PersistentOrderedMap<V> extends AbstractMap<String, V> {

    private static final int BITS = 5;
    private static final int WIDTH = 1 << BITS;
    private static final int MASK = WIDTH - 1;
    private static final PersistentOrderedMap<?> EMPTY = new PersistentOrderedMap<>(new Object(), new Object[WIDTH],
            0, 0, 0, Hamt.EMPTY);

    /** Maps derived from one another share a lineage, which is what makes their slot numbers comparable. */
    private final Object lineage;
    private final Object[] root;
    private final int shift;
    private final int slots;
    private final int size;
    private final Hamt.Node index;

    private PersistentOrderedMap(Object lineage, Object[] root, int shift, int slots, int size, Hamt.Node index) {
        this.lineage = lineage;
        this.root = root;
        this.shift = shift;
        this.slots = slots;
        this.size = size;
        this.index = index;
    }

    @SuppressWarnings("unchecked")
    public static <V> PersistentOrderedMap<V> empty() {
        return (PersistentOrderedMap<V>) EMPTY;
    }

    /** The same map if it already is one, otherwise a copy in its iteration order. */
    @SuppressWarnings("unchecked")
    public static <V> PersistentOrderedMap<V> copyOf(Map<String, ? extends V> map) {
        if (map instanceof PersistentOrderedMap<?> persistent) {
            return (PersistentOrderedMap<V>) persistent;
        }
        PersistentOrderedMap<V> out = new PersistentOrderedMap<>(new Object(), new Object[WIDTH], 0, 0, 0,
                Hamt.EMPTY);
        for (Map.Entry<String, ? extends V> e : map.entrySet()) {
            out = out.with(e.getKey(), e.getValue());
        }
        return out;
    }

    /** This map with {@code key} mapped to {@code value}: in its old position if present, else last. */
    public PersistentOrderedMap<V> with(String key, V value) {
        if (key == null || value == null) {
            throw new NullPointerException("keys and values must not be null");
        }
        Integer slot = Hamt.find(index, key);
        Slot<V> entry = new Slot<>(key, value);
        if (slot != null) {
            return new PersistentOrderedMap<>(lineage, assoc(root, shift, slot, entry), shift, slots, size, index);
        }
        Object[] grown = root;
        int grownShift = shift;
        if (slots == 1 << (shift + BITS)) {
            grown = new Object[WIDTH];
            grown[0] = root;
            grownShift += BITS;
        }
        return new PersistentOrderedMap<>(lineage, assoc(grown, grownShift, slots, entry), grownShift, slots + 1,
                size + 1, Hamt.put(index, 0, key.hashCode(), key, slots));
    }

    /** This map without {@code key} (the same map if it was absent). */
    public PersistentOrderedMap<V> without(String key) {
        Integer slot = Hamt.find(index, key);
        if (slot == null) {
            return this;
        }
        return new PersistentOrderedMap<>(lineage, assoc(root, shift, slot, null), shift, slots, size - 1,
                Hamt.remove(index, 0, key.hashCode(), key));
    }

    @Override
    public V get(Object key) {
        if (!(key instanceof String name)) {
            return null;
        }
        Integer slot = Hamt.find(index, name);
        return slot == null ? null : slot(slot).value;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String name && Hamt.find(index, name) != null;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Set<Map.Entry<String, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, V>> iterator() {
                return new Iterator<>() {
                    private int next = advance(0);

                    private int advance(int from) {
                        int i = from;
                        while (i < slots && slot(i) == null) {
                            i++;
                        }
                        return i;
                    }

                    @Override
                    public boolean hasNext() {
                        return next < slots;
                    }

                    @Override
                    public Map.Entry<String, V> next() {
                        if (next >= slots) {
                            throw new NoSuchElementException();
                        }
                        Slot<V> entry = slot(next);
                        next = advance(next + 1);
                        return entry;
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /**
     * Reports the keys whose value in {@code b} is not the same object as in {@code a} (added or replaced), and the
     * keys of {@code a} missing from {@code b}. When {@code b} derives from {@code a} (or the other way round) this
     * visits only the parts of the trie that differ, so it costs O(changes × log n); otherwise it compares entry by
     * entry.
     */
    public static <V> void diff(PersistentOrderedMap<? extends V> a, PersistentOrderedMap<? extends V> b,
                                Consumer<String> changed, Consumer<String> removed) {
        if (a == b) {
            return;
        }
        if (a.lineage != b.lineage) {
            b.forEach((key, value) -> {
                if (a.get(key) != value) {
                    changed.accept(key);
                }
            });
            a.keySet().forEach(key -> {
                if (!b.containsKey(key)) {
                    removed.accept(key);
                }
            });
            return;
        }
        int level = Math.max(a.shift, b.shift);
        walk(lift(a.root, a.shift, level), lift(b.root, b.shift, level), level, changed, removed);
    }

    private static Object[] lift(Object[] root, int shift, int level) {
        Object[] node = root;
        for (int s = shift; s < level; s += BITS) {
            Object[] parent = new Object[WIDTH];
            parent[0] = node;
            node = parent;
        }
        return node;
    }

    private static void walk(Object[] a, Object[] b, int level, Consumer<String> changed, Consumer<String> removed) {
        if (a == b) {
            return;
        }
        for (int i = 0; i < WIDTH; i++) {
            Object x = a == null ? null : a[i];
            Object y = b == null ? null : b[i];
            if (x == y) {
                continue;
            }
            if (level > 0) {
                walk((Object[]) x, (Object[]) y, level - BITS, changed, removed);
            } else if (y == null) {
                removed.accept(((Slot<?>) x).key);
            } else if (x == null || ((Slot<?>) x).value != ((Slot<?>) y).value) {
                changed.accept(((Slot<?>) y).key);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Slot<V> slot(int i) {
        Object[] node = root;
        for (int level = shift; level > 0; level -= BITS) {
            node = (Object[]) node[(i >>> level) & MASK];
        }
        return (Slot<V>) node[i & MASK];
    }

    private static Object[] assoc(Object[] node, int level, int i, Object value) {
        Object[] copy = node == null ? new Object[WIDTH] : node.clone();
        int at = (i >>> level) & MASK;
        copy[at] = level == 0 ? value : assoc((Object[]) copy[at], level - BITS, i, value);
        return copy;
    }

    /** One entry; also what the entry set hands out (immutable). */
    private static final class Slot<V> implements Map.Entry<String, V> {
        final String key;
        final V value;

        Slot(String key, V value) {
            this.key = key;
            this.value = value;
        }

        @Override
        public String getKey() {
            return key;
        }

        @Override
        public V getValue() {
            return value;
        }

        @Override
        public V setValue(V ignored) {
            throw new UnsupportedOperationException("immutable");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Map.Entry<?, ?> e && key.equals(e.getKey())
                    && value.equals(e.getValue());
        }

        @Override
        public int hashCode() {
            return key.hashCode() ^ value.hashCode();
        }

        @Override
        public String toString() {
            return key + "=" + value;
        }
    }

    /** A persistent hash array mapped trie from string to slot number. */
    static final class Hamt {

        static final Node EMPTY = new Node(0, new Object[0]);

        /** {@code array} holds pairs: (key, slot) or (null, child node or collision list). */
        record Node(int bitmap, Object[] array) {
        }

        /** Keys whose 32 hash bits are all equal: pairs (key, slot) searched in order. */
        record Collision(Object[] pairs) {
        }

        private Hamt() {
        }

        static Integer find(Node root, String key) {
            int hash = key.hashCode();
            Node node = root;
            for (int shift = 0; ; shift += BITS) {
                int bit = 1 << ((hash >>> shift) & MASK);
                if ((node.bitmap & bit) == 0) {
                    return null;
                }
                int i = 2 * Integer.bitCount(node.bitmap & (bit - 1));
                Object k = node.array[i];
                Object v = node.array[i + 1];
                if (k != null) {
                    return key.equals(k) ? (Integer) v : null;
                }
                if (v instanceof Collision c) {
                    for (int j = 0; j < c.pairs.length; j += 2) {
                        if (key.equals(c.pairs[j])) {
                            return (Integer) c.pairs[j + 1];
                        }
                    }
                    return null;
                }
                node = (Node) v;
            }
        }

        static Node put(Node node, int shift, int hash, String key, int slot) {
            int bit = 1 << ((hash >>> shift) & MASK);
            int i = 2 * Integer.bitCount(node.bitmap & (bit - 1));
            if ((node.bitmap & bit) == 0) {
                Object[] array = new Object[node.array.length + 2];
                System.arraycopy(node.array, 0, array, 0, i);
                array[i] = key;
                array[i + 1] = slot;
                System.arraycopy(node.array, i, array, i + 2, node.array.length - i);
                return new Node(node.bitmap | bit, array);
            }
            Object k = node.array[i];
            Object v = node.array[i + 1];
            Object[] array = node.array.clone();
            if (k == null) {
                array[i + 1] = v instanceof Collision c ? collisionPut(c, key, slot)
                        : put((Node) v, shift + BITS, hash, key, slot);
            } else if (key.equals(k)) {
                array[i + 1] = slot;
            } else {
                array[i] = null;
                array[i + 1] = pair(shift + BITS, (String) k, (Integer) v, hash, key, slot);
            }
            return new Node(node.bitmap, array);
        }

        private static Object pair(int shift, String k1, Integer v1, int h2, String k2, int v2) {
            if (shift >= 32) {
                return new Collision(new Object[] {k1, v1, k2, v2});
            }
            return put(put(EMPTY, shift, k1.hashCode(), k1, v1), shift, h2, k2, v2);
        }

        private static Collision collisionPut(Collision c, String key, int slot) {
            for (int j = 0; j < c.pairs.length; j += 2) {
                if (key.equals(c.pairs[j])) {
                    Object[] pairs = c.pairs.clone();
                    pairs[j + 1] = slot;
                    return new Collision(pairs);
                }
            }
            Object[] pairs = Arrays.copyOf(c.pairs, c.pairs.length + 2);
            pairs[c.pairs.length] = key;
            pairs[c.pairs.length + 1] = slot;
            return new Collision(pairs);
        }

        static Node remove(Node node, int shift, int hash, String key) {
            int bit = 1 << ((hash >>> shift) & MASK);
            if ((node.bitmap & bit) == 0) {
                return node;
            }
            int i = 2 * Integer.bitCount(node.bitmap & (bit - 1));
            Object k = node.array[i];
            Object v = node.array[i + 1];
            if (k != null) {
                return key.equals(k) ? removePair(node, bit, i) : node;
            }
            Object child;
            boolean empty;
            if (v instanceof Collision c) {
                Object[] pairs = new Object[c.pairs.length];
                int n = 0;
                for (int j = 0; j < c.pairs.length; j += 2) {
                    if (!key.equals(c.pairs[j])) {
                        pairs[n++] = c.pairs[j];
                        pairs[n++] = c.pairs[j + 1];
                    }
                }
                if (n == c.pairs.length) {
                    return node;
                }
                child = new Collision(Arrays.copyOf(pairs, n));
                empty = n == 0;
            } else {
                Node sub = remove((Node) v, shift + BITS, hash, key);
                if (sub == v) {
                    return node;
                }
                child = sub;
                empty = sub.bitmap == 0;
            }
            if (empty) {
                return removePair(node, bit, i);
            }
            Object[] array = node.array.clone();
            array[i + 1] = child;
            return new Node(node.bitmap, array);
        }

        private static Node removePair(Node node, int bit, int i) {
            Object[] array = new Object[node.array.length - 2];
            System.arraycopy(node.array, 0, array, 0, i);
            System.arraycopy(node.array, i + 2, array, i, node.array.length - i - 2);
            return new Node(node.bitmap & ~bit, array);
        }
    }
}
