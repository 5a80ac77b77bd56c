package dev.kmslab.engine.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Canonical, unambiguous byte encoding of an encryption context, used as additional authenticated data.
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
public final class EncryptionContextCodec {

    private static final byte[] EMPTY = new byte[4];

    private EncryptionContextCodec() {
    }

    public static byte[] encode(Map<String, String> context) {
        if (context == null || context.isEmpty()) {
            return EMPTY.clone();
        }
        Map<String, String> sorted = context instanceof TreeMap ? context : new TreeMap<>(context);
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 + context.size() * 32);
        writeInt(out, sorted.size());
        for (Map.Entry<String, String> pair : sorted.entrySet()) {
            writeString(out, pair.getKey());
            writeString(out, pair.getValue());
        }
        return out.toByteArray();
    }

    private static void writeString(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        writeInt(out, bytes.length);
        out.write(bytes, 0, bytes.length);
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }
}
