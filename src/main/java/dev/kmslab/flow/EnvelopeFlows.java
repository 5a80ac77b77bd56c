package dev.kmslab.flow;

import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.DecryptResult;
import dev.kmslab.engine.model.GenerateDataKeyRequest;
import dev.kmslab.engine.model.GenerateDataKeyResult;
import dev.kmslab.engine.model.GenerateDataKeyWithoutPlaintextResult;
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

    /** Sealed data as the application stores it: the encrypted data key travels with the data. */
    record Sealed(byte[] encryptedDataKey, byte[] iv, byte[] ciphertext) {
    }

    private static void encryption(FlowSession s) {
        actors(s);
        seal(s, DOCUMENT);
        s.tip("Envelope encryption: KMS keys never leave KMS; data of any size is encrypted locally with a data key.");
        s.tip("GenerateDataKey returns the data key twice: in plaintext (use, then erase) and encrypted (store).");
        s.tip("Encrypt accepts at most 4 KB; anything bigger needs a data key.");
    }

    /** Records GenerateDataKey → local AES-GCM → erase → store, and returns what was stored. */
    static Sealed seal(FlowSession s, String document) {
        s.call("client", "GenerateDataKey").param("KeyId", s.keyArn()).param("KeySpec", "AES_256").context(CONTEXT)
                .payload(FlowSession.contextPayload(CONTEXT))
                .narration("The application asks KMS for a fresh data key to protect one document. It names the KMS "
                        + "key and an encryption context: non-secret pairs that will be bound to the encrypted key.")
                .tip("The encryption context is not secret: it appears in CloudTrail in plain text.").add();
        GenerateDataKeyResult key = s.engine().generateDataKey(s.caller(),
                GenerateDataKeyRequest.aes256(s.keyArn(), CONTEXT));
        s.step("kms", "hsm", "Generate and wrap").param("Bits", 256)
                .narration("Inside its hardware security modules KMS draws 256 random bits and encrypts them under the "
                        + "KMS key's current key material, binding the encryption context as additional "
                        + "authenticated data. The KMS key material itself never leaves the HSMs.")
                .tip("KMS keys are never exported in plaintext; only data keys leave KMS.").add();
        s.step("kms", "client", "GenerateDataKey response")
                .secret("Plaintext data key", PayloadKind.DATA_KEY, key.plaintext())
                .open("Encrypted data key", PayloadKind.ENCRYPTED_DATA_KEY, key.ciphertextBlob())
                .param("KeyId", key.keyId())
                .narration("KMS returns the same data key twice: in plaintext, for immediate use, and encrypted under "
                        + "the KMS key (the CiphertextBlob), for storage. The encrypted copy names the KMS key and "
                        + "its key material version in its header, so Decrypt will not need a KeyId.")
                .state("The application holds the plaintext data key in memory").add();
        byte[] iv = s.crypto().newIv();
        byte[] plaintext = FlowSession.utf8(document);
        byte[] ciphertext = LocalCrypto.encrypt(key.plaintext(), iv, plaintext, new byte[0]);
        s.step("client", "client", "AES-256-GCM encrypt")
                .secret("Plaintext", PayloadKind.PLAINTEXT, plaintext)
                .secret("Plaintext data key", PayloadKind.DATA_KEY, key.plaintext())
                .open("IV", PayloadKind.IV, iv)
                .open("Ciphertext", PayloadKind.CIPHERTEXT, ciphertext)
                .narration("The application encrypts the document itself, outside KMS, with AES-256-GCM: the data key, "
                        + "a fresh random 12-byte IV, and a 16-byte tag appended to the ciphertext so tampering is "
                        + "detected. KMS never sees the document.")
                .tip("Envelope encryption saves KMS round trips and the 4 KB Encrypt limit: the bulk work is local.")
                .add();
        key.destroyPlaintext();
        s.step("client", "client", "Erase the plaintext data key")
                .open("Data key after erasing", PayloadKind.OTHER, key.plaintext())
                .narration("As soon as the data is encrypted, the application overwrites the plaintext data key. From "
                        + "now on only KMS can turn the encrypted data key back into a usable key.")
                .tip("Never store the plaintext data key; keep only the encrypted copy.")
                .state("Plaintext data key erased from memory").add();
        s.step("client", "storage", "Store")
                .open("Encrypted data key", PayloadKind.ENCRYPTED_DATA_KEY, key.ciphertextBlob())
                .open("IV", PayloadKind.IV, iv)
                .open("Ciphertext", PayloadKind.CIPHERTEXT, ciphertext)
                .narration("The encrypted data key is stored beside the ciphertext and IV. Nothing stored is secret on "
                        + "its own: reading the data needs kms:Decrypt on the KMS key.")
                .state("Storage holds the ciphertext, IV and encrypted data key: nothing in plaintext").add();
        s.audit("KMS records the GenerateDataKey call: caller, key and encryption context, but no key bytes.");
        return new Sealed(key.ciphertextBlob(), iv, ciphertext);
    }

    private static void decryption(FlowSession s) {
        actors(s);
        Sealed sealed = quietSeal(s);
        s.step("storage", "client", "Read")
                .open("Encrypted data key", PayloadKind.ENCRYPTED_DATA_KEY, sealed.encryptedDataKey())
                .open("IV", PayloadKind.IV, sealed.iv())
                .open("Ciphertext", PayloadKind.CIPHERTEXT, sealed.ciphertext())
                .narration("The application reads back what envelope encryption stored: the ciphertext, its IV and "
                        + "the encrypted data key.").add();
        byte[] dataKey = decryptDataKey(s, sealed.encryptedDataKey());
        byte[] plaintext = LocalCrypto.decrypt(dataKey, sealed.iv(), sealed.ciphertext(), new byte[0]);
        s.step("client", "client", "AES-256-GCM decrypt")
                .secret("Plaintext data key", PayloadKind.DATA_KEY, dataKey)
                .open("IV", PayloadKind.IV, sealed.iv())
                .open("Ciphertext", PayloadKind.CIPHERTEXT, sealed.ciphertext())
                .secret("Plaintext", PayloadKind.PLAINTEXT, plaintext)
                .narration("With the plaintext data key the application decrypts locally. GCM checks the tag first: a "
                        + "single changed byte in the stored data would make this step fail.").add();
        java.util.Arrays.fill(dataKey, (byte) 0);
        s.step("client", "client", "Erase the plaintext data key")
                .narration("Done with the key, the application erases it again.")
                .state("Plaintext data key erased from memory").add();
        s.tip("Decrypt needs no KeyId for symmetric keys: the ciphertext blob names its KMS key.");
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

    private static Sealed quietSeal(FlowSession s) {
        GenerateDataKeyResult key = s.engine().generateDataKey(s.caller(),
                GenerateDataKeyRequest.aes256(s.keyArn(), CONTEXT));
        byte[] iv = s.crypto().newIv();
        byte[] ciphertext = LocalCrypto.encrypt(key.plaintext(), iv, FlowSession.utf8(DOCUMENT), new byte[0]);
        key.destroyPlaintext();
        return new Sealed(key.ciphertextBlob(), iv, ciphertext);
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
