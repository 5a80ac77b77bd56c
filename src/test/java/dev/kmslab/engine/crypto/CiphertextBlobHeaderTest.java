package dev.kmslab.engine.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.error.InvalidCiphertextException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CiphertextBlobHeaderTest {

    private static final AesKeyMaterial KEY = AesKeyMaterial.copyOf(new byte[32]);
    private static final CryptoRandom RANDOM = CryptoRandom.create();

    private static byte[] seal(String keyId, int version) {
        return CiphertextBlob.seal(keyId, version, KEY, RANDOM.iv(), Map.of("k", "v"),
                "x".getBytes(StandardCharsets.UTF_8));
    }

    /** The header's key id and version read back exactly, whichever blob was read before on the thread. */
    @Test
    void keyIdAndVersion_readBackExactly_inAnyOrder() {
        String a = "1234abcd-12ab-34cd-56ef-1234567890ab";
        String b = "1234abcd-12ab-34cd-56ef-1234567890ac"; // differs in the last byte only
        String accented = "clé-ünïcode";
        byte[][] blobs = {seal(a, 1), seal(b, 2), seal(a, 0x01020304), seal(accented, 7), seal(a, Integer.MAX_VALUE)};
        String[] ids = {a, b, a, accented, a};
        int[] versions = {1, 2, 0x01020304, 7, Integer.MAX_VALUE};
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < blobs.length; i++) {
                CiphertextBlob parsed = CiphertextBlob.parse(blobs[i]);
                assertThat(parsed.keyId()).isEqualTo(ids[i]);
                assertThat(parsed.keyVersion()).isEqualTo(versions[i]);
            }
        }
        byte[] blob = seal(a, 3);
        assertThat(java.util.Arrays.copyOfRange(blob, 2 + a.length(), 2 + a.length() + 4))
                .containsExactly(0, 0, 0, 3);
    }

    /** A key id changed in place after the same id was read is read as the changed id, and fails to open. */
    @Test
    void changedKeyIdBytes_areNotTakenForTheLastId() {
        String a = "1234abcd-12ab-34cd-56ef-1234567890ab";
        byte[] blob = seal(a, 1);
        assertThat(CiphertextBlob.parse(blob).keyId()).isEqualTo(a);
        byte[] changed = blob.clone();
        changed[2 + a.length() - 1] = 'c';
        CiphertextBlob parsed = CiphertextBlob.parse(changed);
        assertThat(parsed.keyId()).isEqualTo("1234abcd-12ab-34cd-56ef-1234567890ac");
        assertThatThrownBy(() -> parsed.open(KEY, Map.of("k", "v"))).isInstanceOf(InvalidCiphertextException.class)
                .hasMessage("The ciphertext is invalid.");
        byte[] badUtf8 = blob.clone();
        badUtf8[2] = (byte) 0xff;
        assertThatThrownBy(() -> CiphertextBlob.parse(badUtf8)).isInstanceOf(InvalidCiphertextException.class);
        assertThat(CiphertextBlob.parse(blob).open(KEY, Map.of("k", "v"))).containsExactly('x');
    }
}
