package dev.kmslab.ui.keylab.asymmetric;

import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.model.DeriveSharedSecretRequest;
import dev.kmslab.engine.model.DeriveSharedSecretResult;
import dev.kmslab.engine.model.GetPublicKeyRequest;
import dev.kmslab.engine.model.KeyAgreementAlgorithmSpec;
import dev.kmslab.ui.keylab.common.ByteText;
import dev.kmslab.ui.keylab.common.KeyLabSession;
import dev.kmslab.ui.keylab.common.Outcome;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import javax.crypto.KeyAgreement;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * DeriveSharedSecret with a KEY_AGREEMENT key: a peer key pair is generated here, KMS derives the ECDH secret from
 * its private key and the peer's public key, and the peer derives it from its private key and the KMS public key.
 * Both sides are shown only as SHA-256 fingerprints: the raw secret is key material and should feed a KDF.
 */
public final class SharedSecretModel {

    private final KeyLabSession session;
    private final Outcome outcome = new Outcome();
    private final ObjectProperty<AsymKey> key = new SimpleObjectProperty<>();
    private final javafx.beans.property.ReadOnlyStringWrapper kmsSide = new javafx.beans.property.ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyStringWrapper peerSide = new javafx.beans.property.ReadOnlyStringWrapper("");

    SharedSecretModel(KeyLabSession session) {
        this.session = session;
    }

    void setKey(AsymKey k) {
        key.set(k);
        kmsSide.set("");
        peerSide.set("");
        outcome.clear();
    }

    public void derive() {
        AsymKey k = key.get();
        if (k == null) {
            return;
        }
        session.call(engine -> {
            try {
                return compute(engine, k);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("The local side of ECDH failed: " + e.getMessage(), e);
            }
        }, out -> {
            kmsSide.set(out[0]);
            peerSide.set(out[1]);
            outcome.done(out[0].equals(out[1]) ? "Both sides derived the same " + out[2] + "-byte secret; neither "
                    + "private key left its owner." : "The two secrets differ!");
        }, outcome::failed);
    }

    private String[] compute(KmsEngine engine, AsymKey k) throws GeneralSecurityException {
        byte[] kmsPublic = engine.getPublicKey(session.caller(), new GetPublicKeyRequest(k.keyId())).publicKey();
        KeyPair peer = peerKeyPair(k.spec().name());
        DeriveSharedSecretResult r = engine.deriveSharedSecret(session.caller(), new DeriveSharedSecretRequest(
                k.keyId(), KeyAgreementAlgorithmSpec.ECDH, peer.getPublic().getEncoded()));
        byte[] local = localSecret(peer, kmsPublic);
        try {
            return new String[] {fingerprint(r.sharedSecret()), fingerprint(local), String.valueOf(local.length)};
        } finally {
            r.destroySharedSecret();
            Arrays.fill(local, (byte) 0);
        }
    }

    private static KeyPair peerKeyPair(String spec) throws GeneralSecurityException {
        String curve = switch (spec) {
            case "ECC_NIST_P384" -> "secp384r1";
            case "ECC_NIST_P521" -> "secp521r1";
            default -> "secp256r1";
        };
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }

    private static byte[] localSecret(KeyPair peer, byte[] kmsPublicDer) throws GeneralSecurityException {
        KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
        ecdh.init(peer.getPrivate());
        ecdh.doPhase(KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(kmsPublicDer)), true);
        return ecdh.generateSecret();
    }

    private static String fingerprint(byte[] secret) throws GeneralSecurityException {
        return "SHA-256 " + ByteText.format(MessageDigest.getInstance("SHA-256").digest(secret),
                ByteText.Encoding.HEX).substring(0, 32) + "…";
    }

    public ReadOnlyStringProperty kmsSideProperty() {
        return kmsSide.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty peerSideProperty() {
        return peerSide.getReadOnlyProperty();
    }

    public Outcome outcome() {
        return outcome;
    }
}
