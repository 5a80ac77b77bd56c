package dev.kmslab.engine.crypto;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.error.InvalidCiphertextException;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.EncryptRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every single-bit flip, every truncation and every extension of a real blob, and any changed context, must give
 * InvalidCiphertextException through Decrypt: never another error and never plaintext. Plaintexts and context values
 * come from hand-picked edge cases and from fixed seeds named in each case.
 */
class CiphertextTamperPropertyTest {

    private static final CallerContext ROOT = CallerContext.root("111122223333");
    private static final int RANDOM_CASES = 25;
    private final KmsEngine engine = KmsEngine.inMemory();
    private final String keyId = engine.createKey(ROOT, CreateKeyRequest.symmetric()).keyMetadata().keyId();

    /** A plaintext and the value of context pair {@code k}, with the seed that drew them (-1: an edge case). */
    record Sample(long seed, byte[] plaintext, String contextValue) {
        @Override
        public String toString() {
            return (seed < 0 ? "edge case" : "seed " + seed) + ": " + plaintext.length + "-byte plaintext, context k="
                    + "\"" + contextValue + "\"";
        }
    }

    static Stream<Sample> samples() {
        Stream<Sample> edges = Stream.of(new Sample(-1, new byte[1], ""), new Sample(-1, new byte[64], "12345678"),
                new Sample(-1, new byte[] {(byte) 0xff}, "é€"), new Sample(-1, new byte[33], "\u0000"));
        return Stream.concat(edges, LongStream.range(0, RANDOM_CASES).mapToObj(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            byte[] plaintext = new byte[random.nextInt(1, 65)];
            random.nextBytes(plaintext);
            byte[] value = new byte[random.nextInt(0, 9)];
            for (int i = 0; i < value.length; i++) {
                value[i] = (byte) random.nextInt(0x20, 0x7f);
            }
            return new Sample(seed, plaintext, new String(value, StandardCharsets.US_ASCII));
        }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyBitFlipAndTruncation_isInvalidCiphertext(Sample sample) {
        Map<String, String> context = Map.of("k", sample.contextValue());
        byte[] blob = engine.encrypt(ROOT, EncryptRequest.of(keyId, sample.plaintext(), context)).ciphertextBlob();

        for (int bit = 0; bit < blob.length * 8; bit++) {
            byte[] flipped = blob.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertRejected(flipped, context);
        }
        for (int length = 1; length < blob.length; length++) {
            assertRejected(Arrays.copyOf(blob, length), context);
        }
        assertRejected(Arrays.copyOf(blob, blob.length + 1), context);
        assertRejected(blob, Map.of("k", sample.contextValue() + "x"));
        assertRejected(blob, Map.of("k", sample.contextValue(), "extra", ""));
    }

    private void assertRejected(byte[] blob, Map<String, String> context) {
        assertThatThrownBy(() -> engine.decrypt(ROOT, DecryptRequest.of(blob, context)))
                .isExactlyInstanceOf(InvalidCiphertextException.class)
                .hasMessage("The ciphertext is invalid.");
    }
}
