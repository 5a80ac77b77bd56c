package dev.kmslab.engine.envelope;

import java.util.function.BooleanSupplier;

/**
 * How to run one envelope encryption or decryption.
 *
 * @param frameSize  plaintext bytes per frame when encrypting (decryption uses the size in the header)
 * @param totalBytes expected plaintext size passed to the progress listener, or -1 if unknown
 * @param progress   called after every frame
 * @param cancelled  polled before every frame; when it returns true the operation stops with a
 *                   {@link java.util.concurrent.CancellationException}
 */
public record EnvelopeOptions(int frameSize, long totalBytes, ProgressListener progress, BooleanSupplier cancelled) {

    public static final int DEFAULT_FRAME_SIZE = 64 * 1024;
    /** Bounds what a header can make the decryptor allocate. */
    public static final int MAX_FRAME_SIZE = 16 * 1024 * 1024;

    public EnvelopeOptions {
        if (frameSize < 1 || frameSize > MAX_FRAME_SIZE) {
            throw new IllegalArgumentException("frame size must be 1 to " + MAX_FRAME_SIZE + " bytes");
        }
        if (totalBytes < -1) {
            throw new IllegalArgumentException("total bytes must be -1 (unknown) or a size");
        }
        if (progress == null || cancelled == null) {
            throw new IllegalArgumentException("progress and cancelled must not be null");
        }
    }

    public static EnvelopeOptions defaults() {
        return new EnvelopeOptions(DEFAULT_FRAME_SIZE, -1, ProgressListener.NONE, () -> false);
    }

    public EnvelopeOptions withFrameSize(int size) {
        return new EnvelopeOptions(size, totalBytes, progress, cancelled);
    }

    public EnvelopeOptions withTotalBytes(long total) {
        return new EnvelopeOptions(frameSize, total, progress, cancelled);
    }

    public EnvelopeOptions withProgress(ProgressListener listener) {
        return new EnvelopeOptions(frameSize, totalBytes, listener, cancelled);
    }

    public EnvelopeOptions withCancellation(BooleanSupplier isCancelled) {
        return new EnvelopeOptions(frameSize, totalBytes, progress, isCancelled);
    }
}
