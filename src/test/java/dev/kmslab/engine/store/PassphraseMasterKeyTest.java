package dev.kmslab.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PassphraseMasterKeyTest {

    private static final byte[] SOMESALT = "somesalt".getBytes(StandardCharsets.US_ASCII);

    // Known answers from the Argon2 reference implementation (phc-winner-argon2 src/test.c), Argon2id v=0x13.
    @Test
    void argon2id_matchesReferenceVectors() {
        assertThat(hex(new Argon2Parameters(256, 2, 1)))
                .isEqualTo("9dfeb910e80bad0311fee20f9c0e2b12c17987b4cac90c2ef54d5b3021c68bfe");
        assertThat(hex(new Argon2Parameters(256, 2, 2)))
                .isEqualTo("6d093c501fd5999645e0ea3bf620d7b8be7fd2db59c20d9fff9539da2bf57037");
    }

    @Test
    void closedSource_noLongerDerivesTheSameKey() throws Exception {
        PassphraseMasterKey source = new PassphraseMasterKey("pw".toCharArray(), StoreFixtures.CHEAP);
        KdfHeader header = source.newHeader(new SecureRandom());
        byte[] before = source.masterKey(header, Path.of("k"), false);
        source.close();

        assertThat(source.masterKey(header, Path.of("k"), false)).isNotEqualTo(before);
    }

    @Test
    void parameters_areBounded() {
        assertThatThrownBy(() -> new Argon2Parameters(8, 0, 1)).hasMessage("Argon2 iterations must be 1 to 64");
        assertThatThrownBy(() -> new Argon2Parameters(15, 1, 2)).hasMessage("Argon2 memory must be 16 to 2097152 KiB");
        assertThatThrownBy(() -> new PassphraseMasterKey(new char[0], StoreFixtures.CHEAP))
                .hasMessage("The passphrase must not be empty");
    }

    private static String hex(Argon2Parameters cost) {
        return HexFormat.of().formatHex(PassphraseMasterKey.derive("password".toCharArray(), cost, SOMESALT));
    }
}
