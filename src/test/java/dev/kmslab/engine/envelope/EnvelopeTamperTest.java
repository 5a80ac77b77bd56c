package dev.kmslab.engine.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.error.InvalidCiphertextException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Every way of damaging a message ends in InvalidCiphertextException. Frames of 16 bytes, 50 bytes: 16+16+16+2. */
class EnvelopeTamperTest {

    private static final int FRAME = 16;
    private static final int FRAME_BYTES = FrameStream.FRAME_HEADER_BYTES + FRAME + FrameCipher.TAG_BYTES;
    private final EnvelopeEncryptor encryptor = new EnvelopeEncryptor(new FakeDataKeyProvider());
    private final byte[] plaintext = Envelopes.randomBytes(50, 3);
    private final byte[] message = Envelopes.encrypt(encryptor, plaintext, FRAME);

    @Test
    void everySingleBitFlip_isInvalidCiphertext() {
        for (int i = 0; i < message.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] tampered = message.clone();
                tampered[i] ^= (byte) (1 << bit);
                assertThatThrownBy(() -> Envelopes.decrypt(encryptor, tampered)).as("byte %d bit %d", i, bit)
                        .isInstanceOf(InvalidCiphertextException.class);
            }
        }
    }

    @Test
    void everyTruncation_isInvalidCiphertext() {
        for (int length = 0; length < message.length; length++) {
            byte[] cut = Arrays.copyOf(message, length);
            assertThatThrownBy(() -> Envelopes.decrypt(encryptor, cut)).as("length %d", length)
                    .isInstanceOf(InvalidCiphertextException.class);
        }
    }

    @Test
    void cutAtFrameBoundary_endsWithoutFinalFrame() {
        byte[] cut = Arrays.copyOf(message, Envelopes.frameOffset(message, FRAME, 3));

        assertInvalid(cut, "The envelope ends without its final frame");
    }

    @Test
    void cutMidFrame_isTruncated() {
        byte[] cut = Arrays.copyOf(message, Envelopes.frameOffset(message, FRAME, 2) + 12);

        assertInvalid(cut, "The envelope is truncated inside frame 2");
    }

    @Test
    void headerFlip_failsAuthentication() {
        byte[] tampered = message.clone();
        tampered[10] ^= 1; // inside the message id

        assertInvalid(tampered, "The envelope's key commitment does not match its data key");
    }

    @Test
    void keyArnChange_failsHeaderAuthentication() {
        int at = indexOf(message, FakeDataKeyProvider.ARN_PREFIX.getBytes(StandardCharsets.UTF_8));
        byte[] tampered = message.clone();
        tampered[at + 8] ^= 1;

        assertInvalid(tampered, "The envelope header failed authentication");
    }

    @Test
    void contextChange_isRejectedByTheProvider() {
        int at = indexOf(message, "finance".getBytes(StandardCharsets.UTF_8));
        byte[] tampered = message.clone();
        tampered[at] = 'F';

        assertInvalid(tampered, "The ciphertext is invalid or the encryption context does not match");
    }

    @Test
    void swappedFrames_areOutOfSequence() {
        assertInvalid(swapFrames(message, 1, 2, false), "Frame 1 of the envelope is out of sequence");
    }

    @Test
    void swappedFramesWithRenumberedHeaders_failAuthentication() {
        assertInvalid(swapFrames(message, 1, 2, true), "Frame 1 of the envelope failed authentication");
    }

    @Test
    void droppedFrame_isDetected() {
        int second = Envelopes.frameOffset(message, FRAME, 2);
        byte[] dropped = concat(Arrays.copyOf(message, second),
                Arrays.copyOfRange(message, second + FRAME_BYTES, message.length));

        assertInvalid(dropped, "Frame 2 of the envelope is out of sequence");
    }

    @Test
    void regularFrameRelabelledFinal_failsAuthentication() {
        int third = Envelopes.frameOffset(message, FRAME, 3);
        byte[] cut = Arrays.copyOf(message, third);
        cut[Envelopes.frameOffset(message, FRAME, 2)] = 1;

        assertInvalid(cut, "Frame 2 of the envelope failed authentication");
    }

    @Test
    void appendedByte_isTrailingData() {
        assertInvalid(concat(message, new byte[] {0}), "The envelope has unexpected data after its final frame");
    }

    @Test
    void appendedFrame_isTrailingData() {
        int first = Envelopes.frameOffset(message, FRAME, 1);
        assertInvalid(concat(message, Arrays.copyOfRange(message, first, first + FRAME_BYTES)),
                "The envelope has unexpected data after its final frame");
    }

    @Test
    void messageFromAnotherProvider_isInvalid() {
        EnvelopeEncryptor stranger = new EnvelopeEncryptor(new FakeDataKeyProvider());

        assertThatThrownBy(() -> Envelopes.decrypt(stranger, message)).isInstanceOf(InvalidCiphertextException.class);
    }

    @Test
    void notAnEnvelope_isInvalid() {
        assertInvalid("hello world".getBytes(StandardCharsets.UTF_8),
                "The input is not a KMS Lab envelope (wrong magic bytes)");
        assertInvalid(new byte[0], "The envelope is truncated inside its header");
    }

    @Test
    void tamperedFrame_writesOnlyTheFramesBeforeIt() {
        byte[] tampered = message.clone();
        tampered[Envelopes.frameOffset(message, FRAME, 2) + FrameStream.FRAME_HEADER_BYTES] ^= 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> encryptor.decrypt(new ByteArrayInputStream(tampered), out,
                EnvelopeOptions.defaults())).hasMessage("Frame 2 of the envelope failed authentication");
        assertThat(out.toByteArray()).isEqualTo(Arrays.copyOf(plaintext, FRAME));
    }

    private void assertInvalid(byte[] tampered, String message) {
        assertThatThrownBy(() -> Envelopes.decrypt(encryptor, tampered))
                .isInstanceOf(InvalidCiphertextException.class)
                .hasMessage(message);
    }

    private static byte[] swapFrames(byte[] message, int a, int b, boolean renumber) {
        byte[] swapped = message.clone();
        int offsetA = Envelopes.frameOffset(message, FRAME, a);
        int offsetB = Envelopes.frameOffset(message, FRAME, b);
        System.arraycopy(message, offsetA, swapped, offsetB, FRAME_BYTES);
        System.arraycopy(message, offsetB, swapped, offsetA, FRAME_BYTES);
        if (renumber) {
            ByteBuffer.wrap(swapped).putInt(offsetA + 1, a).putInt(offsetB + 1, b);
        }
        return swapped;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
