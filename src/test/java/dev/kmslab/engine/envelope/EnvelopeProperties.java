package dev.kmslab.engine.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.error.InvalidCiphertextException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class EnvelopeProperties {

    private final EnvelopeEncryptor encryptor = new EnvelopeEncryptor(new FakeDataKeyProvider());

    @Property(tries = 200)
    void anySizeAndFrameSize_roundTrips(@ForAll @IntRange(min = 0, max = 5000) int size,
            @ForAll @IntRange(min = 1, max = 700) int frameSize) {
        byte[] plaintext = Envelopes.randomBytes(size, size * 31L + frameSize);

        assertThat(Envelopes.decrypt(encryptor, Envelopes.encrypt(encryptor, plaintext, frameSize)))
                .isEqualTo(plaintext);
    }

    @Property(tries = 300)
    void anySingleByteChange_isInvalidCiphertext(@ForAll @IntRange(min = 0, max = 3000) int size,
            @ForAll @IntRange(min = 1, max = 500) int frameSize, @ForAll int position,
            @ForAll @IntRange(min = 1, max = 255) int xor) {
        byte[] message = Envelopes.encrypt(encryptor, Envelopes.randomBytes(size, size), frameSize);
        message[Math.floorMod(position, message.length)] ^= (byte) xor;

        assertThatThrownBy(() -> Envelopes.decrypt(encryptor, message))
                .isInstanceOf(InvalidCiphertextException.class);
    }
}
