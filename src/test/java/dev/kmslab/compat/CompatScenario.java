package dev.kmslab.compat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.EngineConfig;
import dev.kmslab.engine.EngineDataKeyProvider;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.KmsRegions;
import dev.kmslab.engine.cks.FakeHsm;
import dev.kmslab.engine.envelope.EnvelopeEncryptor;
import dev.kmslab.engine.envelope.EnvelopeOptions;
import dev.kmslab.engine.model.AlgorithmSpec;
import dev.kmslab.engine.model.CreateAliasRequest;
import dev.kmslab.engine.model.CreateCustomKeyStoreRequest;
import dev.kmslab.engine.model.CreateGrantRequest;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.DataKeySpec;
import dev.kmslab.engine.model.DescribeKeyRequest;
import dev.kmslab.engine.model.GetKeyPolicyRequest;
import dev.kmslab.engine.model.IncludeKeyMaterial;
import dev.kmslab.engine.model.ListAliasesRequest;
import dev.kmslab.engine.model.ListGrantsRequest;
import dev.kmslab.engine.model.ListKeyRotationsRequest;
import dev.kmslab.engine.model.ListResourceTagsRequest;
import dev.kmslab.engine.model.EnableKeyRotationRequest;
import dev.kmslab.engine.model.EncryptRequest;
import dev.kmslab.engine.model.GenerateDataKeyRequest;
import dev.kmslab.engine.model.GenerateMacRequest;
import dev.kmslab.engine.model.GetParametersForImportRequest;
import dev.kmslab.engine.model.GetParametersForImportResult;
import dev.kmslab.engine.model.ImportKeyMaterialRequest;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.MacAlgorithmSpec;
import dev.kmslab.engine.model.OriginType;
import dev.kmslab.engine.model.PutKeyPolicyRequest;
import dev.kmslab.engine.model.ReplicateKeyRequest;
import dev.kmslab.engine.model.RotateKeyOnDemandRequest;
import dev.kmslab.engine.model.ScheduleKeyDeletionRequest;
import dev.kmslab.engine.model.SignRequest;
import dev.kmslab.engine.model.SigningAlgorithmSpec;
import dev.kmslab.engine.model.Tag;
import dev.kmslab.engine.model.TagResourceRequest;
import dev.kmslab.engine.model.WrappingKeySpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * The fixed script of calls behind the compatibility fixtures in {@code src/test/resources/compat}: keys of every
 * kind (symmetric with rotations, RSA and ECC signing, HMAC, imported material, multi-Region with a replica), with
 * aliases, a key policy, a grant and tags, a custom key store (its record only), then ciphertexts, signatures, MACs and envelope messages made with them.
 * {@link CompatFixtureGenerator} ran it once with the pre-redesign build and saved the result; {@link CompatibilityTest}
 * runs it again to check that the audit log still has the same shape. The regions must run on a simulated clock
 * starting at {@link #START}.
 *
 * <p>Only the public facade is used (and JCE for the client side of the import), so the script keeps compiling
 * whatever happens to the engine's internals.
 */
final class CompatScenario {

    static final Instant START = Instant.parse("2026-06-01T09:00:00Z");
    static final CallerContext ROOT = CallerContext.root(EngineConfig.DEFAULT_ACCOUNT);
    static final String EAST = "us-east-1";
    static final String EU = "eu-west-1";
    static final String ROLE_ARN = "arn:aws:iam::111122223333:role/CompatApp";
    static final String POLICY = """
            {
              "Version": "2012-10-17",
              "Id": "compat-policy",
              "Statement": [
                {
                  "Sid": "Enable IAM User Permissions",
                  "Effect": "Allow",
                  "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
                  "Action": "kms:*",
                  "Resource": "*"
                }
              ]
            }""";
    /** 32 fixed bytes imported as key material, so a test can import them again and compare ciphertexts. */
    static final byte[] IMPORTED_MATERIAL = ascending(32);
    static final ObjectMapper JSON = new ObjectMapper();

    private CompatScenario() {
    }

    /** Runs the script on {@code regions} (driven by {@code clock}); returns the manifest of what it made. */
    static ObjectNode run(KmsRegions regions) throws IOException, GeneralSecurityException {
        KmsEngine east = regions.engine(EAST);
        ObjectNode manifest = JSON.createObjectNode();
        ObjectNode keys = manifest.putObject("keys");
        east.principals().createRole(EngineConfig.DEFAULT_ACCOUNT, "CompatApp");

        String symmetric = create(east, keys, "alias/compat-symmetric", new CreateKeyRequest("rotated symmetric key",
                KeyUsage.ENCRYPT_DECRYPT, KeySpec.SYMMETRIC_DEFAULT, OriginType.AWS_KMS,
                List.of(new Tag("team", "compat"), new Tag("purpose", "fixtures")), POLICY, false));
        east.createGrant(ROOT, new CreateGrantRequest(symmetric, ROLE_ARN, null, List.of("Decrypt", "Encrypt"), null,
                null, "compat-grant"));
        ArrayNode blobs = manifest.putArray("ciphertexts");
        blob(east, blobs, "alias/compat-symmetric", "before any rotation", Map.of());
        east.enableKeyRotation(ROOT, new EnableKeyRotationRequest(symmetric, 90));
        east.rotateKeyOnDemand(ROOT, new RotateKeyOnDemandRequest(symmetric));
        east.advanceClock(Duration.ofDays(91));
        blob(east, blobs, "alias/compat-symmetric", "after two rotations",
                Map.of("department", "finance", "Ä-unicode", "ß", "a", ""));
        east.putKeyPolicy(ROOT, PutKeyPolicyRequest.of(symmetric, POLICY.replace("compat-policy", "compat-policy-2")));

        String rsa = create(east, keys, "alias/compat-rsa-sign", new CreateKeyRequest("RSA signing key",
                KeyUsage.SIGN_VERIFY, KeySpec.RSA_2048, OriginType.AWS_KMS, null));
        String ecc = create(east, keys, "alias/compat-ecc-sign", new CreateKeyRequest("ECC signing key",
                KeyUsage.SIGN_VERIFY, KeySpec.ECC_NIST_P256, OriginType.AWS_KMS, null));
        create(east, keys, "alias/compat-rsa-encrypt", new CreateKeyRequest("RSA encryption key",
                KeyUsage.ENCRYPT_DECRYPT, KeySpec.RSA_2048, OriginType.AWS_KMS, null));
        String hmac = create(east, keys, "alias/compat-hmac", new CreateKeyRequest("HMAC key",
                KeyUsage.GENERATE_VERIFY_MAC, KeySpec.HMAC_256, OriginType.AWS_KMS, null));
        ArrayNode signatures = manifest.putArray("signatures");
        sign(east, signatures, rsa, SigningAlgorithmSpec.RSASSA_PSS_SHA_256);
        sign(east, signatures, rsa, SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256);
        sign(east, signatures, ecc, SigningAlgorithmSpec.ECDSA_SHA_256);
        ArrayNode macs = manifest.putArray("macs");
        byte[] macMessage = "compat mac message".getBytes(StandardCharsets.UTF_8);
        ObjectNode mac = macs.addObject();
        mac.put("keyId", hmac);
        mac.put("message", b64(macMessage));
        mac.put("mac", b64(east.generateMac(ROOT, new GenerateMacRequest(macMessage, hmac,
                MacAlgorithmSpec.HMAC_SHA_256)).mac()));

        String imported = create(east, keys, "alias/compat-imported", new CreateKeyRequest("imported material",
                KeyUsage.ENCRYPT_DECRYPT, KeySpec.SYMMETRIC_DEFAULT, OriginType.EXTERNAL, null));
        importMaterial(east, imported);
        blob(east, blobs, "alias/compat-imported", "under imported material", Map.of("origin", "EXTERNAL"));

        String mrk = create(east, keys, "alias/compat-mrk", new CreateKeyRequest("multi-Region key",
                KeyUsage.ENCRYPT_DECRYPT, KeySpec.SYMMETRIC_DEFAULT, OriginType.AWS_KMS,
                List.of(new Tag("scope", "global")), true));
        east.replicateKey(ROOT, new ReplicateKeyRequest(mrk, EU));
        blob(east, blobs, "alias/compat-mrk", "made in us-east-1", Map.of("region", "any"));

        String doomed = create(east, keys, "alias/compat-pending-deletion", CreateKeyRequest.withDescription(
                "pending deletion"));
        east.scheduleKeyDeletion(ROOT, new ScheduleKeyDeletionRequest(doomed, 30));
        east.tagResource(ROOT, new TagResourceRequest(hmac, List.of(new Tag("kind", "mac"))));

        manifest.put("customKeyStoreId", east.customKeyStores().createCustomKeyStore(ROOT,
                new CreateCustomKeyStoreRequest("compat-hsm", Path.of("/usr/lib/softhsm/libsofthsm2.so"), null,
                        null, "kmslab", FakeHsm.DEMO_PIN.toCharArray())).customKeyStoreId());

        ArrayNode envelopes = manifest.putArray("envelopes");
        envelope(east, envelopes, "alias/compat-symmetric", 1, Map.of("file", "small.txt"), 4096);
        envelope(east, envelopes, "alias/compat-mrk", 200_000, Map.of("file", "big.bin", "owner", "compat"), 65536);
        envelope(east, envelopes, "alias/compat-imported", 0, Map.of(), 4096);
        return manifest;
    }

    /**
     * What a reader sees of every key after the script, as text: DescribeKey, ListKeyRotations (all materials),
     * tags, aliases, grants and the key policy, per Region that holds the key.
     */
    static ObjectNode snapshot(KmsRegions regions, ObjectNode keys) {
        ObjectNode out = JSON.createObjectNode();
        for (String region : List.of(EAST, EU)) {
            KmsEngine engine = regions.engine(region);
            ObjectNode inRegion = out.putObject(region);
            for (var key : (Iterable<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>>) keys::fields) {
                String keyId = key.getValue().asText();
                if (region.equals(EU) && !keyId.startsWith("mrk-")) {
                    continue;
                }
                ObjectNode entry = inRegion.putObject(key.getKey());
                entry.put("describeKey", engine.describeKey(ROOT, new DescribeKeyRequest(keyId)).toString());
                entry.put("rotations", engine.listKeyRotations(ROOT, new ListKeyRotationsRequest(keyId, null, null,
                        IncludeKeyMaterial.ALL_KEY_MATERIAL)).toString());
                entry.put("tags", engine.listResourceTags(ROOT, new ListResourceTagsRequest(keyId, null, null))
                        .toString());
                entry.put("grants", engine.listGrants(ROOT, ListGrantsRequest.of(keyId)).toString());
                entry.put("aliases", engine.listAliases(ROOT, new ListAliasesRequest(keyId, null, null)).toString());
                entry.put("policy", engine.getKeyPolicy(ROOT, GetKeyPolicyRequest.of(keyId)).toString());
            }
        }
        return out;
    }

    private static String create(KmsEngine engine, ObjectNode keys, String alias, CreateKeyRequest request) {
        String keyId = engine.createKey(ROOT, request).keyMetadata().keyId();
        engine.createAlias(ROOT, new CreateAliasRequest(alias, keyId));
        keys.put(alias, keyId);
        return keyId;
    }

    private static void blob(KmsEngine engine, ArrayNode out, String alias, String plaintext,
                             Map<String, String> context) {
        ObjectNode entry = out.addObject();
        entry.put("keyAlias", alias);
        entry.put("plaintext", plaintext);
        entry.set("encryptionContext", JSON.valueToTree(context));
        entry.put("ciphertext", b64(engine.encrypt(ROOT, EncryptRequest.of(alias,
                plaintext.getBytes(StandardCharsets.UTF_8), context)).ciphertextBlob()));
        // a data key too: GenerateDataKey's ciphertext goes through the same format
        var dataKey = engine.generateDataKey(ROOT, new GenerateDataKeyRequest(alias, context, null,
                DataKeySpec.AES_256));
        entry.put("dataKeyPlaintext", b64(dataKey.plaintext()));
        entry.put("dataKeyCiphertext", b64(dataKey.ciphertextBlob()));
    }

    private static void sign(KmsEngine engine, ArrayNode out, String keyId, SigningAlgorithmSpec algorithm) {
        byte[] message = ("signed with " + algorithm).getBytes(StandardCharsets.UTF_8);
        ObjectNode entry = out.addObject();
        entry.put("keyId", keyId);
        entry.put("algorithm", algorithm.name());
        entry.put("message", b64(message));
        entry.put("signature", b64(engine.sign(ROOT, SignRequest.raw(keyId, message, algorithm)).signature()));
        entry.put("publicKey", b64(engine.getPublicKey(ROOT,
                new dev.kmslab.engine.model.GetPublicKeyRequest(keyId)).publicKey()));
    }

    private static void importMaterial(KmsEngine engine, String keyId) throws GeneralSecurityException {
        GetParametersForImportResult params = engine.getParametersForImport(ROOT, new GetParametersForImportRequest(
                keyId, AlgorithmSpec.RSAES_OAEP_SHA_256, WrappingKeySpec.RSA_2048));
        engine.importKeyMaterial(ROOT, ImportKeyMaterialRequest.withoutExpiry(keyId, params.importToken(),
                oaepSha256(params.publicKey(), IMPORTED_MATERIAL)));
    }

    /** The client side of RSAES_OAEP_SHA_256 wrapping, as the AWS CLI's openssl recipe does it. */
    static byte[] oaepSha256(byte[] publicKeyDer, byte[] material) throws GeneralSecurityException {
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(publicKeyDer));
        Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
                PSource.PSpecified.DEFAULT));
        return cipher.doFinal(material);
    }

    private static void envelope(KmsEngine engine, ArrayNode out, String alias, int size, Map<String, String> context,
                                 int frameSize) throws IOException {
        byte[] plaintext = ascending(size);
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        new EnvelopeEncryptor(new EngineDataKeyProvider(engine, ROOT)).encrypt(new ByteArrayInputStream(plaintext),
                sealed, alias, context, EnvelopeOptions.defaults().withFrameSize(frameSize));
        ObjectNode entry = out.addObject();
        entry.put("file", "envelope-" + out.size() + ".kmsenv");
        entry.put("plaintextBytes", size);
        entry.set("encryptionContext", JSON.valueToTree(context));
        entry.put("sealed", b64(sealed.toByteArray()));
    }

    /** {@code 0, 1, 2, ...} modulo 256: easy to regenerate, so envelope plaintexts need not be stored. */
    static byte[] ascending(int size) {
        byte[] out = new byte[size];
        for (int i = 0; i < size; i++) {
            out[i] = (byte) i;
        }
        return out;
    }

    static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
