package dev.kmslab.engine.imports;

import dev.kmslab.engine.ImportWrapper;
import dev.kmslab.engine.Validation;
import dev.kmslab.engine.core.Call;
import dev.kmslab.engine.core.EngineCore;
import dev.kmslab.engine.core.ImportedMaterials;
import dev.kmslab.engine.core.KeyIdForms;
import dev.kmslab.engine.core.StateStore;
import dev.kmslab.engine.Validation;
import dev.kmslab.engine.crypto.AesKeyMaterial;
import dev.kmslab.engine.crypto.KeyMaterial;
import dev.kmslab.engine.crypto.asymmetric.KeyMaterials;
import dev.kmslab.engine.error.ExpiredImportTokenException;
import dev.kmslab.engine.error.IncorrectKeyMaterialException;
import dev.kmslab.engine.error.InvalidImportTokenException;
import dev.kmslab.engine.error.KMSInvalidStateException;
import dev.kmslab.engine.error.KmsException;
import dev.kmslab.engine.error.NotFoundException;
import dev.kmslab.engine.error.UnsupportedOperationException;
import dev.kmslab.engine.error.ValidationException;
import dev.kmslab.engine.model.AlgorithmSpec;
import dev.kmslab.engine.model.DeleteImportedKeyMaterialRequest;
import dev.kmslab.engine.model.DeleteImportedKeyMaterialResult;
import dev.kmslab.engine.model.ExpirationModelType;
import dev.kmslab.engine.model.GetParametersForImportRequest;
import dev.kmslab.engine.model.GetParametersForImportResult;
import dev.kmslab.engine.model.ImportKeyMaterialRequest;
import dev.kmslab.engine.model.ImportKeyMaterialResult;
import dev.kmslab.engine.model.ImportType;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.OriginType;
import dev.kmslab.engine.state.ImportToken;
import dev.kmslab.engine.state.ImportTokens;
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
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Imported key material: GetParametersForImport, ImportKeyMaterial and DeleteImportedKeyMaterial, for keys created
 * with Origin EXTERNAL; the rules for a key's several materials are in {@link ImportedMaterials}. Material that
 * expires is deleted by {@link ScheduledWork} at its ValidTo on the engine clock. A key material id is (as in AWS)
 * derived from the key id and the material, so a re-import can be matched to the material it restores.
 *
 * <p>Import tokens, with their wrapping private keys, are kept in the engine state and so sealed in the keystore with
 * everything else: a restart within the 24 hours keeps a token usable.
 */
public final class ImportOperations {

    public static final Duration TOKEN_LIFETIME = ImportTokens.LIFETIME;
    public static final Duration MAX_VALIDITY = Duration.ofDays(365);
    private static final int TOKEN_BYTES = 48;
    private static final Pattern DESCRIPTION = Pattern.compile("^[a-zA-Z0-9:/_\\s.-]+$");
    private static final Pattern MATERIAL_ID = Pattern.compile("^[a-f0-9]+$");

    private final EngineCore core;

    public ImportOperations(EngineCore core) {
        this.core = core;
    }

    public GetParametersForImportResult getParametersForImport(Call call, GetParametersForImportRequest r) {
        AlgorithmSpec algorithm = ImportWrapper.supported(r.wrappingAlgorithm());
        Validation.required("wrappingKeySpec", r.wrappingKeySpec());
        KeyRecord key = core.keyFor(call, core.store.current(), "keyId", r.keyId(), KeyIdForms.KEY_ONLY, null,
                Map.of("kms:WrappingAlgorithm", algorithm.name(), "kms:WrappingKeySpec", r.wrappingKeySpec().name()));
        requireExternal(key);
        requireCompatible(key.keySpec(), algorithm, r.wrappingKeySpec().bits());
        // Generated outside the store's lock: an RSA-4096 key pair can take a while.
        KeyPair wrapping = rsaKeyPair(r.wrappingKeySpec().bits());
        ImportToken token = new ImportToken(core.random.bytes(TOKEN_BYTES), key.keyId(), algorithm, wrapping,
                call.now.plus(TOKEN_LIFETIME));
        core.store.mutate(state -> new StateStore.Change<>(
                state.withImportTokens(state.importTokens().with(token, call.now)), null));
        return new GetParametersForImportResult(key.arn(), token.token(), wrapping.getPublic().getEncoded(),
                token.validTo());
    }

    public ImportKeyMaterialResult importKeyMaterial(Call call, ImportKeyMaterialRequest r) {
        Validation.required("importToken", r.importToken());
        Validation.required("encryptedKeyMaterial", r.encryptedKeyMaterial());
        checkMembers(r);
        ExpirationModelType model = r.expirationModel() == null ? ExpirationModelType.KEY_MATERIAL_EXPIRES
                : r.expirationModel();
        ImportType type = r.importType() == null ? ImportType.EXISTING_KEY_MATERIAL : r.importType();
        return core.store.mutate(state -> {
            KeyRecord key = core.keyFor(call, state, "keyId", r.keyId(), KeyIdForms.KEY_ONLY, null,
                    Map.of("kms:ExpirationModel", model.name()));
            requireExternal(key);
            requireSymmetricFor(key, type, r.keyMaterialId());
            checkValidTo(model, r.validTo(), call.now);
            ImportToken token = state.importTokens().find(r.importToken());
            if (token == null || !token.keyId().equals(key.keyId())) {
                throw new InvalidImportTokenException("The import token is not valid for " + key.arn()
                        + ". Use the token from the GetParametersForImport response for this key.");
            }
            if (!call.now.isBefore(token.validTo())) {
                throw new ExpiredImportTokenException("The import token expired at " + token.validTo()
                        + ". Call GetParametersForImport for a new wrapping key and import token.");
            }
            byte[] raw = ImportWrapper.unwrap(token.wrappingKey().getPrivate(), token.algorithm(),
                    r.encryptedKeyMaterial());
            try {
                String materialId = materialId(key.keyId(), raw);
                if (r.keyMaterialId() != null && !r.keyMaterialId().equals(materialId)) {
                    throw new IncorrectKeyMaterialException("The key material does not have the KeyMaterialId "
                            + r.keyMaterialId() + ".");
                }
                KeyVersion placed = place(key, type, materialId, raw,
                        new Expiry(model, model == ExpirationModelType.KEY_MATERIAL_EXPIRES ? r.validTo() : null),
                        r.keyMaterialDescription(), call.now);
                KeyRecord updated = ImportedMaterials.settle(key.withVersion(placed));
                return new StateStore.Change<>(state.withKey(updated),
                        new ImportKeyMaterialResult(key.arn(), materialId));
            } finally {
                Arrays.fill(raw, (byte) 0);
            }
        });
    }

    public DeleteImportedKeyMaterialResult deleteImportedKeyMaterial(Call call, DeleteImportedKeyMaterialRequest r) {
        if (r.keyMaterialId() != null) {
            checkMaterialId(r.keyMaterialId());
        }
        return core.store.mutate(state -> {
            KeyRecord key = core.keyFor(call, state, "keyId", r.keyId(), KeyIdForms.KEY_ONLY, null, null);
            requireExternal(key);
            KeyVersion target = r.keyMaterialId() == null ? key.current()
                    : ImportedMaterials.find(key, r.keyMaterialId());
            if (target == null) {
                throw new NotFoundException("Key material " + r.keyMaterialId() + " is not associated with "
                        + key.arn() + ".");
            }
            return new StateStore.Change<>(state.withKey(ImportedMaterials.delete(key, target)),
                    new DeleteImportedKeyMaterialResult(key.arn(), target.keyMaterialId()));
        });
    }

    /** When and whether one import's material expires. */
    private record Expiry(ExpirationModelType model, Instant validTo) {
    }

    /**
     * The version the imported material goes into. The first material of a key fills its version 1 and becomes
     * current, whatever the ImportType; EXISTING_KEY_MATERIAL must be material the key already holds (restoring it
     * after deletion or expiry, or changing its expiry); NEW_KEY_MATERIAL appends material pending rotation.
     */
    private static KeyVersion place(KeyRecord key, ImportType type, String materialId, byte[] raw, Expiry expiry,
                                    String description, Instant now) {
        KeyVersion current = key.current();
        if (current.keyMaterialId() == null) {
            return material(key, current.version(), materialId, raw, current.createdAt(), null, expiry, description,
                    false);
        }
        KeyVersion match = ImportedMaterials.find(key, materialId);
        if (type == ImportType.EXISTING_KEY_MATERIAL) {
            if (match == null) {
                throw new IncorrectKeyMaterialException("The key material is not the same key material that was "
                        + "previously imported into " + key.arn() + "."
                        + (key.keySpec() == KeySpec.SYMMETRIC_DEFAULT ? " To add different key material for an "
                        + "on-demand rotation, import it with ImportType NEW_KEY_MATERIAL." : ""));
            }
            return material(key, match.version(), materialId, raw, match.createdAt(), match.rotationType(), expiry,
                    description == null ? match.description() : description, match.pendingRotation());
        }
        if (match != null) {
            throw new IncorrectKeyMaterialException("This key material is already associated with " + key.arn()
                    + ". To import it again, use ImportType EXISTING_KEY_MATERIAL.");
        }
        KeyVersion pending = key.pendingRotation();
        if (pending != null) {
            throw new KMSInvalidStateException(key.arn() + " already has key material " + pending.keyMaterialId()
                    + " pending rotation. Rotate the key on demand, or delete that key material, before importing "
                    + "new key material.");
        }
        return material(key, key.versions().size() + 1, materialId, raw, now, null, expiry, description, true);
    }

    private static KeyVersion material(KeyRecord key, int version, String materialId, byte[] raw,
                                       Instant createdAt, dev.kmslab.engine.model.RotationType rotationType,
                                       Expiry expiry, String description, boolean pending) {
        if (key.keySpec() == KeySpec.SYMMETRIC_DEFAULT) {
            if (raw.length != 32) {
                throw new IncorrectKeyMaterialException("Key material for a SYMMETRIC_DEFAULT key must be 256 bits "
                        + "(32 bytes), not " + raw.length + " bytes.");
            }
            return new KeyVersion(version, materialId, AesKeyMaterial.copyOf(raw), createdAt, rotationType,
                    expiry.model(), expiry.validTo(), description, pending);
        }
        return new KeyVersion(version, materialId, decode(key.keySpec(), raw), createdAt, rotationType,
                expiry.model(), expiry.validTo(), description, pending);
    }

    private static KeyMaterial decode(KeySpec spec, byte[] raw) {
        try {
            return KeyMaterials.decode(spec, raw);
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
    public static String materialId(String keyId, byte[] material) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(material, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(keyId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IncorrectKeyMaterialException("The key material is empty or invalid.");
        }
    }

    private static void checkMembers(ImportKeyMaterialRequest r) {
        if (r.keyMaterialDescription() != null) {
            Validation.length("keyMaterialDescription", r.keyMaterialDescription().length(), 0, 256);
            Validation.pattern("keyMaterialDescription", r.keyMaterialDescription(), DESCRIPTION);
        }
        if (r.keyMaterialId() != null) {
            checkMaterialId(r.keyMaterialId());
            if (r.importType() == ImportType.NEW_KEY_MATERIAL) {
                throw new ValidationException("KeyMaterialId cannot be specified when ImportType is "
                        + "NEW_KEY_MATERIAL: KMS assigns the id of new key material.");
            }
        }
    }

    private static void checkMaterialId(String keyMaterialId) {
        Validation.length("keyMaterialId", keyMaterialId.length(), 64, 64);
        Validation.pattern("keyMaterialId", keyMaterialId, MATERIAL_ID);
    }

    /** Asymmetric and HMAC keys keep the one material first imported: no new material, no material ids to pick. */
    private static void requireSymmetricFor(KeyRecord key, ImportType type, String keyMaterialId) {
        if (key.keySpec() == KeySpec.SYMMETRIC_DEFAULT) {
            return;
        }
        if (type == ImportType.NEW_KEY_MATERIAL) {
            throw new UnsupportedOperationException(key.arn() + " is a " + key.keySpec() + " key: only symmetric "
                    + "encryption keys can take new key material. Other keys keep the key material first imported.");
        }
        if (keyMaterialId != null) {
            throw new ValidationException("KeyMaterialId can be specified only for symmetric encryption keys.");
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
        if (spec.family() == KeySpec.Family.RSA) {
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
