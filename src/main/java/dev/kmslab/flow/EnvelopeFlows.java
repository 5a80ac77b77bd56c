package dev.kmslab.flow;

import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.DecryptResult;
import dev.kmslab.engine.model.GenerateDataKeyRequest;
import dev.kmslab.engine.model.GenerateDataKeyResult;
import dev.kmslab.engine.model.GenerateDataKeyWithoutPlaintextResult;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Envelope encryption: GenerateDataKey, local AES-GCM, and decrypting the data key again to read the data. */
final class EnvelopeFlows {

    static final String DOCUMENT = "Quarterly payroll: 1,240 employees, total 3.1M EUR. Do not share.";
    private static final Map<String, String> CONTEXT = Map.of("department", "finance", "purpose", "payroll");

    private EnvelopeFlows() {
    }

    static List<FlowDefinition> all() {
        return List.of(
                new FlowDefinition("envelope-encryption", "Envelope encryption",
                        "GenerateDataKey, encrypt locally with AES-GCM, erase the plaintext data key, store the "
                                + "encrypted data key beside the data.", "Envelope encryption", false,
                        EnvelopeFlows::encryption),
                new FlowDefinition("envelope-decryption", "Envelope decryption",
                        "Read the stored encrypted data key, have KMS decrypt it, then decrypt the data locally.",
                        "Envelope encryption", false, EnvelopeFlows::decryption),
                new FlowDefinition("data-key-without-plaintext", "Data key for later",
                        "GenerateDataKeyWithoutPlaintext: a component that only stores keys never sees a plaintext "
                                + "key; the one that encrypts later asks KMS to decrypt it.",
                        "Envelope encryption", false, EnvelopeFlows::withoutPlaintext));
    }

    static void actors(FlowSession s) {
        s.actors(Actor.client("Your application"), Actor.kms(), Actor.hsm(), Actor.storage("storage", "Storage (disk)"),
                Actor.cloudTrail());
    }

    private static void encryption(FlowSession s) {
        actors(s);
        SdkMessageFlow.Recording kms = SdkMessageFlow.recording(s);
        SdkMessageFlow.Message message = SdkMessageFlow.encrypt(kms, s.keyArn(), DOCUMENT, CONTEXT);
        byte[] plaintext = FlowSession.utf8(DOCUMENT);
        s.call("client", "GenerateDataKey").param("KeyId", s.keyArn()).param("KeySpec", "AES_256").context(kms.context)
                .payload(FlowSession.contextPayload(kms.context))
                .narration("The application hands the document to the AWS Encryption SDK with its KMS key and an "
                        + "encryption context. The default algorithm suite signs every message, so the SDK first "
                        + "makes an ECDSA P-384 key pair for this message and adds the public key to the context "
                        + "(aws-crypto-public-key). Then its KMS master key asks KMS for a fresh data key under that "
                        + "context.")
                .tip("The encryption context is not secret: it appears in CloudTrail in plain text.").add();
        s.step("kms", "hsm", "Generate and wrap").param("Bits", 256)
                .narration("Inside its hardware security modules KMS draws 256 random bits and encrypts them under the "
                        + "KMS key's current key material, binding the encryption context as additional "
                        + "authenticated data. The KMS key material itself never leaves the HSMs.")
                .tip("KMS keys are never exported in plaintext; only data keys leave KMS.").add();
        s.step("kms", "client", "GenerateDataKey response")
                .secret("Plaintext data key", PayloadKind.DATA_KEY, kms.plaintextKey)
                .open("Encrypted data key", PayloadKind.ENCRYPTED_DATA_KEY, kms.encryptedKey)
                .param("KeyId", kms.keyArn)
                .narration("KMS returns the same data key twice: in plaintext, for immediate use, and encrypted under "
                        + "the KMS key (the CiphertextBlob), for storage, with the ARN of the KMS key.")
                .state("The SDK holds the plaintext data key in memory").add();
        SdkMessageFlow.fields(s.step("client", "client", "Derive the content key (HKDF)")
                .secret("Plaintext data key", PayloadKind.DATA_KEY, kms.plaintextKey), message,
                f -> f.name().equals("Message ID") || f.name().equals("Algorithm suite data"))
                .narration("The SDK does not encrypt with the data key itself. With HKDF-SHA512 it derives from the "
                        + "data key and a random message id a content key for this message only, and a commitment "
                        + "key that goes into the header: a decryptor recomputes it and refuses a message whose data "
                        + "key does not match (key commitment).")
                .tip("The AWS Encryption SDK's default suite commits to the key and signs the message.").add();
        SdkMessageFlow.fields(s.step("client", "client", "Write the header"), message,
                SdkMessageFlow.part("Header", "Encrypted data key", "Header authentication"))
                .narration("The header says everything needed to decrypt except the key: the format version, the "
                        + "algorithm suite, the message id, the encryption context, and each encrypted data key with "
                        + "its key provider (aws-kms) and the KMS key ARN. An AES-GCM tag under the content key "
                        + "authenticates the whole header.")
                .tip("The encrypted data key travels inside the message: nothing else has to be stored.").add();
        SdkMessageFlow.fields(s.step("client", "client", "AES-256-GCM encrypt")
                .secret("Plaintext", PayloadKind.PLAINTEXT, plaintext), message,
                SdkMessageFlow.part("Frame", "Frames", "Final frame"))
                .narration("The body is encrypted locally in frames (" + SdkMessageFlow.FRAME_LENGTH + " bytes here "
                        + "to show several; the SDK's default is 4096). Each frame has its sequence number, its own "
                        + "IV and an AES-GCM tag; the final frame is marked, so dropping, reordering or cutting "
                        + "frames is detected. KMS never sees the document.")
                .tip("Envelope encryption saves KMS round trips and the 4 KB Encrypt limit: the bulk work is local.")
                .add();
        SdkMessageFlow.fields(s.step("client", "client", "Sign (footer)"), message, SdkMessageFlow.part("Footer"))
                .narration("Last, the SDK signs the header and body with the message's ECDSA P-384 private key and "
                        + "appends the signature, then discards the private key. Anyone who can decrypt can check the "
                        + "signature with the public key in the context, but cannot forge a new message.").add();
        byte[] erased = new byte[kms.plaintextKey.length];
        s.step("client", "client", "Erase the plaintext data key")
                .open("Data key after erasing", PayloadKind.OTHER, erased)
                .narration("As soon as the data is encrypted, the plaintext data key is forgotten. From now on only "
                        + "KMS can turn the encrypted data key back into a usable key.")
                .tip("Never store the plaintext data key; keep only the encrypted copy.")
                .state("Plaintext data key erased from memory").add();
        Arrays.fill(kms.plaintextKey, (byte) 0);
        s.step("client", "storage", "Store")
                .open("AWS Encryption SDK message", PayloadKind.CIPHERTEXT, message.bytes())
                .open("Encrypted data key", PayloadKind.ENCRYPTED_DATA_KEY, kms.encryptedKey)
                .narration("The application stores one thing: the message, with the encrypted data key in its header. "
                        + "Nothing stored is secret on its own: reading the data needs kms:Decrypt on the KMS key. "
                        + "Any AWS Encryption SDK (Java, Python, JavaScript, C, the CLI) can decrypt it.")
                .state("Storage holds the message: nothing in plaintext").add();
        s.audit("KMS records the GenerateDataKey call: caller, key and encryption context, but no key bytes.");
        s.tip("Envelope encryption: KMS keys never leave KMS; data of any size is encrypted locally with a data key.");
        s.tip("GenerateDataKey returns the data key twice: in plaintext (use, then erase) and encrypted (store).");
        s.tip("Encrypt accepts at most 4 KB; anything bigger needs a data key.");
    }

    private static void decryption(FlowSession s) {
        actors(s);
        SdkMessageFlow.Message message = SdkMessageFlow.encrypt(SdkMessageFlow.recording(s), s.keyArn(), DOCUMENT,
                CONTEXT);
        s.step("storage", "client", "Read")
                .open("AWS Encryption SDK message", PayloadKind.CIPHERTEXT, message.bytes())
                .narration("The application reads back the message and hands it to the AWS Encryption SDK.").add();
        SdkMessageFlow.fields(s.step("client", "client", "Parse the header"), message,
                SdkMessageFlow.part("Encrypted data key").or(f -> f.part().equals("Header")
                        && (f.name().startsWith("Encryption context") || f.name().equals("Algorithm ID"))))
                .narration("The header names the algorithm suite, the encryption context and each encrypted data key "
                        + "with its key provider. The SDK's KMS master key looks for a data key of provider aws-kms "
                        + "under a KMS key it may use.").add();
        SdkMessageFlow.Recording kms = SdkMessageFlow.recording(s);
        byte[] plaintext = SdkMessageFlow.decrypt(kms, message.bytes());
        s.call("client", "Decrypt").param("KeyId", kms.keyArn)
                .param("CiphertextBlob", kms.encryptedKey.length + " bytes").context(kms.context)
                .open("Encrypted data key", PayloadKind.ENCRYPTED_DATA_KEY, kms.encryptedKey)
                .payload(FlowSession.contextPayload(kms.context))
                .narration("The SDK sends the encrypted data key to KMS with the encryption context from the header. "
                        + "It names the KMS key (the ARN from the header) as KeyId, so KMS refuses a blob of any other "
                        + "key.")
                .tip("Decrypt must be given exactly the encryption context used when the data key was generated.")
                .add();
        s.step("kms", "hsm", "Unwrap")
                .narration("KMS checks the caller may use the key, then decrypts the blob inside the HSMs with the "
                        + "key material version named in its header, verifying the context as it goes.").add();
        s.step("kms", "client", "Decrypt response").param("KeyId", kms.keyArn)
                .secret("Plaintext data key", PayloadKind.DATA_KEY, kms.plaintextKey)
                .narration("KMS returns the plaintext data key over TLS.")
                .state("The SDK holds the plaintext data key in memory").add();
        s.audit("CloudTrail records the Decrypt call with its encryption context: an audit trail of every read.");
        SdkMessageFlow.fields(s.step("client", "client", "Check the key commitment and the header")
                .secret("Plaintext data key", PayloadKind.DATA_KEY, kms.plaintextKey), message,
                f -> f.name().equals("Algorithm suite data") || f.part().equals("Header authentication"))
                .narration("The SDK derives the commitment key from the data key and compares it with the header's: a "
                        + "different key is refused. Then it derives the content key and checks the header's tag "
                        + "before reading any frame.").add();
        SdkMessageFlow.fields(s.step("client", "client", "AES-256-GCM decrypt"), message,
                SdkMessageFlow.part("Frame", "Frames", "Final frame"))
                .secret("Plaintext", PayloadKind.PLAINTEXT, plaintext)
                .narration("Frame by frame, GCM checks each tag first: a single changed byte would make this step "
                        + "fail. The final frame must be there.").add();
        SdkMessageFlow.fields(s.step("client", "client", "Verify the signature"), message,
                SdkMessageFlow.part("Footer").or(f -> f.value().startsWith("aws-crypto-public-key")))
                .narration("At the end, the SDK verifies the footer's signature with the public key from the "
                        + "encryption context. Only now is the plaintext trustworthy as a whole.").add();
        Arrays.fill(kms.plaintextKey, (byte) 0);
        s.step("client", "client", "Erase the plaintext data key")
                .narration("Done with the key, the SDK forgets it again.")
                .state("Plaintext data key erased from memory").add();
        s.tip("Decrypt needs no KeyId for symmetric keys (the blob names its key), but the AWS Encryption SDK passes "
                + "one so that only the keys it trusts are used.");
        s.tip("Decrypt must be given exactly the encryption context used when the data key was generated.");
    }

    /** Decrypt of an encrypted data key: request, response, CloudTrail. Returns the plaintext data key. */
    static byte[] decryptDataKey(FlowSession s, byte[] encryptedDataKey) {
        s.call("client", "Decrypt").param("CiphertextBlob", encryptedDataKey.length + " bytes").context(CONTEXT)
                .open("Encrypted data key", PayloadKind.ENCRYPTED_DATA_KEY, encryptedDataKey)
                .payload(FlowSession.contextPayload(CONTEXT))
                .narration("The application sends the encrypted data key to KMS with the same encryption context. No "
                        + "KeyId is needed: the blob's header says which KMS key and which key material encrypted it.")
                .add();
        DecryptResult result = s.engine().decrypt(s.caller(), DecryptRequest.of(encryptedDataKey, CONTEXT));
        s.step("kms", "hsm", "Unwrap")
                .narration("KMS checks the caller may use the key, then decrypts the blob inside the HSMs with the "
                        + "key material version named in its header, verifying the context as it goes.").add();
        s.step("kms", "client", "Decrypt response").param("KeyId", result.keyId())
                .secret("Plaintext data key", PayloadKind.DATA_KEY, result.plaintext())
                .narration("KMS returns the plaintext data key over TLS.")
                .state("The application holds the plaintext data key in memory").add();
        s.audit("CloudTrail records the Decrypt call with its encryption context: an audit trail of every read.");
        return result.plaintext().clone();
    }

    private static void withoutPlaintext(FlowSession s) {
        s.actors(Actor.service("provisioner", "Key provisioner"), Actor.kms(), Actor.hsm(),
                Actor.storage("storage", "Storage (disk)"), Actor.client("Worker (later)"), Actor.cloudTrail());
        s.call("provisioner", "GenerateDataKeyWithoutPlaintext").param("KeyId", s.keyArn()).param("KeySpec", "AES_256")
                .context(CONTEXT).payload(FlowSession.contextPayload(CONTEXT))
                .narration("A component that prepares keys ahead of time, but never encrypts anything itself, asks "
                        + "for a data key without the plaintext copy.")
                .tip("GenerateDataKeyWithoutPlaintext: for a component that must not see data keys.").add();
        GenerateDataKeyWithoutPlaintextResult result = s.engine().generateDataKeyWithoutPlaintext(s.caller(),
                GenerateDataKeyRequest.aes256(s.keyArn(), CONTEXT));
        s.step("kms", "provisioner", "GenerateDataKeyWithoutPlaintext response")
                .open("Encrypted data key", PayloadKind.ENCRYPTED_DATA_KEY, result.ciphertextBlob())
                .narration("KMS returns only the encrypted data key. The provisioner cannot use it to encrypt or "
                        + "decrypt anything as long as it has no kms:Decrypt permission on the KMS key: with that "
                        + "permission it could simply ask KMS to decrypt the data key. Give the provisioner "
                        + "kms:GenerateDataKeyWithoutPlaintext only.")
                .tip("GenerateDataKeyWithoutPlaintext keeps a component away from plaintext keys only if it also "
                        + "lacks kms:Decrypt on the key.")
                .state("No plaintext data key exists outside KMS").add();
        s.step("provisioner", "storage", "Store for later")
                .open("Encrypted data key", PayloadKind.ENCRYPTED_DATA_KEY, result.ciphertextBlob())
                .narration("The encrypted data key waits in storage until data has to be encrypted.").add();
        s.step("storage", "client", "Read")
                .open("Encrypted data key", PayloadKind.ENCRYPTED_DATA_KEY, result.ciphertextBlob())
                .narration("Later a worker that is allowed to decrypt picks up the encrypted data key.").add();
        byte[] dataKey = decryptDataKey(s, result.ciphertextBlob());
        byte[] iv = s.crypto().newIv();
        byte[] plaintext = FlowSession.utf8(DOCUMENT);
        byte[] ciphertext = LocalCrypto.encrypt(dataKey, iv, plaintext, new byte[0]);
        s.step("client", "client", "AES-256-GCM encrypt")
                .secret("Plaintext", PayloadKind.PLAINTEXT, plaintext)
                .secret("Plaintext data key", PayloadKind.DATA_KEY, dataKey)
                .open("IV", PayloadKind.IV, iv).open("Ciphertext", PayloadKind.CIPHERTEXT, ciphertext)
                .narration("The worker encrypts with the data key it just obtained, then erases the key.")
                .state("Plaintext data key erased from memory").add();
        java.util.Arrays.fill(dataKey, (byte) 0);
        s.tip("GenerateDataKeyWithoutPlaintext, then Decrypt when needed: separates who creates keys from who uses "
                + "them.");
    }
}
