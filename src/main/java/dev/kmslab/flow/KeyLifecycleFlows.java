package dev.kmslab.flow;

import dev.kmslab.engine.crypto.CiphertextBlob;
import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.DecryptResult;
import dev.kmslab.engine.model.EncryptRequest;
import dev.kmslab.engine.model.EncryptResult;
import dev.kmslab.engine.model.ReEncryptRequest;
import dev.kmslab.engine.model.ReEncryptResult;
import dev.kmslab.engine.model.RotateKeyOnDemandRequest;
import dev.kmslab.engine.model.ScheduleKeyDeletionRequest;
import dev.kmslab.engine.model.ScheduleKeyDeletionResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What happens to a key over time: rotation, ReEncrypt onto new material, and deletion. */
final class KeyLifecycleFlows {

    private static final Map<String, String> CONTEXT = Map.of("archive", "2025-invoices");
    /** Version numbers are the lab's way of making rotation visible; AWS documents neither them nor the header. */
    static final String VERSION_NOTE = "The lab numbers key material versions 1, 2, … so that rotation can be seen. "
            + "AWS identifies key material by a KeyMaterialId and does not document the layout of a ciphertext "
            + "blob's header. What AWS documents is the behaviour: KMS decrypts with the key material that encrypted "
            + "the data, so nothing needs re-encrypting.";

    private KeyLifecycleFlows() {
    }

    static List<FlowDefinition> all() {
        return List.of(
                new FlowDefinition("rotation", "Key rotation",
                        "Rotation adds new key material; new ciphertext uses it, old ciphertext still decrypts.",
                        "Key lifecycle", true, KeyLifecycleFlows::rotation),
                new FlowDefinition("reencrypt-after-rotation", "ReEncrypt after rotation",
                        "ReEncrypt moves a ciphertext onto the newest key material without the plaintext ever "
                                + "leaving KMS.", "Key lifecycle", true, KeyLifecycleFlows::reEncrypt),
                new FlowDefinition("key-deletion", "Key deletion",
                        "Schedule deletion, wait out the window, and see that the ciphertext can never be "
                                + "decrypted again.", "Key lifecycle", true, KeyLifecycleFlows::deletion));
    }

    private static void actors(FlowSession s) {
        s.actors(Actor.client("Your application"), Actor.kms(), Actor.hsm(), Actor.cloudTrail());
    }

    private static byte[] encrypt(FlowSession s, String text, String narration) {
        byte[] plaintext = FlowSession.utf8(text);
        s.call("client", "Encrypt").param("KeyId", s.keyArn()).context(CONTEXT)
                .secret("Plaintext", PayloadKind.PLAINTEXT, plaintext).narration(narration).add();
        EncryptResult r = s.engine().encrypt(s.caller(), EncryptRequest.of(s.keyArn(), plaintext, CONTEXT));
        int version = CiphertextBlob.parse(r.ciphertextBlob()).keyVersion();
        s.step("kms", "client", "Encrypt response").param("Key material version", version).simulation(VERSION_NOTE)
                .open("Ciphertext blob", PayloadKind.CIPHERTEXT, r.ciphertextBlob())
                .narration("The blob's header records which version of the key material encrypted it: version "
                        + version + ".").add();
        return r.ciphertextBlob();
    }

    private static void rotate(FlowSession s) {
        s.call("client", "RotateKeyOnDemand").param("KeyId", s.keyArn())
                .narration("The key's administrator rotates the key now. (Automatic rotation does the same on a "
                        + "schedule: every 365 days by default, configurable from 90 to 2560 days.)").add();
        s.engine().rotateKeyOnDemand(s.caller(), new RotateKeyOnDemandRequest(s.keyArn()));
        s.step("kms", "hsm", "New key material").param("Current version", 2).simulation(VERSION_NOTE)
                .narration("KMS generates new key material inside the HSMs and makes it current. The old material is "
                        + "kept, because ciphertexts still name it.")
                .tip("Rotation keeps the same key id, ARN, aliases and policy; only the backing material changes.")
                .state("Key material version 2 is current; version 1 is kept for decryption").add();
    }

    private static void rotation(FlowSession s) {
        actors(s);
        byte[] old = encrypt(s, "Invoice 2025-0113: 4,200 EUR", "Before rotation, the application encrypts an "
                + "invoice. The key has one version of key material.");
        rotate(s);
        encrypt(s, "Invoice 2026-0002: 980 EUR", "After rotation, new encryptions use the new key material "
                + "automatically; the application changes nothing, not even the key id.");
        s.call("client", "Decrypt").param("CiphertextBlob", old.length + " bytes").context(CONTEXT)
                .open("Ciphertext blob", PayloadKind.CIPHERTEXT, old)
                .narration("The application decrypts the invoice encrypted before rotation.").add();
        DecryptResult r = s.engine().decrypt(s.caller(), DecryptRequest.of(old, CONTEXT));
        s.step("kms", "client", "Decrypt response").param("Key material version used", 1).simulation(VERSION_NOTE)
                .secret("Plaintext", PayloadKind.PLAINTEXT, r.plaintext())
                .narration("KMS reads version 1 from the blob's header and decrypts with the old material. Nothing "
                        + "needed re-encrypting.")
                .tip("Rotation does not re-encrypt existing data and never breaks old ciphertext.").add();
        r.destroyPlaintext();
        s.tip("Automatic rotation: symmetric keys with KMS-generated material only; 90 to 2560 days, default 365.");
        s.tip("Automatic rotation is not available for asymmetric keys, HMAC keys or keys with imported material.");
    }

    private static void reEncrypt(FlowSession s) {
        actors(s);
        byte[] old = encrypt(s, "Contract #7781, signed 2025-03-02", "A contract was encrypted long ago.");
        rotate(s);
        s.call("client", "ReEncrypt").param("CiphertextBlob", old.length + " bytes").param("DestinationKeyId",
                s.keyArn()).context(CONTEXT).open("Ciphertext blob (v1)", PayloadKind.CIPHERTEXT, old)
                .narration("To move the contract onto the newest material (or onto another key), the application calls "
                        + "ReEncrypt with the old blob, the source context and a destination key.")
                .tip("ReEncrypt needs kms:ReEncryptFrom on the source key and kms:ReEncryptTo on the destination.")
                .add();
        ReEncryptResult r = s.engine().reEncrypt(s.caller(), ReEncryptRequest.of(old, CONTEXT, s.keyArn(), CONTEXT));
        s.step("kms", "hsm", "Decrypt with v1, encrypt with v2")
                .narration("Inside KMS the blob is decrypted with version 1 and encrypted again with version 2. The "
                        + "plaintext exists only inside the HSMs, never on the network or in the application.")
                .state("The plaintext never left KMS").add();
        int version = CiphertextBlob.parse(r.ciphertextBlob()).keyVersion();
        s.step("kms", "client", "ReEncrypt response").param("SourceKeyId", r.sourceKeyId()).param("KeyId", r.keyId())
                .param("Key material version", version).simulation(VERSION_NOTE)
                .open("Ciphertext blob (v" + version + ")", PayloadKind.CIPHERTEXT, r.ciphertextBlob())
                .narration("The application replaces the stored blob with the new one.").add();
        s.audit("CloudTrail records one ReEncrypt event for the source and destination keys.");
        s.tip("ReEncrypt: change the key or context of a ciphertext without exposing the plaintext to the caller.");
    }

    private static void deletion(FlowSession s) {
        actors(s);
        byte[] blob = encrypt(s, "Customer list, 2025 campaign", "Data is encrypted under a key that is about to be "
                + "retired.");
        s.call("client", "ScheduleKeyDeletion").param("KeyId", s.keyArn()).param("PendingWindowInDays", 7)
                .narration("An administrator schedules the key for deletion with the shortest window, 7 days. KMS "
                        + "never deletes a key immediately.")
                .tip("Deletion waits 7 to 30 days (default 30); during the wait CancelKeyDeletion undoes it.").add();
        ScheduleKeyDeletionResult scheduled = s.engine().scheduleKeyDeletion(s.caller(),
                new ScheduleKeyDeletionRequest(s.keyArn(), 7));
        s.step("kms", "client", "ScheduleKeyDeletion response").param("KeyState", scheduled.keyState())
                .param("DeletionDate", scheduled.deletionDate())
                .narration("The key is now PendingDeletion.").state("Key state: PendingDeletion").add();
        decryptFails(s, blob, "During the waiting period the key cannot be used. A failing Decrypt here is the "
                + "signal that something still needs the key: cancel the deletion.");
        s.engine().advanceClock(Duration.ofDays(7).plusMinutes(1));
        s.step("kms", "hsm", "Delete key material").param("After", "7 days")
                .narration("The window ends. KMS deletes the key's metadata and every version of its key material. "
                        + "There is no undo, and AWS cannot recover it.")
                .tip("Prefer disabling a key over deleting it when unsure: disabling is reversible.")
                .state("The key and all its key material are destroyed").add();
        decryptFails(s, blob, "The application tries once more.");
        s.tip("After deletion, every ciphertext under the key is permanently unrecoverable.");
        s.tip("Use a CloudWatch alarm on CloudTrail events for a key pending deletion to catch it still being used.");
    }

    private static void decryptFails(FlowSession s, byte[] blob, String narration) {
        s.call("client", "Decrypt").param("CiphertextBlob", blob.length + " bytes").context(CONTEXT)
                .open("Ciphertext blob", PayloadKind.CIPHERTEXT, blob).narration(narration).add();
        StepBuilder response = s.step("kms", "client", "Decrypt error");
        String[] code = {""};
        Optional<DecryptResult> r = s.attempt(() -> s.engine().decrypt(s.caller(), DecryptRequest.of(blob, CONTEXT)),
                f -> {
                    code[0] = f.errorCode();
                    response.failure(f);
                });
        r.ifPresent(DecryptResult::destroyPlaintext);
        if (code[0].equals("KMSInvalidStateException")) {
            response.narration("A key pending deletion refuses every cryptographic operation, so the call fails "
                    + "even though the key material still exists. AWS's key state table lists "
                    + "KMSInvalidStateException for Decrypt on a key that is pending deletion.");
        } else {
            response.narration("The key no longer exists, so nothing can decrypt the blob: it still names the "
                    + "key, but no one can ever decrypt it again.")
                    .simulation("AWS does not document which error Decrypt returns once the key is deleted (its key "
                            + "state table covers only keys that still exist). The lab's engine answers "
                            + (code[0].isEmpty() ? "with an error" : code[0]) + ", as for any key it cannot find.");
        }
        response.add();
    }
}
