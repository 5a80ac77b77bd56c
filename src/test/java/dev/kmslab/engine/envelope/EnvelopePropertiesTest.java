package dev.kmslab.engine.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.error.InvalidCiphertextException;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the envelope format over many sizes and frame sizes: the edge cases by hand (empty, one byte, exactly
 * one frame, a frame boundary and one past it), then cases drawn from fixed seeds. Each case's name carries its seed,
 * so a failure is replayed by running {@code caseFor(seed)} again.
 */
class EnvelopePropertiesTest {

    private static final int RANDOM_CASES = 200;
    private final EnvelopeEncryptor encryptor = new EnvelopeEncryptor(new FakeDataKeyProvider());

    /** A size and a frame size, with the seed that drew them ({@code -1} for a hand-picked edge case). */
    record Sizes(long seed, int size, int frameSize) {
        @Override
        public String toString() {
            return (seed < 0 ? "edge case" : "seed " + seed) + ": " + size + " bytes in frames of " + frameSize;
        }
    }

    /** A single-byte change at {@code position} (taken modulo the message length) by XOR with {@code xor}. */
    record Change(long seed, int size, int frameSize, int position, int xor) {
        @Override
        public String toString() {
            return (seed < 0 ? "edge case" : "seed " + seed) + ": " + size + " bytes in frames of " + frameSize
                    + ", byte " + position + " ^ " + xor;
        }
    }

    static Stream<Sizes> sizes() {
        Stream<Sizes> edges = Stream.of(new Sizes(-1, 0, 1), new Sizes(-1, 1, 1), new Sizes(-1, 0, 700),
                new Sizes(-1, 700, 700), new Sizes(-1, 1400, 700), new Sizes(-1, 1401, 700), new Sizes(-1, 699, 700),
                new Sizes(-1, 5000, 1), new Sizes(-1, 5000, 700));
        return Stream.concat(edges, LongStream.range(0, RANDOM_CASES).mapToObj(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            return new Sizes(seed, random.nextInt(0, 5001), random.nextInt(1, 701));
        }));
    }

    static Stream<Change> changes() {
        Stream<Change> edges = Stream.of(new Change(-1, 0, 1, 0, 1), new Change(-1, 0, 1, -1, 0x80),
                new Change(-1, 1, 1, 40, 0xff), new Change(-1, 500, 500, -1, 1), new Change(-1, 3000, 1, 1500, 1));
        return Stream.concat(edges, LongStream.range(0, 300).mapToObj(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            return new Change(seed, random.nextInt(0, 3001), random.nextInt(1, 501), random.nextInt(),
                    random.nextInt(1, 256));
        }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sizes")
    void anySizeAndFrameSize_roundTrips(Sizes sizes) {
        byte[] plaintext = Envelopes.randomBytes(sizes.size(), sizes.size() * 31L + sizes.frameSize());

        assertThat(Envelopes.decrypt(encryptor, Envelopes.encrypt(encryptor, plaintext, sizes.frameSize())))
                .isEqualTo(plaintext);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void anySingleByteChange_isInvalidCiphertext(Change change) {
        byte[] message = Envelopes.encrypt(encryptor, Envelopes.randomBytes(change.size(), change.size()),
                change.frameSize());
        message[Math.floorMod(change.position(), message.length)] ^= (byte) change.xor();

        assertThatThrownBy(() -> Envelopes.decrypt(encryptor, message))
                .isInstanceOf(InvalidCiphertextException.class);
    }
}
