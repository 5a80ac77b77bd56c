package dev.kmslab.engine;

import dev.kmslab.engine.audit.AuditLog;
import dev.kmslab.engine.cks.TokenFactory;
import dev.kmslab.engine.crypto.pkcs11.SoftHsmFixture;
import dev.kmslab.engine.model.ConnectCustomKeyStoreRequest;
import dev.kmslab.engine.model.CreateCustomKeyStoreRequest;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.CustomKeyStoresListEntry;
import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.DescribeCustomKeyStoresRequest;
import dev.kmslab.engine.model.DescribeKeyRequest;
import dev.kmslab.engine.model.DisconnectCustomKeyStoreRequest;
import dev.kmslab.engine.model.EncryptRequest;
import dev.kmslab.engine.model.GenerateDataKeyRequest;
import dev.kmslab.engine.model.GenerateDataKeyResult;
import dev.kmslab.engine.store.SealedFileStorage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;

/**
 * Child-JVM side of {@link CustomKeyStorePkcs11Test}: drives a real engine whose custom key store is the SoftHSM2
 * token named by {@code SOFTHSM2_CONF}, on a sealed keystore file in {@code <data dir>}, and prints
 * {@code R key=value} lines for the parent to check. Arguments: {@code <scenario> <module> <data dir> [extra...]}.
 */
public final class CustomKeyStorePkcs11Scenarios {

    private static final CallerContext ROOT = CallerContext.root(EngineConfig.DEFAULT_ACCOUNT);
    private static final Map<String, String> CONTEXT = Map.of("purpose", "pkcs11-test");
    private static final HexFormat HEX = HexFormat.of();

    private CustomKeyStorePkcs11Scenarios() {
    }

    public static void main(String[] args) throws Exception {
        Path module = Path.of(args[1]);
        try (SealedFileStorage storage = SealedFileStorage.withKeyFile(Path.of(args[2]), Clock.systemUTC())) {
            KmsEngine engine = KmsEngine.open(EngineConfig.defaults().withStorage(storage)
                    .withAuditLog(AuditLog.inMemory()), TokenFactory.pkcs11());
            switch (args[0]) {
                case "write": write(engine, module); break;
                case "read": read(engine, args[3], args[4], args[5]); break;
                case "wrong-pin": wrongPin(engine, module); break;
                default: throw new IllegalArgumentException("unknown scenario " + args[0]);
            }
        }
    }

    private static void write(KmsEngine engine, Path module) {
        char[] pin = System.getenv(SoftHsmFixture.PIN_VARIABLE).toCharArray();
        String storeId = engine.customKeyStores().createCustomKeyStore(ROOT, new CreateCustomKeyStoreRequest(
                "softhsm", module, null, null, SoftHsmFixture.TOKEN_LABEL, pin)).customKeyStoreId();
        Arrays.fill(pin, '\0');
        put("storeId", storeId);
        engine.customKeyStores().connectCustomKeyStore(ROOT, new ConnectCustomKeyStoreRequest(storeId));
        put("stateAfterConnect", store(engine, storeId).connectionState());
        String keyId = engine.createKey(ROOT, CreateKeyRequest.inCustomKeyStore(storeId, "softhsm key"))
                .keyMetadata().keyId();
        put("keyId", keyId);
        put("keyState", engine.describeKey(ROOT, new DescribeKeyRequest(keyId)).keyMetadata().keyState());
        byte[] blob = engine.encrypt(ROOT, EncryptRequest.of(keyId, utf8("kept in the token"), CONTEXT))
                .ciphertextBlob();
        put("blob", HEX.formatHex(blob));
        put("roundTrip", new String(engine.decrypt(ROOT, DecryptRequest.of(blob, CONTEXT)).plaintext(),
                StandardCharsets.UTF_8));
        GenerateDataKeyResult dataKey = engine.generateDataKey(ROOT, GenerateDataKeyRequest.aes256(keyId, CONTEXT));
        put("dataKeyLength", dataKey.plaintext().length);
        put("dataKey", HEX.formatHex(dataKey.plaintext()));
        put("dataKeyBlob", HEX.formatHex(dataKey.ciphertextBlob()));
        put("dataKeyDecrypts", Arrays.equals(dataKey.plaintext(),
                engine.decrypt(ROOT, DecryptRequest.of(dataKey.ciphertextBlob(), CONTEXT)).plaintext()));
        engine.customKeyStores().disconnectCustomKeyStore(ROOT, new DisconnectCustomKeyStoreRequest(storeId));
        put("keyStateDisconnected", engine.describeKey(ROOT, new DescribeKeyRequest(keyId)).keyMetadata()
                .keyState());
        expectFailure("encryptDisconnected",
                () -> engine.encrypt(ROOT, EncryptRequest.of(keyId, utf8("no"), CONTEXT)));
        expectFailure("createKeyDisconnected",
                () -> engine.createKey(ROOT, CreateKeyRequest.inCustomKeyStore(storeId, null)));
    }

    private static void read(KmsEngine engine, String storeId, String keyId, String blobHex) {
        put("stateAfterRestart", store(engine, storeId).connectionState());
        put("keyStateAfterRestart", engine.describeKey(ROOT, new DescribeKeyRequest(keyId)).keyMetadata()
                .keyState());
        engine.customKeyStores().connectCustomKeyStore(ROOT, new ConnectCustomKeyStoreRequest(storeId));
        put("stateAfterConnect", store(engine, storeId).connectionState());
        put("keyStateAfterConnect", engine.describeKey(ROOT, new DescribeKeyRequest(keyId)).keyMetadata()
                .keyState());
        put("plaintext", new String(engine.decrypt(ROOT, DecryptRequest.of(HEX.parseHex(blobHex), CONTEXT))
                .plaintext(), StandardCharsets.UTF_8));
        engine.customKeyStores().disconnectCustomKeyStore(ROOT, new DisconnectCustomKeyStoreRequest(storeId));
    }

    private static void wrongPin(KmsEngine engine, Path module) {
        String storeId = engine.customKeyStores().createCustomKeyStore(ROOT, new CreateCustomKeyStoreRequest(
                "wrong-pin", module, null, 0, null, "0000".toCharArray())).customKeyStoreId();
        engine.customKeyStores().connectCustomKeyStore(ROOT, new ConnectCustomKeyStoreRequest(storeId));
        CustomKeyStoresListEntry store = store(engine, storeId);
        put("state", store.connectionState());
        put("errorCode", store.connectionErrorCode());
        expectFailure("connectWhileFailed", () -> engine.customKeyStores().connectCustomKeyStore(ROOT,
                new ConnectCustomKeyStoreRequest(storeId)));
        engine.customKeyStores().disconnectCustomKeyStore(ROOT, new DisconnectCustomKeyStoreRequest(storeId));
        put("stateAfterDisconnect", store(engine, storeId).connectionState());
    }

    private static CustomKeyStoresListEntry store(KmsEngine engine, String storeId) {
        return engine.customKeyStores().describeCustomKeyStores(ROOT, DescribeCustomKeyStoresRequest.byId(storeId))
                .customKeyStores().get(0);
    }

    private static void expectFailure(String step, Runnable action) {
        try {
            action.run();
            put(step + ".error", "none");
        } catch (RuntimeException e) {
            put(step + ".error", e.getClass().getSimpleName());
            put(step + ".message", e.getMessage());
        }
    }

    private static void put(String key, Object value) {
        System.out.println("R " + key + "=" + String.valueOf(value).replace('\n', ' '));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
