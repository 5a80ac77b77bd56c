package dev.kmslab.engine.keyuse;

import dev.kmslab.engine.core.Arns;
import dev.kmslab.engine.core.Call;
import dev.kmslab.engine.core.EngineCore;
import dev.kmslab.engine.core.HsmKeyCrypto;
import dev.kmslab.engine.core.KeyIdForms;
import dev.kmslab.engine.core.KeyResolver;
import dev.kmslab.engine.Validation;
import dev.kmslab.engine.crypto.AesGcm;
import dev.kmslab.engine.crypto.AesKeyMaterial;
import dev.kmslab.engine.crypto.CiphertextBlob;
import dev.kmslab.engine.error.IncorrectKeyException;
import dev.kmslab.engine.error.InvalidCiphertextException;
import dev.kmslab.engine.error.InvalidKeyUsageException;
import dev.kmslab.engine.error.ValidationException;
import dev.kmslab.engine.model.DataKeySpec;
import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.DecryptResult;
import dev.kmslab.engine.model.EncryptRequest;
import dev.kmslab.engine.model.EncryptResult;
import dev.kmslab.engine.model.EncryptionAlgorithmSpec;
import dev.kmslab.engine.model.GenerateDataKeyRequest;
import dev.kmslab.engine.model.GenerateDataKeyResult;
import dev.kmslab.engine.model.GenerateRandomResult;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.ReEncryptRequest;
import dev.kmslab.engine.model.ReEncryptResult;
import dev.kmslab.engine.state.EngineState;
import dev.kmslab.engine.state.KeyRecord;
import dev.kmslab.engine.state.KeyVersion;
import java.util.Arrays;
import java.util.Map;

/**
 * Encrypt, Decrypt, ReEncrypt, GenerateDataKey(WithoutPlaintext), GenerateRandom. These read the current state
 * snapshot without locking: a concurrent rotation publishes a new snapshot but never changes the one in use.
 */
public final class CryptoOperations {

    public static final int MAX_PLAINTEXT = 4096;
    public static final int MAX_CIPHERTEXT = 6144;
    public static final int MAX_DATA_KEY_BYTES = 1024;
    private static final Map<String, String> SYMMETRIC_CONDITION =
            Map.of("kms:EncryptionAlgorithm", EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT.name());

    private final EngineCore core;
    private final HsmKeyCrypto hsm;

    public CryptoOperations(EngineCore core) {
        this.core = core;
        this.hsm = new HsmKeyCrypto(core);
    }

    public EncryptResult encrypt(Call call, EncryptRequest request) {
        byte[] plaintext = Validation.required("plaintext", request.plaintext());
        Validation.length("plaintext", plaintext.length, 1, MAX_PLAINTEXT);
        Validation.context("encryptionContext", request.encryptionContext());
        EngineState state = core.store.current();
        // A plain key id (the usual case) is looked up once here and reused, rather than resolved a second time.
        KeyRecord direct = request.keyId() == null ? null : state.keys().get(request.keyId());
        KeyRecord asymmetric = direct != null ? (RsaKeyCrypto.isAsymmetric(direct) ? direct : null)
                : RsaKeyCrypto.peek(state, request.keyId());
        if (asymmetric != null) {
            KeyRecord key = core.keyFor(call, state, "keyId", request.keyId(), KeyIdForms.KEY_OR_ALIAS,
                    request.encryptionContext(), RsaKeyCrypto.conditions(request.keyId(), request.encryptionAlgorithm()));
            return new EncryptResult(RsaKeyCrypto.encrypt(key, request.encryptionAlgorithm(), plaintext), key.arn(),
                    request.encryptionAlgorithm());
        }
        KeyRecord key;
        if (direct != null) { // as core.keyFor does after resolving
            key = direct;
            call.keyArn = key.arn();
            core.gate.authorize(call, call.operation.action(), state, key, request.encryptionContext(),
                    SYMMETRIC_CONDITION);
            core.checkState(call, state, key);
            KeyUseRules.checkSymmetric(key, request.encryptionAlgorithm());
        } else {
            key = encryptionKey(call, state, "keyId", request.keyId(), request.encryptionContext(),
                    request.encryptionAlgorithm());
        }
        return new EncryptResult(seal(key, request.encryptionContext(), plaintext), key.arn(),
                EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT);
    }

    public DecryptResult decrypt(Call call, DecryptRequest request) {
        EngineState state = core.store.current();
        if (RsaKeyCrypto.peek(state, request.keyId()) != null) {
            // An asymmetric ciphertext is raw RSA output that names no key, so (as in AWS) KeyId is required.
            Validation.required("ciphertextBlob", request.ciphertextBlob());
            KeyRecord key = core.keyFor(call, state, "keyId", request.keyId(), KeyIdForms.KEY_OR_ALIAS,
                    request.encryptionContext(), RsaKeyCrypto.conditions(request.keyId(), request.encryptionAlgorithm()));
            return new DecryptResult(key.arn(), RsaKeyCrypto.decrypt(key, request.encryptionAlgorithm(),
                    request.ciphertextBlob()), request.encryptionAlgorithm());
        }
        Opened opened = open(call, state, request.ciphertextBlob(), request.encryptionContext(), request.keyId(),
                "keyId", request.encryptionAlgorithm(), call.operation.action());
        return new DecryptResult(opened.key.arn(), opened.plaintext, EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT);
    }

    public ReEncryptResult reEncrypt(Call call, ReEncryptRequest request) {
        Validation.required("destinationKeyId", request.destinationKeyId());
        Validation.context("destinationEncryptionContext", request.destinationEncryptionContext());
        EngineState state = core.store.current();
        Opened source = openForReEncrypt(call, state, request);
        try {
            KeyRecord destination = KeyResolver.resolve(state, "destinationKeyId", request.destinationKeyId(),
                    KeyIdForms.KEY_OR_ALIAS);
            boolean rsa = RsaKeyCrypto.isAsymmetric(destination);
            core.gate.authorize(call, "kms:ReEncryptTo", state, destination, request.destinationEncryptionContext(),
                    rsa ? RsaKeyCrypto.conditions(request.destinationKeyId(), request.destinationEncryptionAlgorithm())
                            : conditions(request.destinationKeyId()));
            core.checkState(call, state, destination);
            byte[] blob;
            if (rsa) {
                blob = RsaKeyCrypto.encrypt(destination, request.destinationEncryptionAlgorithm(), source.plaintext);
            } else {
                KeyUseRules.checkSymmetric(destination, request.destinationEncryptionAlgorithm());
                blob = seal(destination, request.destinationEncryptionContext(), source.plaintext);
            }
            return new ReEncryptResult(blob, source.key.arn(), destination.arn(), source.algorithm,
                    rsa ? request.destinationEncryptionAlgorithm() : EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT);
        } finally {
            Arrays.fill(source.plaintext, (byte) 0);
        }
    }

    /** ReEncrypt's source side: an RSA ciphertext when SourceKeyId names an asymmetric key, else a KMS Lab blob. */
    private Opened openForReEncrypt(Call call, EngineState state, ReEncryptRequest request) {
        if (RsaKeyCrypto.peek(state, request.sourceKeyId()) == null) {
            return open(call, state, request.ciphertextBlob(), request.sourceEncryptionContext(),
                    request.sourceKeyId(), "sourceKeyId", request.sourceEncryptionAlgorithm(), "kms:ReEncryptFrom");
        }
        Validation.required("ciphertextBlob", request.ciphertextBlob());
        KeyRecord key = KeyResolver.resolve(state, "sourceKeyId", request.sourceKeyId(), KeyIdForms.KEY_OR_ALIAS);
        call.keyArn = key.arn();
        core.gate.authorize(call, "kms:ReEncryptFrom", state, key, request.sourceEncryptionContext(),
                RsaKeyCrypto.conditions(request.sourceKeyId(), request.sourceEncryptionAlgorithm()));
        core.checkState(call, state, key);
        byte[] plaintext = RsaKeyCrypto.decrypt(key, request.sourceEncryptionAlgorithm(), request.ciphertextBlob());
        return new Opened(key, plaintext, request.sourceEncryptionAlgorithm());
    }

    public GenerateDataKeyResult generateDataKey(Call call, GenerateDataKeyRequest request) {
        int length = dataKeyLength(request);
        Validation.context("encryptionContext", request.encryptionContext());
        EngineState state = core.store.current();
        KeyRecord key = encryptionKey(call, state, "keyId", request.keyId(), request.encryptionContext(), null);
        if (HsmKeyCrypto.inToken(key)) {
            // A key in a custom key store: the data key comes from the token's generator and is encrypted there.
            byte[] dataKey = hsm.random(key, length);
            return new GenerateDataKeyResult(hsm.seal(key, request.encryptionContext(), dataKey), dataKey, key.arn());
        }
        // One draw from the DRBG yields both the data key and the IV that wraps it: half the generator calls.
        byte[] drawn = core.random.bytes(length + AesGcm.IV_LENGTH);
        byte[] dataKey = Arrays.copyOf(drawn, length);
        byte[] iv = Arrays.copyOfRange(drawn, length, drawn.length);
        Arrays.fill(drawn, (byte) 0);
        KeyVersion current = key.current();
        byte[] blob = CiphertextBlob.seal(key.keyId(), current.version(), aes(key, current), iv,
                request.encryptionContext(), dataKey);
        return new GenerateDataKeyResult(blob, dataKey, key.arn());
    }

    /** GenerateDataKeyWithoutPlaintext: the data key is wiped as soon as it is encrypted. */
    public GenerateDataKeyResult generateDataKeyWithoutPlaintext(Call call, GenerateDataKeyRequest request) {
        GenerateDataKeyResult full = generateDataKey(call, request);
        full.destroyPlaintext();
        return full;
    }

    public GenerateRandomResult generateRandom(Call call, Integer numberOfBytes, String customKeyStoreId) {
        int count = Validation.required("numberOfBytes", numberOfBytes);
        Validation.range("numberOfBytes", count, 1, MAX_DATA_KEY_BYTES);
        EngineState state = core.store.current();
        core.gate.authorize(call, call.operation.action(), state, null, null, null);
        if (customKeyStoreId != null) {
            return new GenerateRandomResult(hsm.randomFromStore(state, customKeyStoreId, count));
        }
        return new GenerateRandomResult(core.random.bytes(count));
    }

    private KeyRecord encryptionKey(Call call, EngineState state, String member, String keyId,
                                    Map<String, String> context, EncryptionAlgorithmSpec algorithm) {
        KeyRecord key = core.keyFor(call, state, member, keyId, KeyIdForms.KEY_OR_ALIAS, context, conditions(keyId));
        KeyUseRules.checkSymmetric(key, algorithm);
        return key;
    }

    public byte[] seal(KeyRecord key, Map<String, String> context, byte[] plaintext) {
        if (HsmKeyCrypto.inToken(key)) {
            return hsm.seal(key, context, plaintext);
        }
        KeyVersion current = key.current();
        return CiphertextBlob.seal(key.keyId(), current.version(), aes(key, current), core.random.iv(), context,
                plaintext);
    }

    /** Decrypt's core, shared with ReEncrypt: parse, find the key the blob names, authorize, check state, open. */
    private Opened open(Call call, EngineState state, byte[] blob, Map<String, String> context, String keyIdParam,
                        String keyIdMember, EncryptionAlgorithmSpec algorithm, String action) {
        Validation.required("ciphertextBlob", blob);
        Validation.length("ciphertextBlob", blob.length, 1, MAX_CIPHERTEXT);
        Validation.context(keyIdMember.equals("sourceKeyId") ? "sourceEncryptionContext" : "encryptionContext",
                context);
        CiphertextBlob parsed = CiphertextBlob.parse(blob);
        KeyRecord key = state.keys().get(parsed.keyId());
        if (key == null) {
            if (state.deletedKeyIds().contains(parsed.keyId())) {
                // The blob is intact but its key is gone for good: AWS reports the missing key.
                throw KeyResolver.notExist(Arns.keyArn(state.account(), state.region(), parsed.keyId()));
            }
            throw new InvalidCiphertextException("The ciphertext is invalid.");
        }
        if (keyIdParam != null) {
            KeyRecord requested = KeyResolver.resolve(state, keyIdMember, keyIdParam, KeyIdForms.KEY_OR_ALIAS);
            if (!requested.keyId().equals(key.keyId())) {
                call.keyArn = requested.arn();
                throw new IncorrectKeyException("The key ID in the request does not identify a KMS key that can "
                        + "perform this operation.");
            }
        }
        call.keyArn = key.arn();
        core.gate.authorize(call, action, state, key, context,
                keyIdParam == null ? SYMMETRIC_CONDITION : conditions(keyIdParam));
        core.checkState(call, state, key);
        KeyUseRules.checkSymmetric(key, algorithm);
        KeyVersion version = key.version(parsed.keyVersion());
        if (version == null) {
            throw new InvalidCiphertextException("The ciphertext is invalid.");
        }
        byte[] plaintext = HsmKeyCrypto.inToken(key) ? hsm.open(key, version, parsed, context)
                : parsed.open(aes(key, version), context);
        return new Opened(key, plaintext, EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT);
    }

    /**
     * The AES material of a symmetric key's version. Callers have checked the key is symmetric, outside a custom key
     * store and usable (state checks refuse a key whose imported material is missing), so anything else is a bug.
     */
    private static AesKeyMaterial aes(KeyRecord key, KeyVersion version) {
        if (version.material() instanceof AesKeyMaterial aes) {
            return aes;
        }
        throw new IllegalStateException("version " + version.version() + " of " + key.arn()
                + " holds no AES material");
    }

    private static Map<String, String> conditions(String keyIdParam) {
        if (keyIdParam != null && (keyIdParam.startsWith("alias/") || keyIdParam.contains(":alias/"))) {
            String alias = keyIdParam.substring(keyIdParam.indexOf("alias/"));
            return Map.of("kms:EncryptionAlgorithm", EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT.name(),
                    "kms:RequestAlias", alias);
        }
        return SYMMETRIC_CONDITION;
    }

    private static int dataKeyLength(GenerateDataKeyRequest request) {
        Integer bytes = request.numberOfBytes();
        DataKeySpec spec = request.keySpec();
        if ((bytes == null) == (spec == null)) {
            throw new ValidationException("Please specify either numberOfBytes or keySpec, but not both.");
        }
        if (spec != null) {
            return spec == DataKeySpec.AES_128 ? 16 : 32;
        }
        Validation.range("numberOfBytes", bytes, 1, MAX_DATA_KEY_BYTES);
        return bytes;
    }

    /** A verified key and the plaintext it released. */
    private static final class Opened {
        public final KeyRecord key;
        public final byte[] plaintext;
        public final EncryptionAlgorithmSpec algorithm;

        public Opened(KeyRecord key, byte[] plaintext, EncryptionAlgorithmSpec algorithm) {
            this.key = key;
            this.plaintext = plaintext;
            this.algorithm = algorithm;
        }
    }
}
