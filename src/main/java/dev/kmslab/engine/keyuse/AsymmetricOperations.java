package dev.kmslab.engine.keyuse;

import dev.kmslab.engine.core.Call;
import dev.kmslab.engine.core.EngineCore;
import dev.kmslab.engine.core.KeyIdForms;
import dev.kmslab.engine.crypto.KeyMaterial;
import dev.kmslab.engine.crypto.asymmetric.MacOperations;
import dev.kmslab.engine.crypto.asymmetric.PublicKeyInfo;
import dev.kmslab.engine.crypto.asymmetric.PublicKeys;
import dev.kmslab.engine.crypto.asymmetric.SharedSecretDerivation;
import dev.kmslab.engine.crypto.asymmetric.SignVerify;
import dev.kmslab.engine.crypto.asymmetric.spec.KeyAlgorithms;
import dev.kmslab.engine.crypto.asymmetric.spec.KeySpecRules;
import dev.kmslab.engine.error.UnsupportedOperationException;
import dev.kmslab.engine.model.DeriveSharedSecretRequest;
import dev.kmslab.engine.model.DeriveSharedSecretResult;
import dev.kmslab.engine.model.GenerateMacRequest;
import dev.kmslab.engine.model.GenerateMacResult;
import dev.kmslab.engine.model.GetPublicKeyResult;
import dev.kmslab.engine.model.KeyAgreementAlgorithmSpec;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.MessageType;
import dev.kmslab.engine.model.SignRequest;
import dev.kmslab.engine.model.SignResult;
import dev.kmslab.engine.model.VerifyMacRequest;
import dev.kmslab.engine.model.VerifyMacResult;
import dev.kmslab.engine.model.VerifyRequest;
import dev.kmslab.engine.model.VerifyResult;
import dev.kmslab.engine.state.EngineState;
import dev.kmslab.engine.state.KeyRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sign, Verify, GetPublicKey, GenerateMac, VerifyMac and DeriveSharedSecret on asymmetric and HMAC keys. Each call
 * resolves, authorizes and state-checks its key like every other key-scoped call (EngineCore.keyFor), then hands the
 * key's material to the crypto layer in {@code crypto.asymmetric}, which enforces key usage, algorithm and message
 * rules with AWS's errors. These only read the current snapshot.
 */
public final class AsymmetricOperations {

    private final EngineCore core;

    public AsymmetricOperations(EngineCore core) {
        this.core = core;
    }

    public SignResult sign(Call call, SignRequest r) {
        KeyRecord key = key(call, r.keyId(), signingConditions(r.keyId(), r.signingAlgorithm(), r.messageType()));
        byte[] signature = SignVerify.sign(material(key), key.keyUsage(), r.signingAlgorithm(), r.messageType(),
                r.message());
        return new SignResult(key.arn(), signature, r.signingAlgorithm());
    }

    public VerifyResult verify(Call call, VerifyRequest r) {
        KeyRecord key = key(call, r.keyId(), signingConditions(r.keyId(), r.signingAlgorithm(), r.messageType()));
        SignVerify.verify(material(key), key.keyUsage(), r.signingAlgorithm(), r.messageType(), r.message(),
                r.signature());
        return new VerifyResult(key.arn(), true, r.signingAlgorithm());
    }

    public GetPublicKeyResult getPublicKey(Call call, String keyId) {
        KeyRecord key = key(call, keyId, KeyUseRules.conditions(keyId, Map.of()));
        if (key.keySpec() == KeySpec.SYMMETRIC_DEFAULT) {
            throw new UnsupportedOperationException(key.arn() + " key spec is SYMMETRIC_DEFAULT: GetPublicKey is "
                    + "supported only on asymmetric KMS keys.");
        }
        PublicKeyInfo info = PublicKeys.getPublicKey(material(key), key.keyUsage());
        KeyAlgorithms algorithms = KeySpecRules.algorithms(key.keySpec(), key.keyUsage());
        return new GetPublicKeyResult(key.arn(), info.publicKey(), key.keySpec(), key.keyUsage(),
                algorithms.encryption(), algorithms.signing(), algorithms.keyAgreement());
    }

    public GenerateMacResult generateMac(Call call, GenerateMacRequest r) {
        KeyRecord key = key(call, r.keyId(), macConditions(r.keyId(), r.macAlgorithm()));
        byte[] mac = MacOperations.generateMac(material(key), key.keyUsage(), r.macAlgorithm(), r.message());
        return new GenerateMacResult(mac, r.macAlgorithm(), key.arn());
    }

    public VerifyMacResult verifyMac(Call call, VerifyMacRequest r) {
        KeyRecord key = key(call, r.keyId(), macConditions(r.keyId(), r.macAlgorithm()));
        MacOperations.verifyMac(material(key), key.keyUsage(), r.macAlgorithm(), r.message(), r.mac());
        return new VerifyMacResult(key.arn(), true, r.macAlgorithm());
    }

    public DeriveSharedSecretResult deriveSharedSecret(Call call, DeriveSharedSecretRequest r) {
        Map<String, String> extra = r.keyAgreementAlgorithm() == null ? Map.of()
                : Map.of("kms:KeyAgreementAlgorithm", r.keyAgreementAlgorithm().name());
        KeyRecord key = key(call, r.keyId(), KeyUseRules.conditions(r.keyId(), extra));
        byte[] secret = SharedSecretDerivation.derive(material(key), key.keyUsage(), r.keyAgreementAlgorithm(),
                r.publicKey());
        return new DeriveSharedSecretResult(key.arn(), secret, KeyAgreementAlgorithmSpec.ECDH, key.origin());
    }

    private KeyRecord key(Call call, String keyId, Map<String, String> conditions) {
        EngineState state = core.store.current();
        return core.keyFor(call, state, "keyId", keyId, KeyIdForms.KEY_OR_ALIAS, null, conditions);
    }

    /**
     * The key's current material, of whatever kind: the crypto layer checks the kind and reports a wrong key usage
     * or spec (InvalidKeyUsageException), as AWS does.
     */
    private static KeyMaterial material(KeyRecord key) {
        return key.current().material();
    }

    private static Map<String, String> signingConditions(String keyId, Object algorithm, MessageType type) {
        Map<String, String> extra = new LinkedHashMap<>();
        if (algorithm != null) {
            extra.put("kms:SigningAlgorithm", algorithm.toString());
        }
        extra.put("kms:MessageType", (type == null ? MessageType.RAW : type).name());
        return KeyUseRules.conditions(keyId, extra);
    }

    private static Map<String, String> macConditions(String keyId, Object algorithm) {
        return KeyUseRules.conditions(keyId, algorithm == null ? Map.of() : Map.of("kms:MacAlgorithm", algorithm.toString()));
    }

}
