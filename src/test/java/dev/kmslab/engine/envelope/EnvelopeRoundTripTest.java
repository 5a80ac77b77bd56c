package dev.kmslab.engine.envelope;

import static dev.kmslab.engine.envelope.Envelopes.CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvelopeRoundTripTest {

    private static final int FRAME = 64;
    private final FakeDataKeyProvider provider = new FakeDataKeyProvider();
    private final EnvelopeEncryptor encryptor = new EnvelopeEncryptor(provider);

    @ParameterizedTest
    @ValueSource(ints = {0, 1, FRAME - 1, FRAME, FRAME + 1, 2 * FRAME, 5 * FRAME + 7})
    void sizesAroundFrameBoundaries_roundTrip(int size) throws Exception {
        byte[] plaintext = Envelopes.randomBytes(size, size);
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();

        EnvelopeResult encrypted = encryptor.encrypt(new ByteArrayInputStream(plaintext), sealed, "key-1", CONTEXT,
                EnvelopeOptions.defaults().withFrameSize(FRAME));
        ByteArrayOutputStream opened = new ByteArrayOutputStream();
        EnvelopeResult decrypted = encryptor.decrypt(new ByteArrayInputStream(sealed.toByteArray()), opened,
                EnvelopeOptions.defaults());

        long frames = size / FRAME + 1; // full frames, then a final frame holding the rest (maybe empty)
        assertThat(opened.toByteArray()).isEqualTo(plaintext);
        assertThat(encrypted).isEqualTo(new EnvelopeResult(FakeDataKeyProvider.ARN_PREFIX + "key-1", CONTEXT, size,
                frames));
        assertThat(decrypted).isEqualTo(encrypted);
        assertThat(sealed.size()).isEqualTo(Envelopes.headerLength(sealed.toByteArray())
                + frames * (FrameStream.FRAME_HEADER_BYTES + FrameCipher.TAG_BYTES) + size);
    }

    @Test
    void defaultFrameSize_roundTripsSeveralFrames() {
        byte[] plaintext = Envelopes.randomBytes(3 * EnvelopeOptions.DEFAULT_FRAME_SIZE + 123, 7);
        byte[] sealed = Envelopes.encrypt(encryptor, plaintext, EnvelopeOptions.DEFAULT_FRAME_SIZE);

        assertThat(Envelopes.decrypt(encryptor, sealed)).isEqualTo(plaintext);
    }

    @Test
    void header_followsTheDocumentedLayout() {
        byte[] sealed = Envelopes.encrypt(encryptor, new byte[0], FRAME);
        ByteBuffer header = ByteBuffer.wrap(sealed);

        assertThat(Arrays.copyOf(sealed, 4)).isEqualTo("KLEV".getBytes(StandardCharsets.UTF_8));
        assertThat(header.get(4)).isEqualTo((byte) 1); // version
        assertThat(header.get(5)).isEqualTo((byte) 1); // suite
        assertThat(header.getInt(38)).isEqualTo(FRAME);
        assertThat(header.getShort(42)).isEqualTo((short) 2); // context pairs
        // The empty final frame closes the message: type 1, sequence 1, length 0, then its 16-byte tag.
        int finalFrame = sealed.length - FrameStream.FRAME_HEADER_BYTES - FrameCipher.TAG_BYTES;
        assertThat(header.get(finalFrame)).isEqualTo((byte) 1);
        assertThat(header.getInt(finalFrame + 1)).isEqualTo(1);
        assertThat(header.getInt(finalFrame + 5)).isZero();
    }

    @Test
    void sameInput_givesDifferentMessages() {
        byte[] plaintext = Envelopes.randomBytes(100, 1);

        assertThat(Envelopes.encrypt(encryptor, plaintext, FRAME))
                .isNotEqualTo(Envelopes.encrypt(encryptor, plaintext, FRAME));
    }

    @Test
    void ciphertextDoesNotContainPlaintext() {
        byte[] plaintext = "attack at dawn, attack at dawn, attack at dawn".getBytes(StandardCharsets.UTF_8);
        String sealed = new String(Envelopes.encrypt(encryptor, plaintext, FRAME), StandardCharsets.ISO_8859_1);

        assertThat(sealed).doesNotContain("attack");
    }

    @Test
    void contextOrder_doesNotMatter() throws Exception {
        Map<String, String> forward = new LinkedHashMap<>();
        forward.put("a", "1");
        forward.put("b", "2");
        Map<String, String> backward = new LinkedHashMap<>();
        backward.put("b", "2");
        backward.put("a", "1");

        assertThat(EnvelopeHeaderContextCodec.encode(forward)).isEqualTo(EnvelopeHeaderContextCodec.encode(backward));
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        encryptor.encrypt(new ByteArrayInputStream(new byte[10]), sealed, "k", backward, EnvelopeOptions.defaults());
        EnvelopeResult result = encryptor.decrypt(new ByteArrayInputStream(sealed.toByteArray()),
                new ByteArrayOutputStream(), EnvelopeOptions.defaults());
        assertThat(result.encryptionContext()).isEqualTo(forward);
    }

    @Test
    void contextEncoding_isUnambiguous() {
        assertThat(EnvelopeHeaderContextCodec.encode(Map.of("ab", "c")))
                .isNotEqualTo(EnvelopeHeaderContextCodec.encode(Map.of("a", "bc")));
        assertThat(EnvelopeHeaderContextCodec.encode(Map.of("a", "b")))
                .containsExactly(0, 1, 0, 1, 'a', 0, 1, 'b');
        assertThat(EnvelopeHeaderContextCodec.encode(Map.of())).containsExactly(0, 0);
    }

    @Test
    void generatedDataKey_hidesPlaintextInToString() {
        GeneratedDataKey key = new GeneratedDataKey(new byte[] {42, 42, 42}, new byte[] {1}, "arn:k");

        assertThat(key.toString())
                .isEqualTo("GeneratedDataKey[keyArn=arn:k, plaintext=(hidden), ciphertextBlob=1 bytes]");
        key.close();
        assertThat(key.plaintext()).containsOnly(0);
    }
}
