package dev.kmslab.engine.envelope;

import dev.kmslab.engine.error.InvalidCiphertextException;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * The message header (byte layout on {@link EnvelopeEncryptor}), everything before the header tag. {@link #read}
 * returns the exact bytes it consumed so the tag is checked over what was on the wire, not over a re-encoding.
 */
record EnvelopeHeader(byte[] messageId, int frameSize, Map<String, String> context, String keyArn,
        byte[] encryptedDataKey, byte[] commitment) {

    static final byte[] MAGIC = {'K', 'L', 'E', 'V'};
    static final int VERSION = 1;
    static final int SUITE_AES256_GCM_HKDF_COMMIT = 1;
    static final int MESSAGE_ID_BYTES = 32;
    static final int TAG_BYTES = 16;

    /** A header as read, with the bytes it was read from (the header tag's additional data). */
    record Parsed(EnvelopeHeader header, byte[] bytes) {
    }

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeByte(VERSION);
            out.writeByte(SUITE_AES256_GCM_HKDF_COMMIT);
            out.write(messageId);
            out.writeInt(frameSize);
            out.write(EnvelopeHeaderContextCodec.encode(context));
            EnvelopeHeaderContextCodec.writeField(out, keyArn.getBytes(StandardCharsets.UTF_8));
            EnvelopeHeaderContextCodec.writeField(out, encryptedDataKey);
            out.write(commitment);
        } catch (IOException e) {
            throw new IllegalStateException("in-memory stream failed", e);
        }
        return bytes.toByteArray();
    }

    static Parsed read(InputStream source) throws IOException {
        Recording recording = new Recording(source);
        DataInputStream in = new DataInputStream(recording);
        try {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (magic.length < MAGIC.length) {
                throw new EOFException();
            }
            if (!Arrays.equals(magic, MAGIC)) {
                throw new InvalidCiphertextException("The input is not a KMS Lab envelope (wrong magic bytes)");
            }
            int version = in.readUnsignedByte();
            int suite = in.readUnsignedByte();
            if (version != VERSION || suite != SUITE_AES256_GCM_HKDF_COMMIT) {
                throw new InvalidCiphertextException("Unsupported envelope version " + version + " or suite " + suite);
            }
            byte[] messageId = new byte[MESSAGE_ID_BYTES];
            in.readFully(messageId);
            int frameSize = in.readInt();
            if (frameSize < 1 || frameSize > EnvelopeOptions.MAX_FRAME_SIZE) {
                throw new InvalidCiphertextException("The envelope's frame size is out of range");
            }
            Map<String, String> context = EnvelopeHeaderContextCodec.decode(in);
            String keyArn = EnvelopeHeaderContextCodec.strictUtf8(EnvelopeHeaderContextCodec.readField(in));
            byte[] encryptedDataKey = EnvelopeHeaderContextCodec.readField(in);
            byte[] commitment = new byte[EnvelopeKeys.KEY_BYTES];
            in.readFully(commitment);
            if (encryptedDataKey.length == 0 || keyArn.isEmpty()) {
                throw new InvalidCiphertextException("The envelope header has no encrypted data key or key ARN");
            }
            EnvelopeHeader header = new EnvelopeHeader(messageId, frameSize, context, keyArn, encryptedDataKey,
                    commitment);
            return new Parsed(header, recording.recorded());
        } catch (EOFException e) {
            throw new InvalidCiphertextException("The envelope is truncated inside its header");
        }
    }

    @Override
    public String toString() {
        return "EnvelopeHeader[frameSize=" + frameSize + ", context=" + context + ", keyArn=" + keyArn + "]";
    }

    /** Copies every byte read through it; used only for the header, which is small. */
    private static final class Recording extends FilterInputStream {
        private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

        Recording(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                copy.write(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                copy.write(buffer, offset, n);
            }
            return n;
        }

        byte[] recorded() {
            return copy.toByteArray();
        }
    }
}
