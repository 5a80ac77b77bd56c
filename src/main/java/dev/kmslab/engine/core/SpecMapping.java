package dev.kmslab.engine.core;

import dev.kmslab.engine.crypto.asymmetric.spec.KeyAlgorithms;
import dev.kmslab.engine.model.DataKeyPairSpec;
import dev.kmslab.engine.model.EncryptionAlgorithmSpec;
import dev.kmslab.engine.model.KeyAgreementAlgorithmSpec;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.MacAlgorithmSpec;
import dev.kmslab.engine.model.MessageType;
import dev.kmslab.engine.model.SigningAlgorithmSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates between the public API enums in {@code engine.model} and the crypto layer's own enums in
 * {@code crypto.asymmetric.spec}. Both sets use the AWS wire values as constant names, so the mapping is by name;
 * SpecMappingTest proves every constant has its twin, so the two sets cannot drift apart unnoticed.
 */
public final class SpecMapping {

    private SpecMapping() {
    }

    public static <A extends Enum<A>, B extends Enum<B>> B map(A value, Class<B> target) {
        return value == null ? null : Enum.valueOf(target, value.name());
    }

    public static dev.kmslab.engine.crypto.asymmetric.spec.KeySpec spec(KeySpec spec) {
        return map(spec, dev.kmslab.engine.crypto.asymmetric.spec.KeySpec.class);
    }

    public static dev.kmslab.engine.crypto.asymmetric.spec.KeyUsage usage(KeyUsage usage) {
        return map(usage, dev.kmslab.engine.crypto.asymmetric.spec.KeyUsage.class);
    }

    public static dev.kmslab.engine.crypto.asymmetric.spec.SigningAlgorithm signing(SigningAlgorithmSpec algorithm) {
        return map(algorithm, dev.kmslab.engine.crypto.asymmetric.spec.SigningAlgorithm.class);
    }

    public static dev.kmslab.engine.crypto.asymmetric.spec.MessageType messageType(MessageType type) {
        return map(type, dev.kmslab.engine.crypto.asymmetric.spec.MessageType.class);
    }

    public static dev.kmslab.engine.crypto.asymmetric.spec.EncryptionAlgorithm encryption(EncryptionAlgorithmSpec a) {
        return map(a, dev.kmslab.engine.crypto.asymmetric.spec.EncryptionAlgorithm.class);
    }

    public static dev.kmslab.engine.crypto.asymmetric.spec.MacAlgorithm mac(MacAlgorithmSpec algorithm) {
        return map(algorithm, dev.kmslab.engine.crypto.asymmetric.spec.MacAlgorithm.class);
    }

    public static dev.kmslab.engine.crypto.asymmetric.spec.KeyAgreementAlgorithm agreement(KeyAgreementAlgorithmSpec a) {
        return map(a, dev.kmslab.engine.crypto.asymmetric.spec.KeyAgreementAlgorithm.class);
    }

    public static dev.kmslab.engine.crypto.asymmetric.spec.DataKeyPairSpec pairSpec(DataKeyPairSpec spec) {
        return map(spec, dev.kmslab.engine.crypto.asymmetric.spec.DataKeyPairSpec.class);
    }

    /** The algorithms a key of this spec and usage offers, as the public API enums. */
    public static Algorithms algorithms(KeySpec spec, KeyUsage usage) {
        KeyAlgorithms a = dev.kmslab.engine.crypto.asymmetric.spec.KeySpecRules.algorithms(spec(spec), usage(usage));
        return new Algorithms(all(a.encryption(), EncryptionAlgorithmSpec.class),
                all(a.signing(), SigningAlgorithmSpec.class), all(a.mac(), MacAlgorithmSpec.class),
                all(a.keyAgreement(), KeyAgreementAlgorithmSpec.class));
    }

    private static <A extends Enum<A>, B extends Enum<B>> List<B> all(List<A> values, Class<B> target) {
        List<B> out = new ArrayList<>(values.size());
        for (A value : values) {
            out.add(map(value, target));
        }
        return List.copyOf(out);
    }

    /** The four algorithm lists of DescribeKey and GetPublicKey. */
    public record Algorithms(List<EncryptionAlgorithmSpec> encryption, List<SigningAlgorithmSpec> signing,
                      List<MacAlgorithmSpec> mac, List<KeyAgreementAlgorithmSpec> keyAgreement) {
    }
}
