package dev.kmslab.flow;

import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.DecryptResult;
import dev.kmslab.engine.model.EncryptRequest;
import dev.kmslab.engine.model.EncryptResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Direct Encrypt/Decrypt, and a Decrypt that fails on a wrong encryption context. */
final class BasicFlows {

    static final String SECRET = "db-password: s3cr3t-Tr0ub4dor&3";
    private static final Map<String, String> CONTEXT = Map.of("app", "billing", "env", "prod");

    private BasicFlows() {
    }

    static List<FlowDefinition> all() {
        return List.of(
                new FlowDefinition("direct-encrypt", "Encrypt and Decrypt",
                        "Send up to 4 KB straight to KMS: Encrypt returns a ciphertext blob, Decrypt reverses it.",
                        "Basics and failures", false, BasicFlows::direct),
                new FlowDefinition("context-mismatch", "Encryption context mismatch",
                        "Decrypt with a different encryption context fails with InvalidCiphertextException.",
                        "Basics and failures", false, BasicFlows::contextMismatch));
    }

    private static void actors(FlowSession s) {
        s.actors(Actor.client("Your application"), Actor.kms(), Actor.hsm(), Actor.cloudTrail());
    }

    private static byte[] encrypt(FlowSession s, byte[] plaintext) {
        s.call("client", "Encrypt").param("KeyId", s.keyArn()).context(CONTEXT)
                .secret("Plaintext", PayloadKind.PLAINTEXT, plaintext).payload(FlowSession.contextPayload(CONTEXT))
                .narration("The application sends the secret itself to KMS, over TLS, with an encryption context. "
                        + "Encrypt takes at most 4096 bytes: enough for a password or a key, not for a file.")
                .tip("Encrypt is limited to 4 KB of plaintext; use envelope encryption for larger data.").add();
        EncryptResult result = s.engine().encrypt(s.caller(), EncryptRequest.of(s.keyArn(), plaintext, CONTEXT));
        s.step("kms", "hsm", "AES-256-GCM encrypt")
                .narration("KMS encrypts inside its HSMs with the key's current key material and a random IV, binding "
                        + "the encryption context as additional authenticated data.").add();
        s.step("kms", "client", "Encrypt response").param("KeyId", result.keyId())
                .param("EncryptionAlgorithm", result.encryptionAlgorithm())
                .open("Ciphertext blob", PayloadKind.CIPHERTEXT, result.ciphertextBlob())
                .narration("The ciphertext blob carries a header naming the KMS key and key material version, the IV, "
                        + "the ciphertext and the GCM tag. It is safe to store anywhere.").add();
        return result.ciphertextBlob();
    }

    private static void direct(FlowSession s) {
        actors(s);
        byte[] plaintext = FlowSession.utf8(SECRET);
        byte[] blob = encrypt(s, plaintext);
        s.audit("CloudTrail logs the Encrypt call with the encryption context, never the plaintext.");
        s.call("client", "Decrypt").param("CiphertextBlob", blob.length + " bytes").context(CONTEXT)
                .open("Ciphertext blob", PayloadKind.CIPHERTEXT, blob).payload(FlowSession.contextPayload(CONTEXT))
                .narration("To read the secret back, the application sends the blob and the same encryption context. "
                        + "No KeyId is needed: the blob names its key.")
                .tip("For symmetric keys, Decrypt finds the KMS key from the ciphertext blob.").add();
        DecryptResult result = s.engine().decrypt(s.caller(), DecryptRequest.of(blob, CONTEXT));
        s.step("kms", "hsm", "AES-256-GCM decrypt")
                .narration("KMS checks permission, picks the key material version from the header and decrypts, "
                        + "verifying the tag over the header and the context.").add();
        s.step("kms", "client", "Decrypt response").param("KeyId", result.keyId())
                .secret("Plaintext", PayloadKind.PLAINTEXT, result.plaintext())
                .narration("KMS returns the plaintext over TLS.").add();
        result.destroyPlaintext();
        s.audit("Every Decrypt is logged too: you can see who read the secret and when.");
        s.tip("Encrypt/Decrypt directly only for small secrets (4 KB); every call is a KMS request and is logged.");
    }

    private static void contextMismatch(FlowSession s) {
        actors(s);
        byte[] blob = encrypt(s, FlowSession.utf8(SECRET));
        Map<String, String> wrong = Map.of("app", "billing", "env", "test");
        var request = s.call("client", "Decrypt").param("CiphertextBlob", blob.length + " bytes").context(wrong)
                .open("Ciphertext blob", PayloadKind.CIPHERTEXT, blob).payload(FlowSession.contextPayload(wrong))
                .narration("A second caller tries to decrypt the blob but passes env=test instead of env=prod.");
        request.add();
        StepBuilder response = s.step("kms", "client", "Decrypt error");
        Optional<DecryptResult> result = s.attempt(
                () -> s.engine().decrypt(s.caller(), DecryptRequest.of(blob, wrong)), response::failure);
        result.ifPresent(DecryptResult::destroyPlaintext);
        response.narration("The context is part of the authenticated data, so the GCM tag does not verify. KMS "
                        + "cannot tell a wrong context from a damaged blob and answers InvalidCiphertextException.")
                .tip("A wrong or missing encryption context on Decrypt gives InvalidCiphertextException, not "
                        + "AccessDeniedException.").add();
        s.audit("The failed call is logged with its error code and the context that was sent.");
        s.tip("Encryption context: exact, case-sensitive match on Decrypt; pair order does not matter.");
    }
}
