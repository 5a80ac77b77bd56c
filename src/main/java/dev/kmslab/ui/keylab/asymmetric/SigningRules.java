package dev.kmslab.ui.keylab.asymmetric;

import dev.kmslab.engine.crypto.asymmetric.spec.KeySpecRules;
import dev.kmslab.engine.model.MessageType;
import dev.kmslab.engine.model.SigningAlgorithmSpec;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the Sign section tells the learner before a call: which message types an algorithm takes, the hash it uses
 * and how long a DIGEST must be. Read from the engine's key spec table so the screen and the service agree.
 */
public final class SigningRules {

    private SigningRules() {
    }

    /** RAW and/or DIGEST for this algorithm (EXTERNAL_MU for ML-DSA is left out of the lab's screen). */
    public static List<MessageType> messageTypes(SigningAlgorithmSpec algorithm) {
        List<MessageType> types = new ArrayList<>();
        for (MessageType t : KeySpecRules.messageTypes(algorithm)) {
            if (t != MessageType.EXTERNAL_MU) {
                types.add(t);
            }
        }
        types.sort(null);
        return types;
    }

    /** The JCA name of the hash the algorithm applies (SHA-256, SHA-512, SHAKE256). */
    public static String hashName(SigningAlgorithmSpec algorithm) {
        return algorithm.hashName();
    }

    /** How many bytes a DIGEST message must have for this algorithm. */
    public static int digestLength(SigningAlgorithmSpec algorithm) {
        return algorithm.digestLength();
    }

    /** The digest a learner would compute locally before Sign with MessageType DIGEST. */
    public static byte[] digest(SigningAlgorithmSpec algorithm, byte[] message) {
        try {
            return MessageDigest.getInstance(hashName(algorithm)).digest(message);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK lacks " + hashName(algorithm), e);
        }
    }

    /** The line shown under the message: the limit for RAW, the required length for DIGEST. */
    public static String limit(SigningAlgorithmSpec algorithm, MessageType type, int messageBytes) {
        if (type == MessageType.DIGEST) {
            return "DIGEST: KMS signs these " + digestLength(algorithm) + " bytes (" + hashName(algorithm)
                    + " of your " + messageBytes + "-byte message, computed here) as given; a digest of any other "
                    + "length is refused.";
        }
        return "RAW: " + messageBytes + " of at most " + KeySpecRules.MAX_MESSAGE_BYTES + " bytes; KMS hashes the "
                + "message itself. Larger messages must be signed as a DIGEST.";
    }
}
