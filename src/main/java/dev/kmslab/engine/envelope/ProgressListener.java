package dev.kmslab.engine.envelope;

/** Told after every frame how far a stream has got, e.g. to drive a progress bar. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (processed, total) -> { };

    /**
     * @param processed plaintext bytes encrypted or decrypted so far
     * @param total     the expected total given in {@link EnvelopeOptions#totalBytes()}, or -1 if unknown
     */
    void onProgress(long processed, long total);
}
