package dev.kmslab.flow;

import dev.kmslab.engine.ImportWrapper;
import dev.kmslab.engine.ScheduledEvent;
import dev.kmslab.engine.model.AlgorithmSpec;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.DecryptResult;
import dev.kmslab.engine.model.DescribeKeyRequest;
import dev.kmslab.engine.model.EncryptRequest;
import dev.kmslab.engine.model.EncryptResult;
import dev.kmslab.engine.model.ExpirationModelType;
import dev.kmslab.engine.model.GetParametersForImportRequest;
import dev.kmslab.engine.model.GetParametersForImportResult;
import dev.kmslab.engine.model.ImportKeyMaterialRequest;
import dev.kmslab.engine.model.ImportKeyMaterialResult;
import dev.kmslab.engine.model.KeyMetadata;
import dev.kmslab.engine.model.OriginType;
import dev.kmslab.engine.model.WrappingKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bring your own key: a key created with Origin EXTERNAL waits in PendingImport; the client wraps 256 bits of its own
 * material with the wrapping public key from GetParametersForImport and imports it with an expiry; encryption works;
 * when the material expires the key is unusable until the same material (and only that) is imported again, after
 * which the old ciphertext decrypts.
 */
final class ImportKeyMaterialFlow {

    static final String DOCUMENT = "Board minutes 2026-01-05: approve the Lisbon office lease.";
    static final Map<String, String> CONTEXT = Map.of("record", "board-minutes");
    static final AlgorithmSpec WRAPPING = AlgorithmSpec.RSAES_OAEP_SHA_256;
    static final Duration FIRST_VALIDITY = Duration.ofDays(30);
    static final Duration SECOND_VALIDITY = Duration.ofDays(365);

    private ImportKeyMaterialFlow() {
    }

    static void record(FlowSession s) {
        s.actors(Actor.client("Your application"), Actor.kms(), Actor.hsm(),
                Actor.storage("escrow", "Your key backup"), Actor.cloudTrail());
        String keyArn = createExternalKey(s);
        GetParametersForImportResult params = getParameters(s, keyArn, "The application asks for what it needs to "
                + "send key material safely: a wrapping public key and an import token, for the RSAES_OAEP_SHA_256 "
                + "wrapping algorithm and an RSA 2048-bit wrapping key.");
        byte[] material = s.crypto().newKey();
        s.step("client", "client", "Generate 256-bit key material")
                .secret("Key material", PayloadKind.DATA_KEY, material)
                .narration("The application generates 256 random bits itself, outside AWS. Choosing a source of "
                        + "randomness that meets your requirements is now your job, not AWS's.")
                .tip("Symmetric encryption key material for import is exactly 256 bits.").add();
        s.step("client", "escrow", "Keep your own copy").secret("Key material", PayloadKind.DATA_KEY, material)
                .narration("Before anything else, the material goes into the organisation's own backup. KMS has no "
                        + "operation that gives key material back, and AWS does not keep imported material as "
                        + "durably as material it generates: this copy is what will bring the key back.")
                .tip("With imported material you are responsible for its durability: keep a copy outside AWS.")
                .state("The only recoverable copy of the material is yours").add();
        Instant validTo = importMaterial(s, keyArn, params, material, FIRST_VALIDITY, "The application sends the wrapped material "
                + "with the import token, and chooses that the material expires in 30 days (KEY_MATERIAL_EXPIRES "
                + "with a ValidTo date).");
        byte[] blob = encrypt(s, keyArn);
        expire(s, validTo);
        encryptFails(s, keyArn);
        decrypt(s, blob, "The data encrypted before the expiry is locked too: nothing under this key can be "
                + "decrypted while it has no key material.");
        reimport(s, keyArn, material, blob);
        s.tip("Origin EXTERNAL: the key starts in PendingImport; GetParametersForImport, wrap, ImportKeyMaterial.");
        s.tip("The wrapping public key and import token belong together and are valid for 24 hours.");
        s.tip("Expired or deleted imported material: the key is unusable until you import the same material again.");
        s.tip("ValidTo can be at most 365 days ahead; alternatively choose KEY_MATERIAL_DOES_NOT_EXPIRE.");
    }

    private static String createExternalKey(FlowSession s) {
        s.call("client", "CreateKey").param("Origin", OriginType.EXTERNAL)
                .narration("The application creates a symmetric encryption KMS key with Origin EXTERNAL: KMS creates "
                        + "the key's identity and policy, but no key material.")
                .tip("Bring your own key (BYOK): create the key with Origin EXTERNAL, then import the material.")
                .add();
        KeyMetadata key = s.engine().createKey(s.caller(), new CreateKeyRequest("Board records (imported key)",
                null, null, OriginType.EXTERNAL, null)).keyMetadata();
        s.step("kms", "client", "CreateKey response").param("KeyId", key.arn()).param("Origin", key.origin())
                .param("KeyState", key.keyState())
                .open("Key ARN", PayloadKind.KEY_ID, FlowSession.utf8(key.arn()))
                .narration("The key exists but is PendingImport: without material it cannot encrypt or decrypt.")
                .state("Key state: " + key.keyState()).add();
        return key.arn();
    }

    private static GetParametersForImportResult getParameters(FlowSession s, String keyArn, String narration) {
        s.call("client", "GetParametersForImport").param("KeyId", keyArn).param("WrappingAlgorithm", WRAPPING)
                .param("WrappingKeySpec", WrappingKeySpec.RSA_2048).narration(narration).add();
        GetParametersForImportResult r = s.engine().getParametersForImport(s.caller(),
                new GetParametersForImportRequest(keyArn, WRAPPING, WrappingKeySpec.RSA_2048));
        s.step("kms", "hsm", "Create wrapping key pair")
                .narration("The wrapping key pair is an RSA key pair generated in KMS's HSMs. Its private half stays "
                        + "inside KMS, so only KMS can unwrap what is encrypted with the public half.").add();
        s.step("kms", "client", "GetParametersForImport response").param("ParametersValidTo", r.parametersValidTo())
                .open("Wrapping public key", PayloadKind.OTHER, r.publicKey())
                .open("Import token", PayloadKind.OTHER, r.importToken())
                .narration("KMS returns the wrapping public key and an import token that go together. Both are "
                        + "valid for 24 hours, until " + r.parametersValidTo() + "; after that, new ones are needed.")
                .add();
        return r;
    }

    private static byte[] wrap(FlowSession s, GetParametersForImportResult params, byte[] material) {
        byte[] wrapped = ImportWrapper.wrap(params.publicKey(), WRAPPING, material);
        s.step("client", "client", "Wrap with the public key (" + WRAPPING + ")")
                .secret("Key material", PayloadKind.DATA_KEY, material)
                .open("Wrapping public key", PayloadKind.OTHER, params.publicKey())
                .open("Encrypted key material", PayloadKind.ENCRYPTED_DATA_KEY, wrapped)
                .narration("The application encrypts the key material with the wrapping public key (RSA-OAEP with "
                        + "SHA-256). The result is useless to anyone without the wrapping private key, which never "
                        + "leaves KMS.").add();
        return wrapped;
    }

    /** Wraps and imports the material; returns its ValidTo. */
    private static Instant importMaterial(FlowSession s, String keyArn, GetParametersForImportResult params,
                                          byte[] material, Duration validity, String narration) {
        byte[] wrapped = wrap(s, params, material);
        Instant validTo = s.engine().now().plus(validity);
        s.call("client", "ImportKeyMaterial").param("KeyId", keyArn)
                .param("ExpirationModel", ExpirationModelType.KEY_MATERIAL_EXPIRES).param("ValidTo", validTo)
                .open("Encrypted key material", PayloadKind.ENCRYPTED_DATA_KEY, wrapped)
                .open("Import token", PayloadKind.OTHER, params.importToken()).narration(narration).add();
        ImportKeyMaterialResult r = s.engine().importKeyMaterial(s.caller(), new ImportKeyMaterialRequest(keyArn,
                params.importToken(), wrapped, validTo, ExpirationModelType.KEY_MATERIAL_EXPIRES));
        s.step("kms", "hsm", "Unwrap and keep")
                .narration("KMS decrypts the material with the wrapping private key inside its HSMs; the plaintext "
                        + "material never leaves them.").add();
        s.step("kms", "client", "ImportKeyMaterial response").param("KeyId", r.keyId())
                .param("KeyMaterialId", r.keyMaterialId())
                .narration("The import succeeded: the response names the key and the id of its key material.").add();
        s.audit("CloudTrail records the import: who imported material into which key. Never the material itself.");
        s.call("client", "DescribeKey").param("KeyId", keyArn)
                .narration("The application checks the key's state.").add();
        KeyMetadata key = s.engine().describeKey(s.caller(), new DescribeKeyRequest(keyArn)).keyMetadata();
        s.step("kms", "client", "DescribeKey response").param("KeyState", key.keyState())
                .param("Origin", key.origin()).param("ExpirationModel", key.expirationModel())
                .param("ValidTo", key.validTo())
                .narration("The key is " + key.keyState() + " and can be used like any symmetric KMS key until "
                        + "ValidTo.")
                .state("Key state: " + key.keyState()).add();
        return validTo;
    }

    private static byte[] encrypt(FlowSession s, String keyArn) {
        byte[] plaintext = FlowSession.utf8(DOCUMENT);
        s.call("client", "Encrypt").param("KeyId", keyArn).context(CONTEXT)
                .secret("Plaintext", PayloadKind.PLAINTEXT, plaintext)
                .narration("The application encrypts a record under the key with the imported material.").add();
        EncryptResult r = s.engine().encrypt(s.caller(), EncryptRequest.of(keyArn, plaintext, CONTEXT));
        s.step("kms", "client", "Encrypt response").open("Ciphertext blob", PayloadKind.CIPHERTEXT, r.ciphertextBlob())
                .narration("Encryption works exactly as with KMS-generated material; the caller cannot tell the "
                        + "difference.").add();
        return r.ciphertextBlob();
    }

    private static void expire(FlowSession s, Instant validTo) {
        List<ScheduledEvent> applied = s.engine().advanceClock(Duration.between(s.engine().now(), validTo)
                .plusMinutes(1));
        s.step("kms", "hsm", "Key material expires").param("ValidTo", validTo)
                .param("Service event", applied.stream().map(ScheduledEvent::eventName).toList())
                .narration("30 days later ValidTo arrives and KMS deletes the imported key material. The key itself, "
                        + "its id, policy and aliases remain; it is back in PendingImport.")
                .tip("Watch the expiry: a CloudWatch alarm can warn before imported material expires.")
                .state("Key material deleted; key state: PendingImport").add();
        s.audit("CloudTrail records the expiry as a DeleteExpiredKeyMaterial event, performed by KMS itself.");
    }

    private static void encryptFails(FlowSession s, String keyArn) {
        byte[] plaintext = FlowSession.utf8("Board minutes 2026-02-04: draft");
        s.call("client", "Encrypt").param("KeyId", keyArn).context(CONTEXT)
                .secret("Plaintext", PayloadKind.PLAINTEXT, plaintext)
                .narration("The application, unaware, tries to encrypt the next record.").add();
        StepBuilder error = s.step("kms", "client", "Encrypt error");
        s.attempt(() -> s.engine().encrypt(s.caller(), EncryptRequest.of(keyArn, plaintext, CONTEXT)),
                error::failure);
        error.narration("A key in PendingImport refuses every cryptographic operation with "
                + "KMSInvalidStateException.").add();
    }

    private static void decrypt(FlowSession s, byte[] blob, String narration) {
        s.call("client", "Decrypt").param("CiphertextBlob", blob.length + " bytes").context(CONTEXT)
                .open("Ciphertext blob", PayloadKind.CIPHERTEXT, blob).narration(narration).add();
        Failure[] failure = {null};
        Optional<DecryptResult> r = s.attempt(() -> s.engine().decrypt(s.caller(), DecryptRequest.of(blob, CONTEXT)),
                f -> failure[0] = f);
        if (r.isPresent()) {
            s.step("kms", "client", "Decrypt response").secret("Plaintext", PayloadKind.PLAINTEXT, r.get().plaintext())
                    .narration("With the same material back, the record encrypted before the expiry decrypts "
                            + "again: nothing was lost, because the application kept its copy.").add();
            r.get().destroyPlaintext();
        } else {
            s.step("kms", "client", "Decrypt error").failure(failure[0])
                    .narration("KMSInvalidStateException again: without its material the key cannot decrypt "
                            + "anything, old or new.").add();
        }
    }

    private static void reimport(FlowSession s, String keyArn, byte[] material, byte[] blob) {
        GetParametersForImportResult params = getParameters(s, keyArn, "To restore the key the application needs "
                + "a new wrapping key and import token: the first ones expired 24 hours after they were issued.");
        byte[] other = s.crypto().newKey();
        s.step("client", "client", "Generate new 256-bit key material")
                .secret("Key material", PayloadKind.DATA_KEY, other)
                .narration("Suppose the backup had been lost, and someone generated fresh material instead.").add();
        byte[] otherWrapped = wrap(s, params, other);
        Instant validTo = s.engine().now().plus(SECOND_VALIDITY);
        s.call("client", "ImportKeyMaterial").param("KeyId", keyArn)
                .param("ExpirationModel", ExpirationModelType.KEY_MATERIAL_EXPIRES).param("ValidTo", validTo)
                .open("Encrypted key material", PayloadKind.ENCRYPTED_DATA_KEY, otherWrapped)
                .open("Import token", PayloadKind.OTHER, params.importToken())
                .narration("The application tries to import the new material into the same key.").add();
        StepBuilder refused = s.step("kms", "client", "ImportKeyMaterial error");
        s.attempt(() -> s.engine().importKeyMaterial(s.caller(), new ImportKeyMaterialRequest(keyArn,
                params.importToken(), otherWrapped, validTo, ExpirationModelType.KEY_MATERIAL_EXPIRES)),
                refused::failure);
        refused.narration("KMS refuses it with IncorrectKeyMaterialException: material that expired comes back only "
                + "by importing the very same bytes. Without the original, the record encrypted under it would be "
                + "lost for good.")
                .tip("To restore a key whose imported material expired or was deleted, re-import the same material.")
                .add();
        Arrays.fill(other, (byte) 0);
        s.step("escrow", "client", "Read your copy").secret("Key material", PayloadKind.DATA_KEY, material)
                .narration("Instead, the application fetches the original material from its own backup.").add();
        importMaterial(s, keyArn, params, material, SECOND_VALIDITY, "The application imports the same material "
                + "again, wrapped with the new public key, this time valid for the maximum of 365 days.");
        decrypt(s, blob, "The application decrypts the record it encrypted before the expiry.");
    }
}
