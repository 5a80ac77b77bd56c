package dev.kmslab.engine.envelope;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Random;

/** Byte-array helpers over the streaming API for tests. */
final class Envelopes {

    static final Map<String, String> CONTEXT = Map.of("purpose", "test", "department", "finance");

    private Envelopes() {
    }

    static byte[] encrypt(EnvelopeEncryptor encryptor, byte[] plaintext, int frameSize) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            encryptor.encrypt(new ByteArrayInputStream(plaintext), out, "key-1", CONTEXT,
                    EnvelopeOptions.defaults().withFrameSize(frameSize));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] decrypt(EnvelopeEncryptor encryptor, byte[] message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            encryptor.decrypt(new ByteArrayInputStream(message), out, EnvelopeOptions.defaults());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** Bytes of header plus header tag at the start of {@code message}. */
    static int headerLength(byte[] message) {
        try {
            return EnvelopeHeader.read(new ByteArrayInputStream(message)).bytes().length + EnvelopeHeader.TAG_BYTES;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Offset of frame {@code n} (from 1) in a message whose regular frames hold {@code frameSize} bytes. */
    static int frameOffset(byte[] message, int frameSize, int n) {
        return headerLength(message) + (n - 1) * (FrameStream.FRAME_HEADER_BYTES + frameSize + FrameCipher.TAG_BYTES);
    }
}
