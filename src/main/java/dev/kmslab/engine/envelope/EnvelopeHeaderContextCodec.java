package dev.kmslab.engine.envelope;

import dev.kmslab.engine.error.InvalidCiphertextException;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical byte form of an encryption context in an envelope header (not the ciphertext blob's AAD encoding,
 * {@code crypto.BlobAadContextCodec}, which uses 4-byte lengths and String order): a 2-byte pair count, then per pair a 2-byte length and the
 * UTF-8 key, a 2-byte length and the UTF-8 value, with pairs sorted by the unsigned bytes of their keys. Lengths make
 * it unambiguous ({"ab":"c"} and {"a":"bc"} differ); sorting makes it independent of map order. Decoding accepts only
 * this form, so two different byte strings never stand for the same context.
 */
final class EnvelopeHeaderContextCodec {

    static final int MAX_FIELD_BYTES = 0xFFFF;

    private EnvelopeHeaderContextCodec() {
    }

    static byte[] encode(Map<String, String> context) {
        List<byte[][]> pairs = new ArrayList<>();
        for (Map.Entry<String, String> entry : context.entrySet()) {
            if (entry.getKey() == null || entry.getValue() == null) {
                throw new IllegalArgumentException("encryption context keys and values must not be null");
            }
            pairs.add(new byte[][] {utf8(entry.getKey()), utf8(entry.getValue())});
        }
        if (pairs.size() > MAX_FIELD_BYTES) {
            throw new IllegalArgumentException("encryption context has too many pairs");
        }
        pairs.sort((a, b) -> Arrays.compareUnsigned(a[0], b[0]));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeShort(pairs.size());
            for (byte[][] pair : pairs) {
                writeField(out, pair[0]);
                writeField(out, pair[1]);
            }
        } catch (IOException e) {
            throw new IllegalStateException("in-memory stream failed", e);
        }
        return bytes.toByteArray();
    }

    /** Reads a context written by {@link #encode}; anything non-canonical is an invalid ciphertext. */
    static Map<String, String> decode(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        Map<String, String> context = new LinkedHashMap<>();
        byte[] previous = null;
        for (int i = 0; i < count; i++) {
            byte[] key = readField(in);
            byte[] value = readField(in);
            if (previous != null && Arrays.compareUnsigned(previous, key) >= 0) {
                throw new InvalidCiphertextException("The envelope's encryption context is not in canonical order");
            }
            previous = key;
            context.put(strictUtf8(key), strictUtf8(value));
        }
        return Collections.unmodifiableMap(new TreeMap<>(context));
    }

    static void writeField(DataOutputStream out, byte[] value) throws IOException {
        if (value.length > MAX_FIELD_BYTES) {
            throw new IllegalArgumentException("field longer than " + MAX_FIELD_BYTES + " bytes");
        }
        out.writeShort(value.length);
        out.write(value);
    }

    static byte[] readField(DataInputStream in) throws IOException {
        byte[] value = new byte[in.readUnsignedShort()];
        in.readFully(value);
        return value;
    }

    static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidCiphertextException("The envelope header contains text that is not valid UTF-8");
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
