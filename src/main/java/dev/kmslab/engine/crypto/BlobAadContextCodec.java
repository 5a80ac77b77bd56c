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

    private static final byte[] EMPTY = new byte[4];

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
            byte[] out = new byte[prefixLength + EMPTY.length];
            if (prefixLength > 0) {
                System.arraycopy(prefix, 0, out, 0, prefixLength);
            }
            return out;
        }
        // Every Encrypt and Decrypt encodes its context, so this writes straight into the result: ASCII strings (the
        // usual case) char by char, others through String.getBytes, which gives exactly the bytes it always gave.
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
