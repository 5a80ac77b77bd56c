package dev.kmslab.flow;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.model.CreateGrantRequest;
import dev.kmslab.engine.model.CreateGrantResult;
import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.DecryptResult;
import dev.kmslab.engine.model.GenerateDataKeyRequest;
import dev.kmslab.engine.model.RetireGrantRequest;
import dev.kmslab.engine.policy.Decision;
import dev.kmslab.engine.model.GrantConstraints;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A grant in use: attaching an encrypted EBS volume. As the AWS KMS developer guide describes it, EBS stores the
 * volume's data key encrypted (GenerateDataKeyWithoutPlaintext, context {@code aws:ebs:id}); on attach, EC2 creates a
 * grant that lets the EC2 infrastructure's session for the instance Decrypt, constrained to the volume's context with
 * EncryptionContextSubset, and then decrypts the data key. The guide's grant example names the grantee
 * {@code assumed-role/aws:ec2-infrastructure/<instance id>}; a customer cannot create a role named with a colon, and
 * neither can the lab's IAM, so the flow stands it in with a role named {@code ec2-infrastructure} and says so.
 */
final class GrantFlows {

    static final String VOLUME = "vol-0f3c9a61d2b84e7a5";
    static final String INSTANCE = "i-0a1b2c3d4e5f67890";
    static final String INFRASTRUCTURE_ROLE = "ec2-infrastructure";
    private static final Map<String, String> CONTEXT = Map.of("aws:ebs:id", VOLUME);

    private GrantFlows() {
    }

    static List<FlowDefinition> all() {
        return List.of(new FlowDefinition("grant-ebs", "A grant in use: EBS volume attach",
                "EC2 creates a grant so the instance's host can decrypt the volume's data key, uses it with the "
                        + "grant token, and retires it when the volume is detached.", "Permissions", true,
                GrantFlows::ebsAttach));
    }

    private static void ebsAttach(FlowSession s) {
        s.actors(new Actor("client", "You (EC2 console)", ActorKind.CLIENT), Actor.service("ec2", "Amazon EC2 / EBS"),
                Actor.storage("volume", "EBS volume " + VOLUME), Actor.kms(), Actor.cloudTrail());
        byte[] encryptedKey = createVolume(s);
        String grantee = "arn:aws:sts::" + s.account() + ":assumed-role/" + INFRASTRUCTURE_ROLE + "/" + INSTANCE;
        s.engine().principals().createRole(s.account(), INFRASTRUCTURE_ROLE);
        String ec2Service = "ec2." + s.region() + ".amazonaws.com";

        s.step("client", "ec2", "AttachVolume").param("VolumeId", VOLUME).param("InstanceId", INSTANCE)
                .narration("You attach the volume to a running instance. Your IAM permissions are used once more, to "
                        + "let EC2 create a grant on your behalf.").add();
        CreateGrantRequest request = new CreateGrantRequest(s.keyArn(), grantee, ec2Service, List.of("Decrypt"),
                GrantConstraints.subset(CONTEXT), null, null);
        s.call("ec2", "CreateGrant").param("KeyId", s.keyArn()).param("GranteePrincipal", grantee)
                .param("RetiringPrincipal", ec2Service).param("Operations", "[Decrypt]")
                .param("Constraints", "EncryptionContextSubset " + FlowSession.contextText(CONTEXT))
                .param("ViaService", ec2Service)
                .narration("EC2 asks KMS for a grant: the EC2 infrastructure's session for this instance may call "
                        + "Decrypt, but only with this volume's id in the encryption context. The grant is created "
                        + "with your permissions (kms:CreateGrant through EC2), not the instance's. (AWS names that "
                        + "session's role aws:ec2-infrastructure; the lab calls it ec2-infrastructure.)")
                .tip("Grants give temporary, narrow permission (listed operations, optional context constraints) "
                        + "without editing the key policy; AWS services create them on your behalf.").add();
        CreateGrantResult grant = s.engine().createGrant(s.via("ec2"), request);
        s.step("kms", "ec2", "CreateGrant response").param("GrantId", grant.grantId())
                .payload(Payload.text("Grant token", PayloadKind.OTHER, grant.grantToken(), true))
                .narration("KMS returns the grant id and a grant token. Grants are eventually consistent: a new "
                        + "grant may take a short while to be in force everywhere in KMS. Presenting the token "
                        + "makes the grant usable at once.")
                .state("Grant " + shortId(grant.grantId()) + " exists: Decrypt, for " + VOLUME + " only").add();

        CallerContext noToken = CallerContext.of(grantee);
        long delay = s.engine().config().grantPropagationDelay().toSeconds();
        decryptKey(s, noToken, encryptedKey, "To see why the token exists, the lab first calls Decrypt as the "
                + "grantee without it, immediately after CreateGrant (the lab's grants take " + delay + " seconds "
                + "of engine time to propagate).", "Without the token, KMS has not yet seen the grant in force and nothing "
                + "else allows this principal: AccessDeniedException. In AWS the delay is usually brief, but a "
                + "call made right away can fail like this.");
        CallerContext withToken = new CallerContext(grantee, Optional.empty(), List.of(grant.grantToken()));
        decryptKey(s, withToken, encryptedKey, "EC2 decrypts the volume's data key as the grantee, passing the "
                + "grant token and the volume's encryption context.", "");
        s.step("ec2", "ec2", "Data key in host memory")
                .narration("EC2 keeps the plaintext data key in the memory of the host running the instance and uses "
                        + "it to encrypt and decrypt all I/O to the volume. The instance never sees the key.")
                .state("Plaintext data key held in the host's memory, never stored").add();

        s.step("client", "ec2", "DetachVolume").param("VolumeId", VOLUME).param("InstanceId", INSTANCE)
                .narration("Later you detach the volume. The grant has done its job.").add();
        s.call("ec2", "RetireGrant").param("KeyId", s.keyArn()).param("GrantId", grant.grantId())
                .narration("The grant named EC2 as its retiring principal, so EC2 retires it: AWS services retire "
                        + "the grants they create once they no longer need them.")
                .tip("RetireGrant: by the retiring principal, the grantee if the grant allows it, or the key's "
                        + "account. RevokeGrant: by a key administrator with kms:RevokeGrant.").add();
        s.engine().retireGrant(CallerContext.of(ec2Service), RetireGrantRequest.byId(s.keyArn(), grant.grantId()));
        s.step("kms", "ec2", "RetireGrant response").narration("The grant is deleted.")
                .state("Grant " + shortId(grant.grantId()) + " retired").add();
        decryptKey(s, withToken, encryptedKey, "If anything tried to decrypt the data key again with the old grant "
                + "token...", "...it fails: the grant is gone, and a token cannot bring it back.");
        s.audit("CloudTrail shows the RetireGrant and the refused Decrypt; ListGrants no longer lists the grant.");
        s.tip("EBS encryption context: aws:ebs:id with the volume id; the grant's EncryptionContextSubset "
                + "constraint pins it to one volume.");
        s.tip("Grant tokens bridge eventual consistency: pass the token until the grant has propagated.");
    }

    private static byte[] createVolume(FlowSession s) {
        s.step("client", "ec2", "CreateVolume").param("Encrypted", true).param("KmsKeyId", s.keyArn())
                .narration("You create an encrypted volume with a customer managed key.").add();
        s.call("ec2", "GenerateDataKeyWithoutPlaintext").param("KeyId", s.keyArn()).context(CONTEXT)
                .param("KeySpec", "AES_256").payload(FlowSession.contextPayload(CONTEXT))
                .narration("EBS asks KMS for a data key for this volume, encrypted only: nothing needs the plaintext "
                        + "key until the volume is attached. The volume id is the encryption context.").add();
        byte[] encrypted = s.engine().generateDataKeyWithoutPlaintext(s.via("ec2"),
                GenerateDataKeyRequest.aes256(s.keyArn(), CONTEXT)).ciphertextBlob();
        s.step("kms", "ec2", "GenerateDataKeyWithoutPlaintext response")
                .open("Encrypted data key", PayloadKind.ENCRYPTED_DATA_KEY, encrypted)
                .narration("KMS returns the data key encrypted under the KMS key.").add();
        s.step("ec2", "volume", "Store with volume metadata")
                .open("Encrypted data key", PayloadKind.ENCRYPTED_DATA_KEY, encrypted)
                .narration("EBS stores the encrypted data key with the volume's metadata.")
                .state("Volume " + VOLUME + " has its own data key, stored encrypted").add();
        return encrypted;
    }

    private static void decryptKey(FlowSession s, CallerContext who, byte[] encryptedKey, String narration,
                                   String deniedNarration) {
        s.call("ec2", "Decrypt").param("Caller", who.principalArn())
                .param("GrantTokens", who.grantTokens().isEmpty() ? "(none)" : "[grant token]")
                .param("CiphertextBlob", encryptedKey.length + " bytes").context(CONTEXT)
                .open("Encrypted data key", PayloadKind.ENCRYPTED_DATA_KEY, encryptedKey).narration(narration).add();
        StepBuilder response = s.step("kms", "ec2", "Decrypt response");
        Optional<DecryptResult> result = s.attempt(() -> s.engine().decrypt(who,
                DecryptRequest.of(encryptedKey, CONTEXT)), response::failure);
        if (result.isPresent()) {
            DecryptResult r = result.get();
            response.secret("Plaintext data key", PayloadKind.DATA_KEY, r.plaintext())
                    .narration("Allowed by the grant: the caller is its grantee, Decrypt is one of its operations and "
                            + "the context contains aws:ebs:id=" + VOLUME + ".").add();
            r.destroyPlaintext();
            return;
        }
        Decision d = s.decision(who, "kms:Decrypt", CONTEXT);
        response.payload(FlowSession.evaluationPayload(d)).narration(deniedNarration + " (" + d.reason() + ")")
                .add();
    }

    private static String shortId(String grantId) {
        return grantId.length() > 12 ? grantId.substring(0, 12) + "…" : grantId;
    }
}
