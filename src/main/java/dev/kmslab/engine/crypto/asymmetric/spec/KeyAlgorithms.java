package dev.kmslab.engine.crypto.asymmetric.spec;

import java.util.List;

/**
 * The algorithms a key offers for its usage, as DescribeKey and GetPublicKey report them. Only the list matching the
 * key usage is non-empty.
 */
public record KeyAlgorithms(
        List<EncryptionAlgorithm> encryption,
        List<SigningAlgorithm> signing,
        List<MacAlgorithm> mac,
        List<KeyAgreementAlgorithm> keyAgreement) {

    public KeyAlgorithms {
        encryption = List.copyOf(encryption);
        signing = List.copyOf(signing);
        mac = List.copyOf(mac);
        keyAgreement = List.copyOf(keyAgreement);
    }

    static KeyAlgorithms none() {
        return new KeyAlgorithms(List.of(), List.of(), List.of(), List.of());
    }

    static KeyAlgorithms ofEncryption(EncryptionAlgorithm... algorithms) {
        return new KeyAlgorithms(List.of(algorithms), List.of(), List.of(), List.of());
    }

    static KeyAlgorithms ofSigning(SigningAlgorithm... algorithms) {
        return new KeyAlgorithms(List.of(), List.of(algorithms), List.of(), List.of());
    }

    static KeyAlgorithms ofMac(MacAlgorithm algorithm) {
        return new KeyAlgorithms(List.of(), List.of(), List.of(algorithm), List.of());
    }

    static KeyAlgorithms ofKeyAgreement() {
        return new KeyAlgorithms(List.of(), List.of(), List.of(), List.of(KeyAgreementAlgorithm.ECDH));
    }

    public boolean isEmpty() {
        return encryption.isEmpty() && signing.isEmpty() && mac.isEmpty() && keyAgreement.isEmpty();
    }
}
