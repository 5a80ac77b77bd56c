package dev.kmslab.engine.store;

import dev.kmslab.engine.crypto.pkcs11.PinSource;
import dev.kmslab.engine.crypto.pkcs11.Pkcs11Config;
import dev.kmslab.engine.crypto.pkcs11.Pkcs11Token;
import dev.kmslab.engine.crypto.pkcs11.SlotSelector;
import dev.kmslab.engine.crypto.pkcs11.SoftHsmFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Child-JVM side of {@link TokenMasterKeyPkcs11Test}. Arguments: {@code <seal|open> <module> <data dir> <token
 * label> [document]}; prints {@code R key=value} lines.
 */
public final class TokenMasterKeyPkcs11Scenarios {

    private TokenMasterKeyPkcs11Scenarios() {
    }

    public static void main(String[] args) throws Exception {
        Pkcs11Token token = new Pkcs11Token(new Pkcs11Config("masterkey", Path.of(args[1]),
                new SlotSelector.TokenLabel(args[3]), PinSource.environment(SoftHsmFixture.PIN_VARIABLE)));
        token.connect();
        Path dir = Path.of(args[2]);
        try (SealedFileStorage storage = new SealedFileStorage(dir.resolve("keystore.json"),
                new TokenMasterKey(token, dir.resolve(TokenMasterKey.DEFAULT_FILE_NAME)), Clock.systemUTC())) {
            if (args[0].equals("seal")) {
                storage.save(args[4].getBytes(StandardCharsets.UTF_8));
                System.out.println("R sealed=true");
            } else {
                try {
                    byte[] document = storage.load().orElseThrow();
                    System.out.println("R document=" + new String(document, StandardCharsets.UTF_8));
                } catch (KeystoreLockedException e) {
                    System.out.println("R locked=" + e.reason());
                }
            }
        } finally {
            token.disconnect();
        }
    }
}
