package dev.kmslab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.crypto.pkcs11.ChildJvm;
import dev.kmslab.engine.crypto.pkcs11.Pkcs11KeyLabel;
import dev.kmslab.engine.crypto.pkcs11.SoftHsmFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's custom key store flows against a real SoftHSM2 token in a temporary directory: a key created in the
 * store is a token object, Encrypt, Decrypt and GenerateDataKey run in the token, a disconnected store makes the
 * key Unavailable, a restarted engine (a second process on the same sealed keystore) finds the key again by label,
 * and a wrong PIN leaves the store FAILED with INVALID_CREDENTIALS. Skipped without SoftHSM2 unless
 * {@code KMSLAB_REQUIRE_HSM=1}.
 */
class CustomKeyStorePkcs11Test {

    @TempDir
    Path directory;

    private SoftHsmFixture.SoftHsm hsm;
    private Path data;

    @BeforeEach
    void initToken() throws IOException {
        SoftHsmFixture.assumeAvailable();
        hsm = SoftHsmFixture.initToken(directory.resolve("hsm"));
        data = Files.createDirectories(directory.resolve("data"));
    }

    @Test
    void keyInTheToken_roundTrips_isUnavailableWhileDisconnected_andSurvivesARestart() throws IOException {
        Map<String, String> w = run("write");

        assertThat(w.get("storeId")).matches("cks-[0-9a-f]{17}");
        assertThat(w.get("stateAfterConnect")).isEqualTo("CONNECTED");
        assertThat(w.get("keyState")).isEqualTo("Enabled");
        assertThat(w.get("roundTrip")).isEqualTo("kept in the token");
        assertThat(w.get("dataKeyLength")).isEqualTo("32");
        assertThat(w.get("dataKeyDecrypts")).isEqualTo("true");
        assertThat(w.get("keyStateDisconnected")).isEqualTo("Unavailable");
        assertThat(w.get("encryptDisconnected.error")).isEqualTo("KMSInvalidStateException");
        assertThat(w.get("createKeyDisconnected.error")).isEqualTo("CustomKeyStoreInvalidStateException");

        String label = new Pkcs11KeyLabel(w.get("keyId"), 1).text();
        SoftHsmFixture.assumePkcs11Tool();
        String objects = hsm.pkcs11Tool("--list-objects", "--type", "secrkey");
        assertThat(objects).contains(label).contains("never extractable");
        // The sealed keystore holds neither the PIN nor the data key in the clear.
        String sealed = new String(Files.readAllBytes(data.resolve("keystore.json")), StandardCharsets.ISO_8859_1);
        assertThat(sealed).doesNotContain("\"keyStorePassword\"").doesNotContain(w.get("storeId"));

        Map<String, String> r = run("read", w.get("storeId"), w.get("keyId"), w.get("blob"));
        assertThat(r.get("stateAfterRestart")).isEqualTo("DISCONNECTED");
        assertThat(r.get("keyStateAfterRestart")).isEqualTo("Unavailable");
        assertThat(r.get("stateAfterConnect")).isEqualTo("CONNECTED");
        assertThat(r.get("keyStateAfterConnect")).isEqualTo("Enabled");
        assertThat(r.get("plaintext")).isEqualTo("kept in the token");
    }

    @Test
    void wrongPin_leavesTheStoreFailed_withInvalidCredentials() {
        Map<String, String> r = run("wrong-pin");

        assertThat(r.get("state")).isEqualTo("FAILED");
        assertThat(r.get("errorCode")).isEqualTo("INVALID_CREDENTIALS");
        assertThat(r.get("connectWhileFailed.error")).isEqualTo("CustomKeyStoreInvalidStateException");
        assertThat(r.get("stateAfterDisconnect")).isEqualTo("DISCONNECTED");
    }

    private Map<String, String> run(String scenario, String... extra) {
        String[] args = new String[3 + extra.length];
        args[0] = scenario;
        args[1] = hsm.module().toString();
        args[2] = data.toString();
        System.arraycopy(extra, 0, args, 3, extra.length);
        ChildJvm.Result result = hsm.run(Map.of(), CustomKeyStorePkcs11Scenarios.class, args);
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return result.values();
    }
}
