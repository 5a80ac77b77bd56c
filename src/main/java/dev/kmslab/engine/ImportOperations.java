package dev.kmslab.engine;

import dev.kmslab.engine.crypto.KeyMaterial;
import dev.kmslab.engine.crypto.asymmetric.KeyMaterials;
import dev.kmslab.engine.error.ExpiredImportTokenException;
import dev.kmslab.engine.error.IncorrectKeyMaterialException;
import dev.kmslab.engine.error.InvalidImportTokenException;
import dev.kmslab.engine.error.KmsException;
import dev.kmslab.engine.error.UnsupportedOperationException;
import dev.kmslab.engine.error.ValidationException;
import dev.kmslab.engine.model.AlgorithmSpec;
import dev.kmslab.engine.model.DeleteImportedKeyMaterialResult;
import dev.kmslab.engine.model.ExpirationModelType;
import dev.kmslab.engine.model.GetParametersForImportRequest;
import dev.kmslab.engine.model.GetParametersForImportResult;
import dev.kmslab.engine.model.ImportKeyMaterialRequest;
import dev.kmslab.engine.model.ImportKeyMaterialResult;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyState;
import dev.kmslab.engine.model.OriginType;
import dev.kmslab.engine.state.KeyRecord;
import dev.kmslab.engine.state.KeyVersion;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.RSAKeyGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Imported key material: GetParametersForImport, ImportKeyMaterial and DeleteImportedKeyMaterial, for keys created
 * with Origin EXTERNAL. Material that expires is deleted by {@link ScheduledWork} at its ValidTo on the engine clock,
 * which returns the key to PendingImport; only the same material can be imported again, checked through the key
 * material id, which (as in AWS) is derived from the key id and the material.
 *
 * <p>Wrapping key pairs and import tokens live in memory only: like a download that was never used, they are lost
 * when the engine stops, and an import with such a token fails with InvalidImportTokenException.
 */
final class ImportOperations {

    static final Duration TOKEN_LIFETIME = Duration.ofHours(24);
    static final Duration MAX_VALIDITY = Duration.ofDays(365);
    private static final int TOKEN_BYTES = 48;

    private final EngineCore core;
    private final Map<String, ImportParameters> parameters = new ConcurrentHashMap<>();

    ImportOperations(EngineCore core) {
        this.core = core;
    }

    /** One GetParametersForImport answer, remembered until its token expires. */
    private record ImportParameters(String keyId, AlgorithmSpec algorithm, KeyPair wrappingKey, Instant validTo) {
        @Override
        public String toString() {
            return "ImportParameters[" + keyId + ", " + algorithm + ", valid to " + validTo + "]";
        }
    }

    GetParametersForImportResult getParametersForImport(Call call, GetParametersForImportRequest r) {
        AlgorithmSpec algorithm = ImportWrapper.supported(r.wrappingAlgorithm());
        Validation.required("wrappingKeySpec", r.wrappingKeySpec());
        KeyRecord key = core.keyFor(call, core.store.current(), "keyId", r.keyId(), KeyIdForms.KEY_ONLY, null,
                Map.of("kms:WrappingAlgorithm", algorithm.name(), "kms:WrappingKeySpec", r.wrappingKeySpec().name()));
        requireExternal(key);
        requireCompatible(key.keySpec(), algorithm, r.wrappingKeySpec().bits());
        KeyPair wrapping = rsaKeyPair(r.wrappingKeySpec().bits());
        byte[] token = core.random.bytes(TOKEN_BYTES);
        Instant validTo = call.now.plus(TOKEN_LIFETIME);
        // Forget tokens a day after they expire: until then a late import still hears "expired", not "invalid".
        parameters.values().removeIf(p -> !p.validTo().plus(TOKEN_LIFETIME).isAfter(call.now));
        parameters.put(HexFormat.of().formatHex(token), new ImportParameters(key.keyId(), algorithm, wrapping,
                validTo));
        return new GetParametersForImportResult(key.arn(), token, wrapping.getPublic().getEncoded(), validTo);
    }

    ImportKeyMaterialResult importKeyMaterial(Call call, ImportKeyMaterialRequest r) {
        Validation.required("importToken", r.importToken());
        Validation.required("encryptedKeyMaterial", r.encryptedKeyMaterial());
        ExpirationModelType model = r.expirationModel() == null ? ExpirationModelType.KEY_MATERIAL_EXPIRES
                : r.expirationModel();
        return core.store.mutate(state -> {
            KeyRecord key = core.keyFor(call, state, "keyId", r.keyId(), KeyIdForms.KEY_ONLY, null,
                    Map.of("kms:ExpirationModel", model.name()));
            requireExternal(key);
            checkValidTo(model, r.validTo(), call.now);
            ImportParameters p = parameters.get(HexFormat.of().formatHex(r.importToken()));
            if (p == null || !p.keyId().equals(key.keyId())) {
                throw new InvalidImportTokenException("The import token is not valid for " + key.arn()
                        + ". Use the token from the GetParametersForImport response for this key.");
            }
            if (!call.now.isBefore(p.validTo())) {
                throw new ExpiredImportTokenException("The import token expired at " + p.validTo()
                        + ". Call GetParametersForImport for a new wrapping key and import token.");
            }
            byte[] raw = ImportWrapper.unwrap(p.wrappingKey().getPrivate(), p.algorithm(), r.encryptedKeyMaterial());
            try {
                KeyVersion imported = importedVersion(key, raw, model, r.validTo());
                KeyState next = key.keyState() == KeyState.PendingImport ? KeyState.Enabled : key.keyState();
                KeyRecord updated = key.withCurrentVersion(imported).withState(next, key.deletionDate(),
                        key.pendingWindowDays());
                return new StateStore.Change<>(state.withKey(updated),
                        new ImportKeyMaterialResult(key.arn(), imported.keyMaterialId()));
            } finally {
                Arrays.fill(raw, (byte) 0);
            }
        });
    }

    DeleteImportedKeyMaterialResult deleteImportedKeyMaterial(Call call, String keyId) {
        return core.store.mutate(state -> {
            KeyRecord key = core.keyFor(call, state, "keyId", keyId, KeyIdForms.KEY_ONLY, null, null);
            requireExternal(key);
            return new StateStore.Change<>(state.withKey(withoutMaterial(key)),
                    new DeleteImportedKeyMaterialResult(key.arn(), key.current().keyMaterialId()));
        });
    }

    /** The key with its imported material gone (deleted or expired): PendingImport until the same material returns. */
    static KeyRecord withoutMaterial(KeyRecord key) {
        return key.withCurrentVersion(key.current().withoutMaterial()).withState(KeyState.PendingImport, null, null);
    }

    private KeyVersion importedVersion(KeyRecord key, byte[] raw, ExpirationModelType model, Instant validTo) {
        KeyVersion current = key.current();
        String materialId = materialId(key.keyId(), raw);
        if (current.keyMaterialId() != null && !current.keyMaterialId().equals(materialId)) {
            throw new IncorrectKeyMaterialException("The key material is not the same key material that was "
                    + "previously imported into " + key.arn() + ".");
        }
        Instant expiry = model == ExpirationModelType.KEY_MATERIAL_EXPIRES ? validTo : null;
        if (key.keySpec() == KeySpec.SYMMETRIC_DEFAULT) {
            if (raw.length != 32) {
                throw new IncorrectKeyMaterialException("Key material for a SYMMETRIC_DEFAULT key must be 256 bits "
                        + "(32 bytes), not " + raw.length + " bytes.");
            }
            return new KeyVersion(current.version(), materialId, KeyMaterial.copyOf(raw), current.createdAt(),
                    current.rotationType(), null, model, expiry);
        }
        return new KeyVersion(current.version(), materialId, null, current.createdAt(), current.rotationType(),
                decode(key.keySpec(), raw), model, expiry);
    }

    private static dev.kmslab.engine.crypto.asymmetric.KeyMaterial decode(KeySpec spec, byte[] raw) {
        try {
            return KeyMaterials.decode(SpecMapping.spec(spec), raw);
        } catch (KmsException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IncorrectKeyMaterialException("The key material is not a valid " + spec + " private key "
                    + "(PKCS#8 PrivateKeyInfo DER).");
        }
    }

    /**
     * The public id of imported material: HMAC-SHA256 keyed by the material over the key id. Deterministic, so a
     * re-import can be compared with what was imported before without keeping the material after it is deleted.
     */
    static String materialId(String keyId, byte[] material) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(material, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(keyId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IncorrectKeyMaterialException("The key material is empty or invalid.");
        }
    }

    private static void checkValidTo(ExpirationModelType model, Instant validTo, Instant now) {
        if (model == ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE) {
            if (validTo != null) {
                throw new ValidationException("ValidTo must be omitted when ExpirationModel is "
                        + "KEY_MATERIAL_DOES_NOT_EXPIRE.");
            }
            return;
        }
        if (validTo == null) {
            throw new ValidationException("ValidTo is required when ExpirationModel is KEY_MATERIAL_EXPIRES.");
        }
        if (!validTo.isAfter(now) || validTo.isAfter(now.plus(MAX_VALIDITY))) {
            throw new ValidationException("ValidTo must be in the future and at most 365 days from now (" + now
                    + ").");
        }
    }

    private static void requireExternal(KeyRecord key) {
        if (key.origin() != OriginType.EXTERNAL) {
            throw new UnsupportedOperationException(key.arn() + " origin is " + key.origin() + ": key material "
                    + "can be imported only into keys created with Origin EXTERNAL.");
        }
    }

    /** AWS's rules: RSA private keys need an RSA_AES wrap; P-521 material is too long for OAEP under RSA_2048. */
    private static void requireCompatible(KeySpec spec, AlgorithmSpec algorithm, int wrappingBits) {
        if (ImportWrapper.isKeyWrap(algorithm)) {
            return;
        }
        if (spec.name().startsWith("RSA_")) {
            throw new ValidationException("RSA key material must be wrapped with RSA_AES_KEY_WRAP_SHA_1 or "
                    + "RSA_AES_KEY_WRAP_SHA_256, not " + algorithm + ".");
        }
        if (spec == KeySpec.ECC_NIST_P521 && wrappingBits == 2048) {
            throw new ValidationException("ECC_NIST_P521 key material is too long for " + algorithm + " with an "
                    + "RSA_2048 wrapping key; use a larger wrapping key or an RSA_AES_KEY_WRAP algorithm.");
        }
    }

    private static KeyPair rsaKeyPair(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(new RSAKeyGenParameterSpec(bits, RSAKeyGenParameterSpec.F4));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation failed", e);
        }
    }
}
