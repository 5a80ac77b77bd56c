package dev.kmslab.bench;

import dev.kmslab.engine.crypto.KeyMaterial;
import dev.kmslab.engine.crypto.asymmetric.KeyMaterials;
import dev.kmslab.engine.crypto.asymmetric.SignVerify;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.MessageType;
import dev.kmslab.engine.model.SigningAlgorithmSpec;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Random;

/**
 * Sign through the lab's validated path ({@link SignVerify#sign}) against raw JCA signing of the same message with
 * the same key in the same run. The raw baseline reuses one Signature object, the cheapest honest JCA usage.
 */
public final class AsymmetricBenchmarks {

    private static final long WARMUP_NANOS = 1_500_000_000L;
    private static final long ROUND_NANOS = 1_000_000_000L;
    private static final int ROUNDS = 3;

    /** Defeats dead-code elimination of the signatures. */
    private static int sink;

    private AsymmetricBenchmarks() {
    }

    public static void run() throws GeneralSecurityException {
        compare("asym.sign_ecdsa_p256", KeySpec.ECC_NIST_P256, SigningAlgorithmSpec.ECDSA_SHA_256, "EC",
                "SHA256withECDSA");
        compare("asym.sign_rsa_2048", KeySpec.RSA_2048, SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256, "RSA",
                "SHA256withRSA");
    }

    public static void main(String[] args) throws GeneralSecurityException {
        run();
    }

    private interface Op {
        byte[] sign() throws GeneralSecurityException;
    }

    private static void compare(String name, KeySpec spec, SigningAlgorithmSpec algorithm, String keyAlgorithm,
            String jcaName) throws GeneralSecurityException {
        KeyMaterial key = KeyMaterials.generate(spec);
        PrivateKey privateKey = KeyFactory.getInstance(keyAlgorithm)
                .generatePrivate(new PKCS8EncodedKeySpec(key.encoded()));
        byte[] message = new byte[1024];
        new Random(1).nextBytes(message);
        Signature raw = Signature.getInstance(jcaName);
        Op lab = () -> SignVerify.sign(key, KeyUsage.SIGN_VERIFY, algorithm, MessageType.RAW, message);
        Op jca = () -> {
            raw.initSign(privateKey);
            raw.update(message);
            return raw.sign();
        };

        measure(lab, WARMUP_NANOS);
        measure(jca, WARMUP_NANOS);
        double best = 0;
        double bestBaseline = 0;
        for (int round = 0; round < ROUNDS; round++) {
            // Alternate so drift in machine load hits both sides alike.
            best = Math.max(best, measure(lab, ROUND_NANOS));
            bestBaseline = Math.max(bestBaseline, measure(jca, ROUND_NANOS));
        }
        String baseline = name.replace("asym.", "jca.");
        Bench.report(baseline, bestBaseline, "ops/s");
        Bench.report(name, best, "ops/s", best / bestBaseline, baseline);
        key.destroy();
    }

    /** Operations per second over roughly {@code nanos}. */
    private static double measure(Op op, long nanos) throws GeneralSecurityException {
        long start = System.nanoTime();
        long end = start + nanos;
        long count = 0;
        long now;
        do {
            sink += op.sign().length;
            count++;
            now = System.nanoTime();
        } while (now < end);
        return count * 1e9 / (now - start);
    }
}
