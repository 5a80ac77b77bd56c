package dev.kmslab.engine.crypto.asymmetric.spec;

import dev.kmslab.engine.model.EncryptionAlgorithmSpec;
import dev.kmslab.engine.model.KeyAgreementAlgorithmSpec;
import dev.kmslab.engine.model.MacAlgorithmSpec;
import dev.kmslab.engine.model.SigningAlgorithmSpec;
import java.util.List;

/**
 * The algorithms a key offers for its usage, as DescribeKey and GetPublicKey report them. Only the list matching the
 * key usage is non-empty.
 */
public record KeyAlgorithms(
        List<EncryptionAlgorithmSpec> encryption,
        List<SigningAlgorithmSpec> signing,
        List<MacAlgorithmSpec> mac,
        List<KeyAgreementAlgorithmSpec> keyAgreement) {

    public KeyAlgorithms {
        encryption = List.copyOf(encryption);
        signing = List.copyOf(signing);
        mac = List.copyOf(mac);
        keyAgreement = List.copyOf(keyAgreement);
    }

    static KeyAlgorithms none() {
        return new KeyAlgorithms(List.of(), List.of(), List.of(), List.of());
    }

    static KeyAlgorithms ofEncryption(EncryptionAlgorithmSpec... algorithms) {
        return new KeyAlgorithms(List.of(algorithms), List.of(), List.of(), List.of());
    }

    static KeyAlgorithms ofSigning(SigningAlgorithmSpec... algorithms) {
        return new KeyAlgorithms(List.of(), List.of(algorithms), List.of(), List.of());
    }

    static KeyAlgorithms ofMac(MacAlgorithmSpec algorithm) {
        return new KeyAlgorithms(List.of(), List.of(), List.of(algorithm), List.of());
    }

    static KeyAlgorithms ofKeyAgreement() {
        return new KeyAlgorithms(List.of(), List.of(), List.of(), List.of(KeyAgreementAlgorithmSpec.ECDH));
    }

    public boolean isEmpty() {
        return encryption.isEmpty() && signing.isEmpty() && mac.isEmpty() && keyAgreement.isEmpty();
    }
}
