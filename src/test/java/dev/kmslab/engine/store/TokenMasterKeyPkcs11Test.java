package dev.kmslab.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.crypto.pkcs11.ChildJvm;
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
 * The keystore master key wrapped by a key in a real SoftHSM2 token: a keystore sealed by one process opens in
 * another with the same token, stays locked with a different token, and the token key is a never-extractable object.
 */
class TokenMasterKeyPkcs11Test {

    private static final String DOCUMENT = "{\"format\":\"kmslab-keystore\",\"note\":\"sealed under the token\"}";

    @TempDir
    Path directory;

    private SoftHsmFixture.SoftHsm hsm;
    private Path data;

    @BeforeEach
    void initToken() throws IOException {
        SoftHsmFixture.assumeAvailable();
        hsm = SoftHsmFixture.initToken(directory.resolve("hsm"));
        SoftHsmFixture.addToken(hsm, "other-token");
        data = Files.createDirectories(directory.resolve("data"));
    }

    @Test
    void sealedInOneProcess_opensInAnother_onlyWithTheSameToken() throws IOException {
        assertThat(run("seal", SoftHsmFixture.TOKEN_LABEL, DOCUMENT)).containsEntry("sealed", "true");
        assertThat(Files.size(data.resolve(TokenMasterKey.DEFAULT_FILE_NAME))).isEqualTo(65);
        assertThat(new String(Files.readAllBytes(data.resolve("keystore.json")), StandardCharsets.ISO_8859_1))
                .doesNotContain("sealed under the token");

        assertThat(run("open", SoftHsmFixture.TOKEN_LABEL)).containsEntry("document", DOCUMENT);
        assertThat(run("open", "other-token")).containsEntry("locked", "WRONG_MASTER_KEY");
        SoftHsmFixture.assumePkcs11Tool();
        assertThat(hsm.pkcs11Tool("--list-objects", "--type", "secrkey")).contains(TokenMasterKey.LABEL)
                .contains("never extractable");
    }

    private Map<String, String> run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = args[0];
        all[1] = hsm.module().toString();
        all[2] = data.toString();
        System.arraycopy(args, 1, all, 3, args.length - 1);
        ChildJvm.Result result = hsm.run(Map.of(), TokenMasterKeyPkcs11Scenarios.class, all);
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return result.values();
    }
}
