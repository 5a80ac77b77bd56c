package dev.kmslab.engine.keyuse;

import dev.kmslab.engine.Validation;
import dev.kmslab.engine.core.Call;
import dev.kmslab.engine.core.EngineCore;
import dev.kmslab.engine.core.KeyIdForms;
import dev.kmslab.engine.crypto.asymmetric.DataKeyPair;
import dev.kmslab.engine.crypto.asymmetric.DataKeyPairs;
import dev.kmslab.engine.model.GenerateDataKeyPairRequest;
import dev.kmslab.engine.model.GenerateDataKeyPairResult;
import dev.kmslab.engine.model.GenerateDataKeyPairWithoutPlaintextResult;
import dev.kmslab.engine.state.EngineState;
import dev.kmslab.engine.state.KeyRecord;
import java.util.Map;

/**
 * GenerateDataKeyPair and GenerateDataKeyPairWithoutPlaintext. As in AWS the pair is for use outside KMS: the public
 * key is returned as DER SubjectPublicKeyInfo and the PKCS#8 private key is encrypted under a SYMMETRIC encryption
 * KMS key into an ordinary ciphertext blob, which Decrypt opens (with the same encryption context).
 */
public final class DataKeyPairOperations {

    private final EngineCore core;
    private final CryptoOperations crypto;

    public DataKeyPairOperations(EngineCore core, CryptoOperations crypto) {
        this.core = core;
        this.crypto = crypto;
    }

    public GenerateDataKeyPairResult generate(Call call, GenerateDataKeyPairRequest r) {
        Validation.required("keyPairSpec", r.keyPairSpec());
        Validation.context("encryptionContext", r.encryptionContext());
        EngineState state = core.store.current();
        Map<String, String> conditions = KeyUseRules.conditions(r.keyId(),
                Map.of("kms:EncryptionAlgorithm", "SYMMETRIC_DEFAULT", "kms:KeyPairSpec", r.keyPairSpec().name()));
        KeyRecord key = core.keyFor(call, state, "keyId", r.keyId(), KeyIdForms.KEY_OR_ALIAS,
                r.encryptionContext(), conditions);
        KeyUseRules.checkSymmetric(key, null);
        DataKeyPair pair = DataKeyPairs.generate(r.keyPairSpec());
        byte[] privateKey = pair.privateKey();
        pair.destroy();
        byte[] blob = crypto.seal(key, r.encryptionContext(), privateKey);
        return new GenerateDataKeyPairResult(blob, privateKey, pair.publicKey(), key.arn(), r.keyPairSpec());
    }

    public GenerateDataKeyPairWithoutPlaintextResult generateWithoutPlaintext(Call call, GenerateDataKeyPairRequest r) {
        GenerateDataKeyPairResult full = generate(call, r);
        full.destroyPlaintext();
        return new GenerateDataKeyPairWithoutPlaintextResult(full.privateKeyCiphertextBlob(), full.publicKey(),
                full.keyId(), full.keyPairSpec());
    }
}
