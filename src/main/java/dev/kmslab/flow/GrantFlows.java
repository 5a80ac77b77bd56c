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
 * volume's data key encrypted (GenerateDataKeyWithoutPlaintext with {@code NumberOfBytes} 64: AES-256-XTS needs two
 * 256-bit keys, one 512-bit volume key; context {@code aws:ebs:id}); on attach, EC2 creates a
 * grant that lets the EC2 infrastructure's session for the instance Decrypt, constrained to the volume's context with
 * EncryptionContextSubset, and then decrypts the data key. The guide's grant example names the grantee
 * {@code assumed-role/aws:ec2-infrastructure/<instance id>}; a customer cannot create a role named with a colon, and
 * neither can the lab's IAM, so the flow stands it in with a role named {@code ec2-infrastructure} and says so.
 * AWS's example grant names no retiring principal and AWS does not document when EC2 ends the grant, so the flow's
 * RetireGrant (by the account that created the grant, which may always retire it) is marked as the lab's assumption.
 */
final class GrantFlows {

    static final String VOLUME = "vol-0f3c9a61d2b84e7a5";
    static final String INSTANCE = "i-0a1b2c3d4e5f67890";
    static final String INFRASTRUCTURE_ROLE = "ec2-infrastructure";
    private static final Map<String, String> CONTEXT = Map.of("aws:ebs:id", VOLUME);
    /** Bytes of the volume key: AES-256-XTS uses two 256-bit keys, which AWS describes as one 512-bit key. */
    static final int VOLUME_KEY_BYTES = 64;

    private GrantFlows() {
    }

    static List<FlowDefinition> all() {
        return List.of(new FlowDefinition("grant-ebs", "A grant in use: EBS volume attach",
                "EC2 creates a grant so the EC2 infrastructure can decrypt the volume's data key for the instance, "
                        + "uses it with the grant token; then the grant is retired.", "Permissions", true,
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
        CreateGrantRequest request = new CreateGrantRequest(s.keyArn(), grantee, null, List.of("Decrypt"),
                GrantConstraints.subset(CONTEXT), null, null);
        s.call("ec2", "CreateGrant").param("KeyId", s.keyArn()).param("GranteePrincipal", grantee)
                .param("Operations", "[Decrypt]")
                .param("Constraints", "EncryptionContextSubset " + FlowSession.contextText(CONTEXT))
                .viaService(ec2Service)
                .narration("EC2 asks KMS for a grant: the EC2 infrastructure's session for this instance may call "
                        + "Decrypt, but only with this volume's id in the encryption context. The grant is created "
                        + "with your permissions (kms:CreateGrant through EC2), not the instance's. (AWS names that "
                        + "session's role aws:ec2-infrastructure; the lab calls it ec2-infrastructure.) Because EC2 "
                        + "makes the call for you, KMS evaluates the condition key kms:ViaService with EC2's endpoint: "
                        + "a key policy can allow CreateGrant only when it comes through EC2.")
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
                + "grantee without it, immediately after CreateGrant.", "Without the token, KMS has not yet seen "
                + "the grant in force and nothing else allows this principal: AccessDeniedException. In AWS the "
                + "delay is usually brief (under five minutes), but a call made right away can fail like this.",
                "The lab's engine makes a new grant wait " + delay + " seconds of engine time before it is in force "
                        + "without a token, so that this failure can be shown every time; in AWS it may or may not "
                        + "happen.");
        CallerContext withToken = new CallerContext(grantee, Optional.empty(), List.of(grant.grantToken()));
        decryptKey(s, withToken, encryptedKey, "EC2 decrypts the volume's data key as the grantee, passing the "
                + "grant token and the volume's encryption context.", "", "");
        s.step("ec2", "ec2", "Data key in the Nitro hardware")
                .narration("EC2 loads the plaintext data key into the Nitro hardware of the host and uses it to "
                        + "encrypt and decrypt all I/O to the volume while it is attached. The instance never sees "
                        + "the key.")
                .state("Plaintext data key held by the Nitro hardware while the volume is attached, never stored")
                .add();

        s.step("client", "ec2", "DetachVolume").param("VolumeId", VOLUME).param("InstanceId", INSTANCE)
                .narration("Later you detach the volume. The grant has done its job.").add();
        s.call("ec2", "RetireGrant").param("KeyId", s.keyArn()).param("GrantId", grant.grantId())
                .narration("The grant is retired. The account in which a grant was created may always retire it; "
                        + "a grant can also name a retiring principal, and AWS services retire grants they no "
                        + "longer need.")
                .simulation("Assumption: AWS's example of this grant names no retiring principal, and AWS does not "
                        + "document when EC2 ends it. The lab retires it here, as the account that created it, to "
                        + "show what retiring does.")
                .tip("RetireGrant: by the retiring principal, the grantee if the grant allows it, or the account "
                        + "that created the grant. RevokeGrant: by a key administrator with kms:RevokeGrant.").add();
        s.engine().retireGrant(s.via("ec2"), RetireGrantRequest.byId(s.keyArn(), grant.grantId()));
        s.step("kms", "ec2", "RetireGrant response")
                .narration("The grant is deleted. Retiring (like revoking) is eventually consistent: for a short "
                        + "time, usually under five minutes, KMS may still allow a call the grant allowed.")
                .state("Grant " + shortId(grant.grantId()) + " retired").add();
        decryptKey(s, withToken, encryptedKey, "If anything tried to decrypt the data key again with the old grant "
                + "token...", "In AWS such a call may still succeed for a short while after RetireGrant, until the "
                + "retirement has reached all of KMS; after that it fails, and a token cannot bring the grant back.",
                "The lab's engine applies RetireGrant at once, so here the call already fails; in AWS it could "
                        + "still succeed for a short time.");
        s.audit("CloudTrail shows the RetireGrant and the refused Decrypt; ListGrants no longer lists the grant.");
        s.tip("EBS encryption context: aws:ebs:id with the volume id; the grant's EncryptionContextSubset "
                + "constraint pins it to one volume.");
        s.tip("Grant tokens bridge eventual consistency: pass the token until the grant has propagated.");
    }

    private static byte[] createVolume(FlowSession s) {
        s.step("client", "ec2", "CreateVolume").param("Encrypted", true).param("KmsKeyId", s.keyArn())
                .narration("You create an encrypted volume with a customer managed key.").add();
        s.call("ec2", "GenerateDataKeyWithoutPlaintext").param("KeyId", s.keyArn()).context(CONTEXT)
                .param("NumberOfBytes", VOLUME_KEY_BYTES).payload(FlowSession.contextPayload(CONTEXT))
                .viaService("ec2." + s.region() + ".amazonaws.com")
                .narration("EBS asks KMS for a data key for this volume, encrypted only: nothing needs the plaintext "
                        + "key until the volume is attached. It asks for 64 bytes, not KeySpec AES_256: volumes are "
                        + "encrypted with AES-256-XTS, which takes two 256-bit keys, one 512-bit volume key. The "
                        + "volume id is the encryption context.").add();
        byte[] encrypted = s.engine().generateDataKeyWithoutPlaintext(s.via("ec2"),
                new GenerateDataKeyRequest(s.keyArn(), CONTEXT, VOLUME_KEY_BYTES, null)).ciphertextBlob();
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
                                   String deniedNarration, String deniedSimulation) {
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
        response.payload(FlowSession.evaluationPayload(d)).narration(deniedNarration).simulation(deniedSimulation)
                .simulation(PolicyFlows.simulated(d)).add();
    }

    private static String shortId(String grantId) {
        return grantId.length() > 12 ? grantId.substring(0, 12) + "…" : grantId;
    }
}
