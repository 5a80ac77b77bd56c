package dev.kmslab.engine.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Arrays;

/**
 * Canonical, unambiguous byte encoding of an encryption context inside ciphertext blobs: the additional
 * authenticated data of {@link CiphertextBlob}. Not the envelope header's encoding
 * ({@code envelope.EnvelopeHeaderContextCodec}: 2-byte lengths, keys in unsigned byte order); both formats are stored,
 * so neither may change.
 *
 * <pre>
 *   u32 pairCount
 *   pairCount times, sorted by key (String natural order, so the same map always gives the same bytes):
 *     u32 keyLength   key bytes (UTF-8)
 *     u32 valueLength value bytes (UTF-8)
 * </pre>
 * All integers are big-endian. Because every string carries its length, {"ab":"c"} and {"a":"bc"} encode differently,
 * which plain concatenation would not guarantee. An empty or absent context encodes as four zero bytes.
 */
public final class BlobAadContextCodec {

    private BlobAadContextCodec() {
    }

    public static byte[] encode(Map<String, String> context) {
        return encode(null, 0, context);
    }

    /**
     * The first {@code prefixLength} bytes of {@code prefix} followed by {@link #encode(Map) the encoding} of
     * {@code context}, in one array: a blob's whole AAD (header then context) handed to GCM in one piece, which
     * spares the cipher growing and copying its AAD buffer on every call.
     */
    static byte[] encode(byte[] prefix, int prefixLength, Map<String, String> context) {
        if (context == null || context.isEmpty()) {
            return withPrefix(prefix, prefixLength, NO_STRINGS, NO_STRINGS);
        }
        String[][] sorted = sorted(context);
        return withPrefix(prefix, prefixLength, sorted[0], sorted[1]);
    }

    /**
     * As {@link #encode(byte[], int, Map)}, but the returned array may be one this thread returned before, so the
     * caller must only read it. Every Encrypt and Decrypt builds its blob's AAD, and a thread usually builds the same
     * one again and again (the same key and the same context): the last one is kept with the exact header bytes and
     * context pairs it was built from, and given back only when both are equal, byte for byte and string for string.
     */
    static byte[] aad(byte[] prefix, int prefixLength, Map<String, String> context) {
        Remembered last = LAST.get();
        byte[] aad = last.aad;
        if (aad != null && last.prefixLength == prefixLength
                && Arrays.equals(aad, 0, prefixLength, prefix, 0, prefixLength) && last.sameContext(context)) {
            return aad;
        }
        String[][] sorted = context == null || context.isEmpty() ? new String[][] {NO_STRINGS, NO_STRINGS}
                : sorted(context);
        aad = withPrefix(prefix, prefixLength, sorted[0], sorted[1]);
        if (sorted[0].length <= REMEMBERED_PAIRS) {
            last.aad = null; // never a half-updated entry, even if one of the lines below failed
            last.prefixLength = prefixLength;
            last.keys = sorted[0];
            last.values = sorted[1];
            last.aad = aad;
        }
        return aad;
    }

    private static final String[] NO_STRINGS = new String[0];
    /** Contexts of more pairs are not remembered: comparing them costs about what encoding them does. */
    private static final int REMEMBERED_PAIRS = 8;
    private static final ThreadLocal<Remembered> LAST = ThreadLocal.withInitial(Remembered::new);

    /** The last AAD built by {@link #aad} on one thread, and the header length and sorted pairs it encodes. */
    private static final class Remembered {
        byte[] aad;
        int prefixLength;
        String[] keys;
        String[] values;

        /** Whether {@code context} holds exactly the remembered pairs (no more, no fewer, none null). */
        boolean sameContext(Map<String, String> context) {
            int size = context == null ? 0 : context.size();
            if (size != keys.length) {
                return false;
            }
            if (size == 0) {
                return true;
            }
            for (Map.Entry<String, String> pair : context.entrySet()) {
                String key = pair.getKey();
                String value = pair.getValue();
                if (key == null || value == null) {
                    return false;
                }
                int at = 0;
                while (at < keys.length && !key.equals(keys[at])) {
                    at++;
                }
                if (at == keys.length || !value.equals(values[at])) {
                    return false;
                }
            }
            // as many distinct keys as remembered, each found with its value: the same pairs
            return true;
        }
    }

    /** The keys sorted (String natural order) and their values in the same order, as {keys, values}. */
    private static String[][] sorted(Map<String, String> context) {
        String[] keys;
        String[] values;
        int size = context.size();
        if (size <= 8) {
            // the usual small context: read the pairs once and insertion-sort them together
            keys = new String[size];
            values = new String[size];
            int n = 0;
            for (Map.Entry<String, String> pair : context.entrySet()) {
                String key = pair.getKey();
                int at = n++;
                while (at > 0 && keys[at - 1].compareTo(key) > 0) {
                    keys[at] = keys[at - 1];
                    values[at] = values[at - 1];
                    at--;
                }
                keys[at] = key;
                values[at] = pair.getValue();
            }
        } else {
            keys = context.keySet().toArray(new String[0]);
            Arrays.sort(keys);
            values = new String[keys.length];
            for (int i = 0; i < keys.length; i++) {
                values[i] = context.get(keys[i]);
            }
        }
        return new String[][] {keys, values};
    }

    /** The prefix then the encoding of the sorted pairs. */
    private static byte[] withPrefix(byte[] prefix, int prefixLength, String[] keys, String[] values) {
        // Every Encrypt and Decrypt encodes its context, so this writes straight into the result: ASCII strings (the
        // usual case) char by char, others through String.getBytes, which gives exactly the bytes it always gave.
        byte[][] encoded = null;
        int total = 4;
        for (int i = 0; i < keys.length; i++) {
            for (int half = 0; half < 2; half++) {
                String text = half == 0 ? keys[i] : values[i];
                int length = asciiLength(text);
                if (length < 0) {
                    if (encoded == null) {
                        encoded = new byte[keys.length * 2][];
                    }
                    encoded[2 * i + half] = text.getBytes(StandardCharsets.UTF_8);
                    length = encoded[2 * i + half].length;
                }
                total += 4 + length;
            }
        }
        byte[] out = new byte[prefixLength + total]; // big-endian integers, written by hand
        if (prefixLength > 0) {
            System.arraycopy(prefix, 0, out, 0, prefixLength);
        }
        int at = putInt(out, prefixLength, keys.length);
        for (int i = 0; i < keys.length; i++) {
            for (int half = 0; half < 2; half++) {
                String text = half == 0 ? keys[i] : values[i];
                byte[] bytes = encoded == null ? null : encoded[2 * i + half];
                if (bytes != null) {
                    at = putInt(out, at, bytes.length);
                    System.arraycopy(bytes, 0, out, at, bytes.length);
                    at += bytes.length;
                } else {
                    at = putInt(out, at, text.length());
                    for (int c = 0; c < text.length(); c++) {
                        out[at++] = (byte) text.charAt(c);
                    }
                }
            }
        }
        return out;
    }

    /** The string's length when every char is ASCII (so one UTF-8 byte each), else -1. */
    private static int asciiLength(String text) {
        for (int c = 0; c < text.length(); c++) {
            if (text.charAt(c) >= 0x80) {
                return -1;
            }
        }
        return text.length();
    }

    private static int putInt(byte[] out, int at, int value) {
        out[at] = (byte) (value >>> 24);
        out[at + 1] = (byte) (value >>> 16);
        out[at + 2] = (byte) (value >>> 8);
        out[at + 3] = (byte) value;
        return at + 4;
    }
}
