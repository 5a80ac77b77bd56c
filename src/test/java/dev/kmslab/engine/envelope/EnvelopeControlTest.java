package dev.kmslab.engine.envelope;

import static dev.kmslab.engine.envelope.Envelopes.CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.error.InvalidCiphertextException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Progress, cancellation and key hygiene. */
class EnvelopeControlTest {

    private static final int FRAME = 100;
    private final FakeDataKeyProvider provider = new FakeDataKeyProvider();
    private final EnvelopeEncryptor encryptor = new EnvelopeEncryptor(provider);
    private final byte[] plaintext = Envelopes.randomBytes(1050, 5);

    @Test
    void progress_reportsEveryFrameAndReachesTotal() throws Exception {
        List<long[]> calls = new ArrayList<>();
        EnvelopeOptions options = EnvelopeOptions.defaults().withFrameSize(FRAME).withTotalBytes(plaintext.length)
                .withProgress((done, total) -> calls.add(new long[] {done, total}));

        encryptor.encrypt(new ByteArrayInputStream(plaintext), new ByteArrayOutputStream(), "k", CONTEXT, options);

        assertThat(calls).hasSize(11);
        assertThat(calls.get(0)).containsExactly(100, 1050);
        assertThat(calls.get(10)).containsExactly(1050, 1050);
    }

    @Test
    void decryptProgress_reachesPlaintextSize() throws Exception {
        byte[] sealed = Envelopes.encrypt(encryptor, plaintext, FRAME);
        List<Long> done = new ArrayList<>();

        encryptor.decrypt(new ByteArrayInputStream(sealed), new ByteArrayOutputStream(),
                EnvelopeOptions.defaults().withProgress((processed, total) -> done.add(processed)));

        assertThat(done).hasSize(11).last().isEqualTo(1050L);
    }

    @Test
    void cancelMidway_stopsBeforeTheNextFrame() {
        AtomicInteger frames = new AtomicInteger();
        EnvelopeOptions options = EnvelopeOptions.defaults().withFrameSize(FRAME)
                .withProgress((done, total) -> frames.incrementAndGet())
                .withCancellation(() -> frames.get() >= 3);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> encryptor.encrypt(new ByteArrayInputStream(plaintext), out, "k", CONTEXT, options))
                .isInstanceOf(CancellationException.class)
                .hasMessage("Cancelled after 300 bytes; the output written so far is incomplete and must be discarded");
        assertThat(frames).hasValue(3);
        assertThat(provider.handedOut()).allSatisfy(key -> assertThat(key).containsOnly(0));
    }

    @Test
    void cancelledDecrypt_stopsToo() {
        byte[] sealed = Envelopes.encrypt(encryptor, plaintext, FRAME);
        EnvelopeOptions options = EnvelopeOptions.defaults().withCancellation(() -> true);

        assertThatThrownBy(() -> encryptor.decrypt(new ByteArrayInputStream(sealed), new ByteArrayOutputStream(),
                options)).isInstanceOf(CancellationException.class);
    }

    @Test
    void dataKeys_areZeroedAfterEncryptAndDecrypt() {
        byte[] sealed = Envelopes.encrypt(encryptor, plaintext, FRAME);
        Envelopes.decrypt(encryptor, sealed);

        assertThat(provider.handedOut()).hasSize(2).allSatisfy(key -> assertThat(key).containsOnly(0));
    }

    @Test
    void dataKey_isZeroedWhenOutputFails() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }
        };

        assertThatThrownBy(() -> encryptor.encrypt(new ByteArrayInputStream(plaintext), broken, "k", CONTEXT,
                EnvelopeOptions.defaults())).hasMessage("disk full");
        assertThat(provider.handedOut()).hasSize(1).allSatisfy(key -> assertThat(key).containsOnly(0));
    }

    @Test
    void dataKey_isZeroedWhenCommitmentFails() {
        byte[] sealed = Envelopes.encrypt(encryptor, plaintext, FRAME);
        sealed[10] ^= 1; // message id: the commitment no longer matches

        assertThatThrownBy(() -> Envelopes.decrypt(encryptor, sealed)).isInstanceOf(InvalidCiphertextException.class);
        assertThat(provider.handedOut()).hasSize(2).allSatisfy(key -> assertThat(key).containsOnly(0));
    }

    @Test
    void non256BitDataKey_isRefused() {
        EnvelopeEncryptor weak = new EnvelopeEncryptor(new FakeDataKeyProvider().withKeyBytes(16));

        assertThatThrownBy(() -> Envelopes.encrypt(weak, plaintext, FRAME)).isInstanceOf(IllegalStateException.class)
                .hasMessage("The data key provider returned a 128-bit key; envelope encryption needs AES_256");
    }

    @Test
    void frameSizeOutOfRange_isRejected() {
        assertThatThrownBy(() -> EnvelopeOptions.defaults().withFrameSize(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EnvelopeOptions.defaults().withFrameSize(EnvelopeOptions.MAX_FRAME_SIZE + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
