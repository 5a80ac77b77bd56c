package dev.kmslab.engine.envelope;

import dev.kmslab.engine.error.InvalidCiphertextException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import javax.crypto.AEADBadTagException;

/**
 * The body of a message: frames written and read one at a time through fixed buffers, so memory use depends on the
 * frame size and never on the length of the stream. Wire form of a frame: type (1: 0 regular, 1 final) | sequence
 * number (4) | plaintext length (4) | ciphertext (length) | tag (16).
 */
final class FrameStream {

    static final int FRAME_HEADER_BYTES = 9;
    static final long MAX_FRAMES = 0xFFFF_FFFFL;
    private static final int REGULAR = 0;
    private static final int FINAL = 1;

    private final FrameCipher cipher;
    private final int frameSize;
    private final EnvelopeOptions options;
    private final byte[] frameHeader = new byte[FRAME_HEADER_BYTES];
    private final byte[] plain;
    private final byte[] sealed;
    private long processed;
    private long frames;

    FrameStream(FrameCipher cipher, int frameSize, EnvelopeOptions options) {
        this.cipher = cipher;
        this.frameSize = frameSize;
        this.options = options;
        this.plain = new byte[frameSize];
        this.sealed = new byte[frameSize + FrameCipher.TAG_BYTES];
    }

    long processed() {
        return processed;
    }

    long frames() {
        return frames;
    }

    /** Regular frames while the input fills them; then one final frame with the rest (possibly empty). */
    void encrypt(InputStream in, OutputStream out) throws IOException {
        try {
            boolean last = false;
            for (long sequence = 1; !last; sequence++) {
                checkCancelled();
                if (sequence > MAX_FRAMES) {
                    throw new IllegalArgumentException("The stream needs more than " + MAX_FRAMES
                            + " frames; use a larger frame size");
                }
                int length = in.readNBytes(plain, 0, frameSize);
                last = length < frameSize;
                writeFrameHeader(last, sequence, length);
                int written = cipher.seal(sequence, last, plain, length, sealed);
                out.write(frameHeader);
                out.write(sealed, 0, written);
                advance(length);
            }
            out.flush();
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** Verifies and writes frame after frame; the plaintext of a frame is written only once its tag verifies. */
    void decrypt(InputStream in, OutputStream out) throws IOException {
        try {
            boolean last = false;
            for (long sequence = 1; !last; sequence++) {
                checkCancelled();
                last = readFrameHeader(in, sequence);
                int length = readInt(frameHeader, 5);
                if (in.readNBytes(sealed, 0, length + FrameCipher.TAG_BYTES) < length + FrameCipher.TAG_BYTES) {
                    throw new InvalidCiphertextException("The envelope is truncated inside frame " + sequence);
                }
                try {
                    cipher.open(sequence, last, sealed, length, plain);
                } catch (AEADBadTagException e) {
                    throw new InvalidCiphertextException(
                            "Frame " + sequence + " of the envelope failed authentication");
                }
                out.write(plain, 0, length);
                advance(length);
            }
            if (in.read() != -1) {
                throw new InvalidCiphertextException("The envelope has unexpected data after its final frame");
            }
            out.flush();
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** Reads and checks a frame header; returns whether it is the final frame. */
    private boolean readFrameHeader(InputStream in, long sequence) throws IOException {
        int read = in.readNBytes(frameHeader, 0, FRAME_HEADER_BYTES);
        if (read == 0) {
            throw new InvalidCiphertextException("The envelope ends without its final frame");
        }
        if (read < FRAME_HEADER_BYTES) {
            throw new InvalidCiphertextException("The envelope is truncated inside frame " + sequence);
        }
        int type = frameHeader[0] & 0xFF;
        if (type != REGULAR && type != FINAL) {
            throw new InvalidCiphertextException("Frame " + sequence + " of the envelope has an unknown type");
        }
        if ((readInt(frameHeader, 1) & 0xFFFF_FFFFL) != sequence) {
            throw new InvalidCiphertextException("Frame " + sequence + " of the envelope is out of sequence");
        }
        int length = readInt(frameHeader, 5);
        boolean last = type == FINAL;
        if (length < 0 || length > frameSize || (!last && length != frameSize)) {
            throw new InvalidCiphertextException("Frame " + sequence + " of the envelope has an invalid length");
        }
        return last;
    }

    private void writeFrameHeader(boolean last, long sequence, int length) {
        frameHeader[0] = (byte) (last ? FINAL : REGULAR);
        FrameCipher.putInt(frameHeader, 1, (int) sequence);
        FrameCipher.putInt(frameHeader, 5, length);
    }

    private void advance(int length) {
        processed += length;
        frames++;
        options.progress().onProgress(processed, options.totalBytes());
    }

    private void checkCancelled() {
        if (options.cancelled().getAsBoolean()) {
            throw new CancellationException("Cancelled after " + processed + " bytes; the output written so far is "
                    + "incomplete and must be discarded");
        }
    }

    private static int readInt(byte[] source, int at) {
        return (source[at] & 0xFF) << 24 | (source[at + 1] & 0xFF) << 16 | (source[at + 2] & 0xFF) << 8
                | (source[at + 3] & 0xFF);
    }
}
