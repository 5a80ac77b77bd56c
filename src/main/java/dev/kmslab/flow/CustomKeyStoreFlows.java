package dev.kmslab.flow;

import dev.kmslab.engine.crypto.pkcs11.Pkcs11KeyLabel;
import dev.kmslab.engine.model.ConnectCustomKeyStoreRequest;
import dev.kmslab.engine.model.CreateCustomKeyStoreRequest;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.CustomKeyStoresListEntry;
import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.DecryptResult;
import dev.kmslab.engine.model.DescribeCustomKeyStoresRequest;
import dev.kmslab.engine.model.DisconnectCustomKeyStoreRequest;
import dev.kmslab.engine.model.EncryptRequest;
import dev.kmslab.engine.model.EncryptResult;
import dev.kmslab.engine.model.KeyMetadata;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Encrypt with a key in a custom key store: the store is created and connected, a key is generated inside the token,
 * Encrypt and Decrypt run there, and once the store is disconnected the key is Unavailable. Recorded in a private
 * engine whose token is the lab's in-memory simulation (the HSM lane says so); the engine calls are real.
 */
final class CustomKeyStoreFlows {

    static final String SECRET = "card-token: 4111-xxxx-xxxx-1111";
    private static final Map<String, String> CONTEXT = Map.of("app", "payments");
    private static final Path MODULE = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    private static final String PIN = dev.kmslab.engine.cks.FakeHsm.DEMO_PIN;

    private CustomKeyStoreFlows() {
    }

    static List<FlowDefinition> all() {
        return List.of(new FlowDefinition("custom-key-store-encrypt", "Encrypt with a key in a custom key store",
                "A key whose material is generated and used only inside a PKCS#11 token (AWS: a CloudHSM cluster); "
                        + "disconnecting the store makes the key Unavailable.",
                "Key lifecycle", true, CustomKeyStoreFlows::encryptInStore));
    }

    private static void encryptInStore(FlowSession s) {
        String storeId = createAndConnect(s);
        CustomKeyStoresListEntry store = s.engine().customKeyStores().describeCustomKeyStores(s.caller(),
                DescribeCustomKeyStoresRequest.byId(storeId)).customKeyStores().get(0);
        String tokenName = store.simulatedToken() ? "PKCS#11 token (simulated in memory)" : "PKCS#11 token";
        s.actors(Actor.client("Your application"), Actor.kms(), new Actor("hsm", tokenName,
                ActorKind.HSM), Actor.cloudTrail());
        KeyMetadata key = createKey(s, storeId);
        byte[] blob = encrypt(s, key);
        decrypt(s, blob);
        disconnectAndFail(s, storeId, key);
        s.tip("Keys in a custom key store are symmetric encryption keys only, cannot be rotated by KMS, and are "
                + "Unavailable while the store is disconnected.");
        s.tip("Custom key store operations are authorized by IAM policies only; there is no key policy for a store.");
    }

    private static String createAndConnect(FlowSession s) {
        s.call("client", "CreateCustomKeyStore").param("CustomKeyStoreName", "payments-hsm")
                .param("CloudHsmClusterId (lab: token)", "token labelled 'kmslab-flow' of " + MODULE)
                .param("KeyStorePassword", "(hidden)")
                .narration("An administrator registers the HSM with KMS: in AWS a CloudHSM cluster and the password "
                        + "of its kmsuser; in the lab a PKCS#11 token and its user PIN.")
                .simulation("The lab registers a PKCS#11 token and its PIN instead of a CloudHSM cluster and the "
                        + "kmsuser password.").add();
        String storeId = s.engine().customKeyStores().createCustomKeyStore(s.caller(), new CreateCustomKeyStoreRequest(
                "payments-hsm", MODULE, null, null, "kmslab-flow", PIN.toCharArray())).customKeyStoreId();
        s.step("kms", "client", "CreateCustomKeyStore response").param("CustomKeyStoreId", storeId)
                .state("Store " + storeId + " is DISCONNECTED")
                .narration("A new store starts DISCONNECTED: nothing can be created in it yet.").add();
        s.call("client", "ConnectCustomKeyStore").param("CustomKeyStoreId", storeId)
                .narration("Connecting makes KMS log in to the HSM with the stored password.").add();
        s.engine().customKeyStores().connectCustomKeyStore(s.caller(), new ConnectCustomKeyStoreRequest(storeId));
        s.step("kms", "hsm", "Log in").narration("KMS logs in to the HSM as its kmsuser. From now on the HSM, not "
                + "KMS, holds and uses the key material.").state("Store CONNECTED")
                .simulation("In the lab, KMS opens a session with the PKCS#11 token and logs in with its user PIN.")
                .add();
        return storeId;
    }

    private static KeyMetadata createKey(FlowSession s, String storeId) {
        s.call("client", "CreateKey").param("CustomKeyStoreId", storeId).param("Origin", "AWS_CLOUDHSM")
                .narration("A key created with a CustomKeyStoreId gets its material from the store's HSM.").add();
        KeyMetadata key = s.engine().createKey(s.caller(), CreateKeyRequest.inCustomKeyStore(storeId,
                "KMS Lab flow: key in a custom key store")).keyMetadata();
        s.step("kms", "hsm", "Generate AES-256 key").param("Label", new Pkcs11KeyLabel(key.keyId(), 1).text())
                .narration("The HSM generates the key material itself; it does not leave the HSM.")
                .simulation("In the lab the token keeps the key as a sensitive, non-extractable object and the "
                        + "engine refers to it by the label shown; how KMS names the key in a CloudHSM cluster is "
                        + "not part of this flow's AWS documentation.").add();
        s.step("kms", "client", "CreateKey response").param("KeyId", key.keyId()).param("Origin", key.origin())
                .param("CustomKeyStoreId", key.customKeyStoreId()).param("CloudHsmClusterId", key.cloudHsmClusterId())
                .narration("DescribeKey shows where the key lives: its custom key store and cluster.").add();
        return key;
    }

    private static byte[] encrypt(FlowSession s, KeyMetadata key) {
        byte[] plaintext = FlowSession.utf8(SECRET);
        s.call("client", "Encrypt").param("KeyId", key.arn()).context(CONTEXT)
                .secret("Plaintext", PayloadKind.PLAINTEXT, plaintext).payload(FlowSession.contextPayload(CONTEXT))
                .narration("The application calls Encrypt exactly as for any other key.").add();
        EncryptResult result = s.engine().encrypt(s.caller(), EncryptRequest.of(key.arn(), plaintext, CONTEXT));
        s.step("kms", "hsm", "AES-256-GCM encrypt in the token")
                .narration("The cryptographic operation runs in the HSM with the key material that lives there.")
                .simulation("In the lab the engine hands the plaintext and the context to the token, which "
                        + "encrypts with AES-256-GCM and draws the IV from its own random generator. AWS does not "
                        + "document these internals.").add();
        s.step("kms", "client", "Encrypt response").param("KeyId", result.keyId())
                .open("Ciphertext blob", PayloadKind.CIPHERTEXT, result.ciphertextBlob())
                .narration("The blob looks like any KMS ciphertext: nothing in it reveals that an HSM made it.").add();
        s.audit("CloudTrail records the Encrypt like any other; the HSM work is invisible to the caller.");
        return result.ciphertextBlob();
    }

    private static void decrypt(FlowSession s, byte[] blob) {
        s.call("client", "Decrypt").open("Ciphertext blob", PayloadKind.CIPHERTEXT, blob).context(CONTEXT)
                .payload(FlowSession.contextPayload(CONTEXT))
                .narration("Decrypt names no key: the blob does, and KMS sees that the key lives in the store.").add();
        DecryptResult result = s.engine().decrypt(s.caller(), DecryptRequest.of(blob, CONTEXT));
        s.step("kms", "hsm", "AES-256-GCM decrypt in the token")
                .narration("The HSM decrypts with the key material that lives there.")
                .simulation("In the lab the token checks the GCM tag over the blob's header and the encryption "
                        + "context, then decrypts.").add();
        s.step("kms", "client", "Decrypt response").secret("Plaintext", PayloadKind.PLAINTEXT, result.plaintext())
                .narration("The plaintext returns over TLS; the key never left the token.").add();
        result.destroyPlaintext();
    }

    private static void disconnectAndFail(FlowSession s, String storeId, KeyMetadata key) {
        s.call("client", "DisconnectCustomKeyStore").param("CustomKeyStoreId", storeId)
                .narration("Disconnecting is the emergency brake: KMS logs out of the HSM.").add();
        s.engine().customKeyStores().disconnectCustomKeyStore(s.caller(),
                new DisconnectCustomKeyStoreRequest(storeId));
        s.step("kms", "hsm", "Log out").state("Store DISCONNECTED; its keys are Unavailable")
                .narration("Without a session to the token KMS cannot use the key at all.").add();
        s.call("client", "Encrypt").param("KeyId", key.arn()).context(CONTEXT)
                .narration("The application tries again while the store is disconnected.").add();
        StepBuilder response = s.step("kms", "client", "Encrypt error");
        s.attempt(() -> s.engine().encrypt(s.caller(), EncryptRequest.of(key.arn(), FlowSession.utf8(SECRET),
                CONTEXT)), response::failure);
        response.narration("The key state is Unavailable, so KMS refuses with KMSInvalidStateException. "
                        + "Reconnecting the store restores the key's previous state.")
                .tip("A key in a disconnected custom key store is Unavailable: cryptographic calls fail with "
                        + "KMSInvalidStateException until the store reconnects.").add();
        s.audit("The refused call is logged with its error code.");
    }
}
