package dev.kmslab.study.labs;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.ImportWrapper;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.cks.FakeHsm;
import dev.kmslab.engine.error.KmsException;
import dev.kmslab.engine.model.AlgorithmSpec;
import dev.kmslab.engine.model.CancelKeyDeletionRequest;
import dev.kmslab.engine.model.ConnectCustomKeyStoreRequest;
import dev.kmslab.engine.model.CreateAliasRequest;
import dev.kmslab.engine.model.CreateCustomKeyStoreRequest;
import dev.kmslab.engine.model.CreateGrantRequest;
import dev.kmslab.engine.model.CreateGrantResult;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.DeleteAliasRequest;
import dev.kmslab.engine.model.DeleteImportedKeyMaterialRequest;
import dev.kmslab.engine.model.DisableKeyRequest;
import dev.kmslab.engine.model.DisableKeyRotationRequest;
import dev.kmslab.engine.model.DisconnectCustomKeyStoreRequest;
import dev.kmslab.engine.model.EnableKeyRequest;
import dev.kmslab.engine.model.EnableKeyRotationRequest;
import dev.kmslab.engine.model.EncryptRequest;
import dev.kmslab.engine.model.ExpirationModelType;
import dev.kmslab.engine.model.GenerateDataKeyRequest;
import dev.kmslab.engine.model.GenerateDataKeyResult;
import dev.kmslab.engine.model.GenerateMacRequest;
import dev.kmslab.engine.model.GetParametersForImportRequest;
import dev.kmslab.engine.model.GetParametersForImportResult;
import dev.kmslab.engine.model.GetPublicKeyRequest;
import dev.kmslab.engine.model.ImportKeyMaterialRequest;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.MacAlgorithmSpec;
import dev.kmslab.engine.model.MessageType;
import dev.kmslab.engine.model.OriginType;
import dev.kmslab.engine.model.PutKeyPolicyRequest;
import dev.kmslab.engine.model.ReEncryptRequest;
import dev.kmslab.engine.model.ReplicateKeyRequest;
import dev.kmslab.engine.model.RetireGrantRequest;
import dev.kmslab.engine.model.RevokeGrantRequest;
import dev.kmslab.engine.model.RotateKeyOnDemandRequest;
import dev.kmslab.engine.model.ScheduleKeyDeletionRequest;
import dev.kmslab.engine.model.SignRequest;
import dev.kmslab.engine.model.SigningAlgorithmSpec;
import dev.kmslab.engine.model.Tag;
import dev.kmslab.engine.model.TagResourceRequest;
import dev.kmslab.engine.model.UntagResourceRequest;
import dev.kmslab.engine.model.UpdateAliasRequest;
import dev.kmslab.engine.model.UpdateKeyDescriptionRequest;
import dev.kmslab.engine.model.UpdatePrimaryRegionRequest;
import dev.kmslab.engine.model.VerifyMacRequest;
import dev.kmslab.engine.model.VerifyRequest;
import dev.kmslab.engine.model.WrappingKeySpec;
import dev.kmslab.engine.model.GrantConstraints;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Performs lab operations on a sandbox's engines, translating lab names into ids and requests. */
final class LabOperations {

    /** A grant the lab created: its key, id and token (tokens let operations and checks use it at once). */
    record GrantHandle(String keyId, String grantId, String token) {
    }

    /** The simulated HSM needs no library on disk, but the request needs an absolute path to name one. */
    private static final Path SIMULATED_MODULE = Path.of(System.getProperty("java.io.tmpdir"))
            .resolve("kmslab-simulated-hsm.so").toAbsolutePath();

    private final LabSandbox sandbox;

    LabOperations(LabSandbox sandbox) {
        this.sandbox = sandbox;
    }

    String run(LabOperation op) {
        LabArgs a = op.args();
        Optional<String> expected = a.text("expectError");
        try {
            String done = perform(op.op(), a);
            if (expected.isPresent()) {
                throw new IllegalStateException(op.op() + " was expected to fail with " + expected.get()
                        + " but succeeded");
            }
            return done;
        } catch (KmsException e) {
            if (expected.isPresent() && expected.get().equals(e.getClass().getSimpleName())) {
                return op.op() + " failed as expected: " + e.getClass().getSimpleName();
            }
            throw e;
        }
    }

    CallerContext caller(LabArgs a) {
        String arn = PrincipalRef.arn(a.text("as").orElse("root"), sandbox.account());
        List<String> tokens = new ArrayList<>();
        for (String grant : a.list("grantTokens")) {
            sandbox.grant(grant).ifPresent(g -> tokens.add(g.token()));
        }
        return new CallerContext(arn, a.text("viaService"), tokens);
    }

    private String perform(String name, LabArgs a) {
        KmsEngine engine = sandbox.engine(a.text("region"));
        String region = engine.region();
        CallerContext caller = caller(a);
        switch (name) {
            case "CreatePrincipal" -> {
                String ref = a.requireText("principal");
                String account = PrincipalRef.account(ref, sandbox.account());
                if ("role".equals(PrincipalRef.type(ref))) {
                    engine.principals().createRole(account, PrincipalRef.name(ref));
                } else {
                    engine.principals().createUser(account, PrincipalRef.name(ref));
                }
                return "created " + PrincipalRef.arn(ref, sandbox.account());
            }
            case "AttachPolicy", "DetachPolicy" -> {
                String ref = a.requireText("principal");
                String account = PrincipalRef.account(ref, sandbox.account());
                boolean role = "role".equals(PrincipalRef.type(ref));
                String policyName = a.requireText("policyName");
                if (name.equals("DetachPolicy")) {
                    if (role) {
                        engine.principals().detachRolePolicy(account, PrincipalRef.name(ref), policyName);
                    } else {
                        engine.principals().detachUserPolicy(account, PrincipalRef.name(ref), policyName);
                    }
                    return "detached " + policyName;
                }
                String json = sandbox.substitute(a.json("policy").orElseThrow(), region);
                if (role) {
                    engine.principals().attachRolePolicy(account, PrincipalRef.name(ref), policyName, json);
                } else {
                    engine.principals().attachUserPolicy(account, PrincipalRef.name(ref), policyName, json);
                }
                return "attached " + policyName + " to " + ref;
            }
            case "CreateCustomKeyStore" -> {
                String store = a.requireText("store");
                String id = engine.customKeyStores().createCustomKeyStore(caller, new CreateCustomKeyStoreRequest(
                        store, SIMULATED_MODULE, null, null, "lab-" + store,
                        FakeHsm.DEMO_PIN.toCharArray())).customKeyStoreId();
                sandbox.rememberStore(store, id);
                engine.customKeyStores().connectCustomKeyStore(caller, new ConnectCustomKeyStoreRequest(id));
                return "created and connected " + store + " (" + id + ")";
            }
            case "ConnectCustomKeyStore" -> {
                engine.customKeyStores().connectCustomKeyStore(caller, new ConnectCustomKeyStoreRequest(store(a)));
                return "connected " + a.requireText("store");
            }
            case "DisconnectCustomKeyStore" -> {
                engine.customKeyStores().disconnectCustomKeyStore(caller,
                        new DisconnectCustomKeyStoreRequest(store(a)));
                return "disconnected " + a.requireText("store");
            }
            case "CreateKey" -> {
                return createKey(engine, caller, a);
            }
            case "PutKeyPolicy" -> {
                engine.putKeyPolicy(caller, new PutKeyPolicyRequest(key(a), "default",
                        sandbox.substitute(a.json("policy").orElseThrow(), region), false));
                return "key policy of " + a.requireText("key") + " replaced";
            }
            case "CreateGrant" -> {
                List<String> tokens = new ArrayList<>();
                for (String g : a.list("grantTokens")) {
                    sandbox.grant(g).ifPresent(h -> tokens.add(h.token()));
                }
                CreateGrantResult r = engine.createGrant(new CallerContext(caller.principalArn(),
                        caller.viaService(), List.of()), new CreateGrantRequest(key(a),
                        PrincipalRef.arn(a.requireText("grantee"), sandbox.account()),
                        a.text("retiring").map(p -> PrincipalRef.arn(p, sandbox.account())).orElse(null),
                        a.list("operations"), constraints(a), tokens, a.text("name").orElse(null)));
                a.text("name").ifPresent(n -> sandbox.rememberGrant(n, new GrantHandle(key(a), r.grantId(),
                        r.grantToken())));
                return "grant " + r.grantId() + " created";
            }
            case "RetireGrant" -> {
                GrantHandle g = grant(a);
                engine.retireGrant(caller, new RetireGrantRequest(null, g.keyId(), g.grantId()));
                return "grant " + a.requireText("grant") + " retired";
            }
            case "RevokeGrant" -> {
                GrantHandle g = grant(a);
                engine.revokeGrant(caller, new RevokeGrantRequest(g.keyId(), g.grantId()));
                return "grant " + a.requireText("grant") + " revoked";
            }
            case "EnableKeyRotation" -> {
                engine.enableKeyRotation(caller, new EnableKeyRotationRequest(key(a),
                        a.integer("rotationPeriodDays").orElse(null)));
                return "automatic rotation on";
            }
            case "DisableKeyRotation" -> {
                engine.disableKeyRotation(caller, new DisableKeyRotationRequest(key(a)));
                return "automatic rotation off";
            }
            case "RotateKeyOnDemand" -> {
                engine.rotateKeyOnDemand(caller, new RotateKeyOnDemandRequest(key(a)));
                return "rotated on demand";
            }
            case "EnableKey" -> {
                engine.enableKey(caller, new EnableKeyRequest(key(a)));
                return "enabled";
            }
            case "DisableKey" -> {
                engine.disableKey(caller, new DisableKeyRequest(key(a)));
                return "disabled";
            }
            case "ScheduleKeyDeletion" -> {
                engine.scheduleKeyDeletion(caller, new ScheduleKeyDeletionRequest(key(a),
                        a.integer("pendingWindowInDays").orElse(null)));
                return "deletion scheduled";
            }
            case "CancelKeyDeletion" -> {
                engine.cancelKeyDeletion(caller, new CancelKeyDeletionRequest(key(a)));
                return "deletion cancelled";
            }
            case "CreateAlias" -> {
                engine.createAlias(caller, new CreateAliasRequest(a.requireText("alias"), key(a)));
                return "alias created";
            }
            case "UpdateAlias" -> {
                engine.updateAlias(caller, new UpdateAliasRequest(a.requireText("alias"), key(a)));
                return "alias updated";
            }
            case "DeleteAlias" -> {
                engine.deleteAlias(caller, new DeleteAliasRequest(a.requireText("alias")));
                return "alias deleted";
            }
            case "TagResource" -> {
                engine.tagResource(caller, new TagResourceRequest(key(a), tags(a.map("tags"))));
                return "tagged";
            }
            case "UntagResource" -> {
                engine.untagResource(caller, new UntagResourceRequest(key(a), a.list("tagKeys")));
                return "untagged";
            }
            case "UpdateKeyDescription" -> {
                engine.updateKeyDescription(caller, new UpdateKeyDescriptionRequest(key(a),
                        a.requireText("description")));
                return "description updated";
            }
            case "Encrypt" -> {
                byte[] blob = engine.encrypt(caller, EncryptRequest.of(key(a), utf8(a.requireText("plaintext")),
                        a.map("context"))).ciphertextBlob();
                a.text("saveAs").ifPresent(n -> sandbox.save(n, blob));
                return "encrypted" + a.text("saveAs").map(n -> " as " + n).orElse("");
            }
            case "Decrypt" -> {
                byte[] plain = engine.decrypt(caller, DecryptRequest.of(saved(a, "ciphertext"), a.map("context")))
                        .plaintext();
                Arrays.fill(plain, (byte) 0);
                return "decrypted " + a.requireText("ciphertext");
            }
            case "ReEncrypt" -> {
                byte[] blob = engine.reEncrypt(caller, ReEncryptRequest.of(saved(a, "ciphertext"),
                        a.map("sourceContext"), sandbox.keyId(a.requireText("destinationKey")),
                        a.map("destinationContext"))).ciphertextBlob();
                a.text("saveAs").ifPresent(n -> sandbox.save(n, blob));
                return "re-encrypted under " + a.requireText("destinationKey");
            }
            case "GenerateDataKey" -> {
                GenerateDataKeyResult r = engine.generateDataKey(caller, GenerateDataKeyRequest.aes256(key(a),
                        a.map("context")));
                r.destroyPlaintext();
                a.text("saveAs").ifPresent(n -> sandbox.save(n, r.ciphertextBlob()));
                return "data key generated";
            }
            case "Sign" -> {
                byte[] sig = engine.sign(caller, SignRequest.raw(key(a), utf8(a.requireText("message")),
                        SigningAlgorithmSpec.valueOf(a.requireText("algorithm")))).signature();
                a.text("saveAs").ifPresent(n -> sandbox.save(n, sig));
                return "signed";
            }
            case "Verify" -> {
                engine.verify(caller, new VerifyRequest(key(a), utf8(a.requireText("message")), MessageType.RAW,
                        saved(a, "signature"), SigningAlgorithmSpec.valueOf(a.requireText("algorithm"))));
                return "signature valid";
            }
            case "GetPublicKey" -> {
                engine.getPublicKey(caller, new GetPublicKeyRequest(key(a)));
                return "public key downloaded";
            }
            case "GenerateMac" -> {
                byte[] mac = engine.generateMac(caller, new GenerateMacRequest(utf8(a.requireText("message")),
                        key(a), MacAlgorithmSpec.valueOf(a.requireText("algorithm")))).mac();
                a.text("saveAs").ifPresent(n -> sandbox.save(n, mac));
                return "MAC generated";
            }
            case "VerifyMac" -> {
                engine.verifyMac(caller, new VerifyMacRequest(utf8(a.requireText("message")), key(a),
                        MacAlgorithmSpec.valueOf(a.requireText("algorithm")), saved(a, "mac")));
                return "MAC valid";
            }
            case "ReplicateKey" -> {
                engine.replicateKey(caller, new ReplicateKeyRequest(key(a), a.requireText("replicaRegion")));
                return "replicated to " + a.requireText("replicaRegion");
            }
            case "UpdatePrimaryRegion" -> {
                engine.updatePrimaryRegion(caller, new UpdatePrimaryRegionRequest(key(a),
                        a.requireText("primaryRegion")));
                return "primary moved to " + a.requireText("primaryRegion");
            }
            case "ImportKeyMaterial" -> {
                importMaterial(engine, caller, key(a), a.requireText("material"), a.integer("expiresInDays"));
                return "key material imported";
            }
            case "DeleteImportedKeyMaterial" -> {
                engine.deleteImportedKeyMaterial(caller, new DeleteImportedKeyMaterialRequest(key(a), null));
                return "imported key material deleted";
            }
            case "AdvanceClock" -> {
                Duration d = Duration.ofDays(a.integer("days").orElse(0)).plusHours(a.integer("hours").orElse(0));
                engine.advanceClock(d);
                return "clock moved forward " + d.toDays() + " days";
            }
            default -> throw new IllegalArgumentException("unknown lab operation " + name);
        }
    }

    private String createKey(KmsEngine engine, CallerContext caller, LabArgs a) {
        String region = engine.region();
        Optional<String> store = a.text("customKeyStore");
        OriginType origin = store.isPresent() ? OriginType.AWS_CLOUDHSM
                : a.text("origin").map(OriginType::valueOf).orElse(null);
        String policy = a.json("policy").map(p -> sandbox.substitute(p, region)).orElse(null);
        CreateKeyRequest request = new CreateKeyRequest(a.text("description").orElse(null),
                a.text("keyUsage").map(KeyUsage::valueOf).orElse(null),
                a.text("keySpec").map(KeySpec::valueOf).orElse(null), origin,
                a.has("tags") ? tags(a.map("tags")) : null, policy, policy != null ? Boolean.TRUE : null,
                a.bool("multiRegion").orElse(null), store.map(s -> sandbox.storeId(s).orElseThrow(() ->
                        new IllegalArgumentException("no custom key store " + s))).orElse(null));
        String keyId = engine.createKey(caller, request).keyMetadata().keyId();
        String keyName = a.requireText("name");
        sandbox.rememberKey(keyName, keyId);
        if (a.has("material")) {
            importMaterial(engine, caller, keyId, a.requireText("material"), a.integer("expiresInDays"));
        }
        for (String alias : a.list("aliases")) {
            engine.createAlias(caller, new CreateAliasRequest(alias, keyId));
        }
        a.integer("rotationPeriodDays").ifPresent(days -> engine.enableKeyRotation(caller,
                new EnableKeyRotationRequest(keyId, days)));
        return "created key " + keyName + " (" + keyId + ")";
    }

    /** Wraps the lab's material as a client would (RSA-AES key wrap, SHA-256) and imports it. */
    private void importMaterial(KmsEngine engine, CallerContext caller, String keyId, String materialName,
                                Optional<Integer> expiresInDays) {
        byte[] material = sandbox.material(materialName).orElseThrow(() -> new IllegalArgumentException(
                "no key material named " + materialName));
        try {
            GetParametersForImportResult params = engine.getParametersForImport(caller,
                    new GetParametersForImportRequest(keyId, AlgorithmSpec.RSA_AES_KEY_WRAP_SHA_256,
                            WrappingKeySpec.RSA_3072));
            byte[] wrapped = ImportWrapper.wrap(params.publicKey(), AlgorithmSpec.RSA_AES_KEY_WRAP_SHA_256,
                    material);
            ImportKeyMaterialRequest request = expiresInDays.isPresent()
                    ? new ImportKeyMaterialRequest(keyId, params.importToken(), wrapped,
                            engine.now().plus(Duration.ofDays(expiresInDays.get())),
                            ExpirationModelType.KEY_MATERIAL_EXPIRES)
                    : ImportKeyMaterialRequest.withoutExpiry(keyId, params.importToken(), wrapped);
            engine.importKeyMaterial(caller, request);
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    private String key(LabArgs a) {
        return sandbox.keyId(a.requireText("key"));
    }

    private String store(LabArgs a) {
        String name = a.requireText("store");
        return sandbox.storeId(name).orElseThrow(() -> new IllegalArgumentException("no custom key store " + name));
    }

    private GrantHandle grant(LabArgs a) {
        String name = a.requireText("grant");
        return sandbox.grant(name).orElseThrow(() -> new IllegalArgumentException("no grant named " + name));
    }

    private byte[] saved(LabArgs a, String member) {
        String name = a.requireText(member);
        return sandbox.saved(name).orElseThrow(() -> new IllegalArgumentException("nothing was saved as " + name));
    }

    static GrantConstraints constraints(LabArgs a) {
        return a.object("constraints").map(c -> new GrantConstraints(c.map("encryptionContextSubset"),
                c.map("encryptionContextEquals"))).orElse(null);
    }

    private static List<Tag> tags(Map<String, String> tags) {
        List<Tag> out = new ArrayList<>();
        tags.forEach((k, v) -> out.add(new Tag(k, v)));
        return out;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
