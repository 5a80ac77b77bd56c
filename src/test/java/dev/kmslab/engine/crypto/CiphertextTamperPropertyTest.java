package dev.kmslab.engine.crypto;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.error.InvalidCiphertextException;
import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.EncryptRequest;
import dev.kmslab.engine.model.CreateKeyRequest;
import java.util.Arrays;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/**
 * Every single-bit flip, every truncation and every extension of a real blob, and any changed context, must give
 * InvalidCiphertextException through Decrypt: never another error and never plaintext.
 */
class CiphertextTamperPropertyTest {

    private static final CallerContext ROOT = CallerContext.root("111122223333");
    private final KmsEngine engine = KmsEngine.inMemory();
    private final String keyId = engine.createKey(ROOT, CreateKeyRequest.symmetric()).keyMetadata().keyId();

    @Property(tries = 25)
    void everyBitFlipAndTruncation_isInvalidCiphertext(@ForAll @Size(min = 1, max = 64) byte[] plaintext,
                                                       @ForAll @StringLength(max = 8) String contextValue) {
        Map<String, String> context = Map.of("k", contextValue);
        byte[] blob = engine.encrypt(ROOT, EncryptRequest.of(keyId, plaintext, context)).ciphertextBlob();

        for (int bit = 0; bit < blob.length * 8; bit++) {
            byte[] flipped = blob.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertRejected(flipped, context);
        }
        for (int length = 1; length < blob.length; length++) {
            assertRejected(Arrays.copyOf(blob, length), context);
        }
        assertRejected(Arrays.copyOf(blob, blob.length + 1), context);
        assertRejected(blob, Map.of("k", contextValue + "x"));
        assertRejected(blob, Map.of("k", contextValue, "extra", ""));
    }

    private void assertRejected(byte[] blob, Map<String, String> context) {
        assertThatThrownBy(() -> engine.decrypt(ROOT, DecryptRequest.of(blob, context)))
                .isExactlyInstanceOf(InvalidCiphertextException.class)
                .hasMessage("The ciphertext is invalid.");
    }
}
