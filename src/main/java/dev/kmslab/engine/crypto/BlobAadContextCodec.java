package dev.kmslab.engine.crypto;

import java.nio.ByteBuffer;
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
        if (context == null || context.isEmpty()) {
            return EMPTY.clone();
        }
        String[] keys = context.keySet().toArray(new String[0]);
        Arrays.sort(keys);
        byte[][] parts = new byte[keys.length * 2][];
        int total = 4;
        for (int i = 0; i < keys.length; i++) {
            parts[2 * i] = keys[i].getBytes(StandardCharsets.UTF_8);
            parts[2 * i + 1] = context.get(keys[i]).getBytes(StandardCharsets.UTF_8);
            total += 8 + parts[2 * i].length + parts[2 * i + 1].length;
        }
        ByteBuffer out = ByteBuffer.allocate(total); // big-endian by default
        out.putInt(keys.length);
        for (byte[] part : parts) {
            out.putInt(part.length).put(part);
        }
        return out.array();
    }
}
