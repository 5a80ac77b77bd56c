package dev.kmslab.flow;

import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.GetPublicKeyRequest;
import dev.kmslab.engine.model.GetPublicKeyResult;
import dev.kmslab.engine.model.KeyMetadata;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.MessageType;
import dev.kmslab.engine.model.SignRequest;
import dev.kmslab.engine.model.SignResult;
import dev.kmslab.engine.model.SigningAlgorithmSpec;
import dev.kmslab.engine.model.VerifyRequest;
import dev.kmslab.engine.model.VerifyResult;
import java.util.Arrays;
import java.util.Optional;

/**
 * Sign in KMS, verify anywhere: an ECC_NIST_P256 signing key signs a release manifest inside KMS; a partner with no
 * AWS credentials checks the signature with the public key alone (real JCA verification, no KMS call); a tampered
 * manifest fails that check; then KMS Verify does the same inside KMS, for a call and a kms:Verify permission.
 */
final class SignVerifyFlow {

    static final String MANIFEST = "release: kms-lab-agent 4.2.0\nsha256: "
            + "9f2c4e1ab07d5c3388e6f0b1d2a4c7e95b3f8a10c6d2e4f7a9b1c3d5e7f90a12\n";
    static final String TAMPERED = MANIFEST.replace("4.2.0", "4.2.1");
    static final SigningAlgorithmSpec ALGORITHM = SigningAlgorithmSpec.ECDSA_SHA_256;

    private SignVerifyFlow() {
    }

    static void record(FlowSession s) {
        s.actors(Actor.client("Signing service"), Actor.kms(), Actor.hsm(),
                new Actor("partner", "Partner without AWS credentials", ActorKind.CLIENT), Actor.cloudTrail());
        String keyArn = createSigningKey(s);
        GetPublicKeyResult publicKey = getPublicKey(s, keyArn);
        byte[] manifest = FlowSession.utf8(MANIFEST);
        byte[] signature = sign(s, keyArn, manifest);
        s.step("client", "partner", "Publish manifest and signature")
                .open("Message", PayloadKind.PLAINTEXT, manifest)
                .open("Signature", PayloadKind.SIGNATURE, signature)
                .narration("The service publishes the manifest with its signature beside it. Neither is secret: the "
                        + "signature proves who produced the manifest and that it has not changed since.").add();
        verifyOffline(s, publicKey.publicKey(), manifest, signature, "Verify offline",
                "The partner checks the signature on its own machine with the public key and a standard library "
                        + "(here Java's SHA256withECDSA). No AWS credentials, no network call to KMS, no charge: "
                        + "KMS is not involved at all.");
        byte[] tampered = FlowSession.utf8(TAMPERED);
        verifyOffline(s, publicKey.publicKey(), tampered, signature, "Verify a tampered manifest offline",
                "Someone changes the version in the manifest and keeps the original signature. The same offline "
                        + "check now fails: the signature covers every byte of the message.");
        verifyInKms(s, keyArn, manifest, signature);
        verifyInKms(s, keyArn, tampered, signature);
        s.tip("Asymmetric KMS keys: the private key never leaves KMS unencrypted; GetPublicKey hands out the public "
                + "key for use outside AWS.");
        s.tip("Verifying with the downloaded public key needs no AWS credentials and is not recorded in CloudTrail.");
        s.tip("KMS Verify: a call that needs kms:Verify, runs inside KMS and is logged; an invalid signature is "
                + "KMSInvalidSignatureException.");
        s.tip("Sign with MessageType RAW takes up to 4096 bytes; for a larger message send its digest as DIGEST.");
    }

    private static String createSigningKey(FlowSession s) {
        s.call("client", "CreateKey").param("KeySpec", KeySpec.ECC_NIST_P256).param("KeyUsage", KeyUsage.SIGN_VERIFY)
                .narration("The signing service creates an asymmetric KMS key for signing: an elliptic-curve key pair "
                        + "on the NIST P-256 curve. A key's usage is fixed when it is created: this one can sign and "
                        + "verify, never encrypt.")
                .tip("An asymmetric KMS key has one key usage: ENCRYPT_DECRYPT, SIGN_VERIFY or KEY_AGREEMENT.").add();
        KeyMetadata key = s.engine().createKey(s.caller(), new CreateKeyRequest("Release signing key",
                KeyUsage.SIGN_VERIFY, KeySpec.ECC_NIST_P256, null, null)).keyMetadata();
        s.step("kms", "hsm", "Generate key pair").param("Curve", "NIST P-256")
                .narration("KMS generates the key pair in its hardware security modules. The private key is never "
                        + "exported unencrypted: every signature has to be asked of KMS.")
                .state("The private key exists only inside KMS").add();
        s.step("kms", "client", "CreateKey response").param("KeyId", key.arn()).param("KeyState", key.keyState())
                .param("SigningAlgorithms", key.signingAlgorithms())
                .open("Key ARN", PayloadKind.KEY_ID, FlowSession.utf8(key.arn()))
                .narration("The new key is Enabled and lists the signing algorithms it supports.").add();
        return key.arn();
    }

    private static GetPublicKeyResult getPublicKey(FlowSession s, String keyArn) {
        s.call("client", "GetPublicKey").param("KeyId", keyArn)
                .narration("The service downloads the public half of the key pair. This needs kms:GetPublicKey on "
                        + "the key, like any other KMS call.").add();
        GetPublicKeyResult r = s.engine().getPublicKey(s.caller(), new GetPublicKeyRequest(keyArn));
        s.step("kms", "client", "GetPublicKey response").param("KeySpec", r.keySpec())
                .param("KeyUsage", r.keyUsage()).param("SigningAlgorithms", r.signingAlgorithms())
                .open("Public key (DER)", PayloadKind.OTHER, r.publicKey())
                .payload(Payload.text("Public key (PEM)", PayloadKind.OTHER, r.pem(), false))
                .narration("KMS returns the public key as a DER-encoded SubjectPublicKeyInfo, the standard format "
                        + "that OpenSSL and Java read; the PEM form is the same bytes in Base64 between header lines. "
                        + "The response also says what the key is for, so a user outside KMS knows how to use it.")
                .tip("The public key is not secret: share it freely, but make sure the partner knows it is yours.")
                .add();
        s.step("client", "partner", "Share the public key")
                .payload(Payload.text("Public key (PEM)", PayloadKind.OTHER, r.pem(), false))
                .narration("The service gives the partner the PEM file once, for example with its documentation. "
                        + "From now on the partner can check signatures without ever talking to AWS.")
                .state("The partner holds the public key; nothing else").add();
        return r;
    }

    private static byte[] sign(FlowSession s, String keyArn, byte[] message) {
        s.call("client", "Sign").param("KeyId", keyArn).param("MessageType", MessageType.RAW)
                .param("SigningAlgorithm", ALGORITHM).open("Message", PayloadKind.PLAINTEXT, message)
                .narration("To sign, the service sends the message itself (MessageType RAW) and names the signing "
                        + "algorithm. RAW messages can be up to 4096 bytes.").add();
        SignResult r = s.engine().sign(s.caller(), SignRequest.raw(keyArn, message, ALGORITHM));
        s.step("kms", "hsm", "Hash and sign")
                .narration("Inside KMS the message is hashed with SHA-256 and the digest is signed with the private "
                        + "key (ECDSA).").add();
        s.step("kms", "client", "Sign response").param("SigningAlgorithm", r.signingAlgorithm())
                .param("Signature length", r.signature().length + " bytes")
                .open("Signature", PayloadKind.SIGNATURE, r.signature())
                .narration("KMS returns the ECDSA signature DER-encoded, the form OpenSSL and Java expect. Only the "
                        + "signature comes back; the message was never stored.")
                .state("The private key never left KMS: only the signature did").add();
        s.audit("CloudTrail records the Sign call: who signed, with which key and algorithm.");
        return r.signature();
    }

    private static void verifyOffline(FlowSession s, byte[] publicKeyDer, byte[] message, byte[] signature,
                                      String action, String narration) {
        boolean valid = OfflineVerifier.verify(publicKeyDer, ALGORITHM, message, signature);
        s.step("partner", "partner", action).param("Library", "Java " + OfflineVerifier.jcaName(ALGORITHM))
                .param("KMS calls", 0).param("Result", valid ? "valid" : "INVALID")
                .open("Message", PayloadKind.PLAINTEXT, message)
                .open("Signature", PayloadKind.SIGNATURE, signature)
                .open("Public key (DER)", PayloadKind.OTHER, publicKeyDer)
                .narration(narration + (valid ? "" : " Verification returns false and the partner rejects it."))
                .tip(valid ? "Outside KMS, the key policy, disabling the key and CloudTrail do not apply: whoever "
                        + "has the public key can verify, and nothing is logged."
                        : "Change a single byte of a signed message and its signature no longer verifies.")
                .state(valid ? "Accepted: signed by the holder of the private key, unchanged"
                        : "Rejected: the signature does not match this message").add();
    }

    private static void verifyInKms(FlowSession s, String keyArn, byte[] message, byte[] signature) {
        boolean tampered = !Arrays.equals(message, FlowSession.utf8(MANIFEST));
        s.call("client", "Verify").param("KeyId", keyArn).param("MessageType", MessageType.RAW)
                .param("SigningAlgorithm", ALGORITHM).open("Message", PayloadKind.PLAINTEXT, message)
                .open("Signature", PayloadKind.SIGNATURE, signature)
                .narration(tampered ? "The service asks KMS about the tampered manifest too."
                        : "The alternative: a caller with AWS credentials asks KMS to verify. It costs a request, "
                                + "needs kms:Verify on the key, and the call is logged in CloudTrail.")
                .add();
        StepBuilder response = s.step("kms", "client", tampered ? "Verify error" : "Verify response");
        Optional<VerifyResult> r = s.attempt(() -> s.engine().verify(s.caller(), new VerifyRequest(keyArn, message,
                MessageType.RAW, signature, ALGORITHM)), response::failure);
        if (r.isPresent()) {
            response.param("SignatureValid", r.get().signatureValid())
                    .narration("KMS checks the signature with the key pair it holds and answers "
                            + "SignatureValid: true.")
                    .tip("Verify inside KMS when you want the key policy to decide who may verify and CloudTrail "
                            + "to record it; download the public key when verifiers have no AWS access.").add();
        } else {
            response.narration("KMS does not answer false: an invalid signature is an error, "
                    + "KMSInvalidSignatureException, that the caller must handle.").add();
        }
        s.audit(tampered ? "The failed Verify is in CloudTrail too, with its error code."
                : "Unlike the partner's offline checks, this verification is in the audit log.");
    }
}
