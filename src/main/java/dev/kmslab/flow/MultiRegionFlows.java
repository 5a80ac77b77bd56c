package dev.kmslab.flow;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.KmsRegions;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.DecryptResult;
import dev.kmslab.engine.model.EncryptRequest;
import dev.kmslab.engine.model.KeyMetadata;
import dev.kmslab.engine.model.ReplicateKeyRequest;
import dev.kmslab.engine.store.InMemoryKeystoreStorage;
import dev.kmslab.engine.store.KeystoreCorruptException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Multi-Region keys: encrypt in one Region and decrypt in another with a replica. The flow's engine is the primary
 * Region; a second engine for the replica Region is opened beside it on the same clock and audit log and linked to
 * it, so every step is a real call in the Region whose lane it is drawn in.
 */
final class MultiRegionFlows {

    static final String PRIMARY_REGION = "us-east-1";
    static final String REPLICA_REGION = "eu-west-1";
    private static final Map<String, String> CONTEXT = Map.of("order", "EU-20931");

    private MultiRegionFlows() {
    }

    static List<FlowDefinition> all() {
        return List.of(new FlowDefinition("multi-region-decrypt", "Decrypt a multi-Region ciphertext in another Region",
                "A multi-Region key replicated to eu-west-1 decrypts there what its primary encrypted in us-east-1, "
                        + "with no cross-Region call.", "Key lifecycle", true, MultiRegionFlows::decryptElsewhere));
    }

    /** The flow's engine (the primary Region) linked with a fresh engine for the replica Region. */
    private static KmsEngine replicaRegion(FlowSession s) {
        KmsEngine primary = s.engine();
        try {
            KmsEngine replica = KmsEngine.open(primary.config().withAccountAndRegion(primary.account(),
                    REPLICA_REGION).withStorage(new InMemoryKeystoreStorage()));
            KmsRegions.link(List.of(primary, replica));
            return replica;
        } catch (IOException | KeystoreCorruptException e) {
            throw new IllegalStateException("an empty in-memory keystore cannot fail to load", e);
        }
    }

    private static void decryptElsewhere(FlowSession s) {
        s.actors(Actor.client("Application in " + PRIMARY_REGION), new Actor("kms", "AWS KMS · " + PRIMARY_REGION,
                ActorKind.KMS), new Actor("kms-eu", "AWS KMS · " + REPLICA_REGION, ActorKind.KMS),
                new Actor("client-eu", "Application in " + REPLICA_REGION, ActorKind.CLIENT), Actor.cloudTrail());
        KmsEngine east = s.engine();
        KmsEngine eu = replicaRegion(s);
        CallerContext caller = s.caller();

        s.call("client", "CreateKey").param("MultiRegion", true)
                .narration("The application creates a multi-Region primary key in " + PRIMARY_REGION + ".").add();
        KeyMetadata primary = east.createKey(caller, CreateKeyRequest.withDescription("orders, every Region")
                .withMultiRegion(true)).keyMetadata();
        s.step("kms", "client", "CreateKey response").param("KeyId", primary.keyId()).param("Arn", primary.arn())
                .param("MultiRegionKeyType", primary.multiRegionConfiguration().multiRegionKeyType())
                .narration("A multi-Region key id starts with mrk-. This key is the primary: the only one that can "
                        + "be replicated.").add();

        s.call("client", "ReplicateKey").param("KeyId", primary.keyId()).param("ReplicaRegion", REPLICA_REGION)
                .narration("ReplicateKey is sent to the primary's Region and names the Region for the replica.")
                .add();
        KeyMetadata replica = east.replicateKey(caller, new ReplicateKeyRequest(primary.keyId(), REPLICA_REGION))
                .replicaKeyMetadata();
        s.step("kms", "kms-eu", "Copy the key").param("KeyId", replica.keyId()).param("Arn", replica.arn())
                .narration("KMS creates the replica in " + REPLICA_REGION + " with the same key id and the same key "
                        + "material. Only the Region in the ARN differs.")
                .tip("A replica has its own key policy, grants, aliases, tags and key state; key material, key id, "
                        + "key spec, usage, origin and rotation are shared.")
                .state("Two related keys: primary in " + PRIMARY_REGION + ", replica in " + REPLICA_REGION).add();

        byte[] plaintext = FlowSession.utf8("Ship 3 crates to Dublin");
        s.call("client", "Encrypt").param("KeyId", primary.arn()).context(CONTEXT)
                .secret("Plaintext", PayloadKind.PLAINTEXT, plaintext)
                .narration("The application in " + PRIMARY_REGION + " encrypts an order with the primary key.").add();
        byte[] blob = east.encrypt(caller, EncryptRequest.of(primary.arn(), plaintext, CONTEXT)).ciphertextBlob();
        s.step("kms", "client", "Encrypt response").open("Ciphertext blob", PayloadKind.CIPHERTEXT, blob)
                .narration("The ciphertext blob names the key id, which both Regions share.").add();
        s.step("client", "client-eu", "Replicate the data").open("Ciphertext blob", PayloadKind.CIPHERTEXT, blob)
                .narration("The encrypted order travels to " + REPLICA_REGION + " as data (for example through a "
                        + "replicated table or bucket). Only ciphertext crosses the Regions.").add();

        s.call("client-eu", "kms-eu", "Decrypt").param("CiphertextBlob", blob.length + " bytes").context(CONTEXT)
                .open("Ciphertext blob", PayloadKind.CIPHERTEXT, blob)
                .narration("The application in " + REPLICA_REGION + " calls KMS in its own Region.").add();
        DecryptResult opened = eu.decrypt(caller, DecryptRequest.of(blob, CONTEXT));
        s.step("kms-eu", "client-eu", "Decrypt response").param("KeyId", opened.keyId())
                .secret("Plaintext", PayloadKind.PLAINTEXT, opened.plaintext())
                .narration("The replica decrypts it with the same key material. KMS in " + REPLICA_REGION + " never "
                        + "called " + PRIMARY_REGION + ".")
                .tip("Multi-Region keys let ciphertext move between Regions without re-encrypting and without a "
                        + "cross-Region call to KMS.").add();
        opened.destroyPlaintext();
        s.audit("The Decrypt is recorded in " + REPLICA_REGION + ", where it happened, against the replica's ARN.");

        singleRegionContrast(s, east, eu, caller);
        s.tip("Related multi-Region keys have the same key id; their ARNs differ only in the Region.");
        s.tip("Only the primary can be replicated; UpdatePrimaryRegion makes a replica the primary.");
        s.tip("A primary with replicas cannot be deleted until its replicas are: it waits in PendingReplicaDeletion.");
    }

    /** The same journey with a single-Region key: the other Region has no key to decrypt with. */
    private static void singleRegionContrast(FlowSession s, KmsEngine east, KmsEngine eu, CallerContext caller) {
        String single = east.createKey(caller, CreateKeyRequest.withDescription("orders, us-east-1 only"))
                .keyMetadata().arn();
        byte[] blob = east.encrypt(caller, EncryptRequest.of(single, FlowSession.utf8("Ship 1 crate to Cork"),
                CONTEXT)).ciphertextBlob();
        s.call("client-eu", "kms-eu", "Decrypt").param("CiphertextBlob", blob.length + " bytes").context(CONTEXT)
                .open("Ciphertext blob (single-Region key)", PayloadKind.CIPHERTEXT, blob)
                .narration("For contrast: an order encrypted in " + PRIMARY_REGION + " under an ordinary "
                        + "single-Region key is sent to " + REPLICA_REGION + " too.").add();
        StepBuilder response = s.step("kms-eu", "client-eu", "Decrypt error");
        String[] code = {"no error"};
        Optional<DecryptResult> r = s.attempt(() -> eu.decrypt(caller, DecryptRequest.of(blob, CONTEXT)), f -> {
            code[0] = f.errorCode();
            response.failure(f);
        });
        r.ifPresent(DecryptResult::destroyPlaintext);
        response.narration(REPLICA_REGION + " holds no key with that id: a single-Region key exists only in its own "
                        + "Region, so KMS there cannot decrypt the blob. The data would have to be decrypted in "
                        + PRIMARY_REGION + " and encrypted again in " + REPLICA_REGION + ".")
                .simulation("AWS does not document which error Decrypt returns for a ciphertext whose key is in "
                        + "another Region. The lab's engine answers " + code[0] + ".")
                .add();
    }
}
