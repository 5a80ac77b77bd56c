package dev.kmslab.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.cks.FakeHsm;
import dev.kmslab.engine.cks.TokenSettings;
import dev.kmslab.engine.crypto.pkcs11.HsmToken;
import dev.kmslab.engine.crypto.pkcs11.PinSource;
import dev.kmslab.engine.crypto.pkcs11.SlotSelector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keystore's master key wrapped by a token key, on the simulated token. */
class TokenMasterKeyTest {

    private static final byte[] DOCUMENT = "{\"format\":\"kmslab-keystore\"}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private final FakeHsm hsm = new FakeHsm("1234");

    private HsmToken token(String label) {
        HsmToken token = hsm.create("cks-test", new TokenSettings(Path.of("/opt/hsm.so"),
                new SlotSelector.TokenLabel(label)), PinSource.prompt(() -> "1234".toCharArray()));
        token.connect();
        return token;
    }

    private SealedFileStorage storage(HsmToken token) {
        return new SealedFileStorage(dir.resolve("keystore.json"),
                new TokenMasterKey(token, dir.resolve(TokenMasterKey.DEFAULT_FILE_NAME)), Clock.systemUTC());
    }

    @Test
    void keystoreSealedUnderTheTokenKey_opensAgain_andTheWrappedFileHasTheDocumentedSize() throws Exception {
        HsmToken token = token("kmslab");
        storage(token).save(DOCUMENT);

        assertThat(storage(token).load()).contains(DOCUMENT);
        byte[] wrapped = Files.readAllBytes(dir.resolve(TokenMasterKey.DEFAULT_FILE_NAME));
        assertThat(wrapped).hasSize(65).startsWith('K', 'L', 'T', 'W', 1);
        assertThat(hsm.labels(new TokenSettings(Path.of("/opt/hsm.so"), new SlotSelector.TokenLabel("kmslab"))))
                .containsExactly(TokenMasterKey.LABEL);
    }

    @Test
    void anotherToken_aChangedByte_aCutFile_orNoFile_leaveTheKeystoreLocked() throws Exception {
        storage(token("kmslab")).save(DOCUMENT);
        Path wrappedFile = dir.resolve(TokenMasterKey.DEFAULT_FILE_NAME);
        byte[] wrapped = Files.readAllBytes(wrappedFile);

        assertThatThrownBy(() -> storage(token("other")).load()).isInstanceOf(KeystoreLockedException.class)
                .extracting(e -> ((KeystoreLockedException) e).reason())
                .isEqualTo(KeystoreLockedException.Reason.WRONG_MASTER_KEY);
        byte[] changed = wrapped.clone();
        changed[20] ^= 1;
        Files.write(wrappedFile, changed);
        assertThatThrownBy(() -> storage(token("kmslab")).load()).extracting(e -> ((KeystoreLockedException) e)
                .reason()).isEqualTo(KeystoreLockedException.Reason.WRONG_MASTER_KEY);
        Files.write(wrappedFile, java.util.Arrays.copyOf(wrapped, 64));
        assertThatThrownBy(() -> storage(token("kmslab")).load()).extracting(e -> ((KeystoreLockedException) e)
                .reason()).isEqualTo(KeystoreLockedException.Reason.MASTER_KEY_UNREADABLE);
        Files.delete(wrappedFile);
        assertThatThrownBy(() -> storage(token("kmslab")).load()).extracting(e -> ((KeystoreLockedException) e)
                .reason()).isEqualTo(KeystoreLockedException.Reason.MASTER_KEY_MISSING);
        assertThat(Files.exists(dir.resolve("keystore.json"))).isTrue();
    }

    @Test
    void aDisconnectedToken_leavesTheKeystoreLocked_withoutTouchingIt() throws Exception {
        HsmToken token = token("kmslab");
        storage(token).save(DOCUMENT);
        token.disconnect();

        assertThatThrownBy(() -> storage(token).load()).isInstanceOf(KeystoreLockedException.class)
                .hasMessageContaining("cannot be used");
        assertThat(Files.exists(dir.resolve("keystore.json"))).isTrue();
    }
}
