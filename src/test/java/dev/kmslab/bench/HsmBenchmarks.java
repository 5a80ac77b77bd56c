package dev.kmslab.bench;

import dev.kmslab.engine.crypto.pkcs11.ChildJvm;
import dev.kmslab.engine.crypto.pkcs11.PinSource;
import dev.kmslab.engine.crypto.pkcs11.Pkcs11Config;
import dev.kmslab.engine.crypto.pkcs11.Pkcs11KeyLabel;
import dev.kmslab.engine.crypto.pkcs11.Pkcs11Token;
import dev.kmslab.engine.crypto.pkcs11.SlotSelector;
import dev.kmslab.engine.crypto.pkcs11.SoftHsmFixture;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-GCM encryption of 1 KiB inside a SoftHSM2 token (through SunPKCS11) against the JDK's own SunJCE AES-GCM on
 * the same data. Each token call crosses the PKCS#11 boundary, so expect the ratio far below 1; that gap is the
 * cost of keeping key material in hardware. Self-contained: it initialises a throw-away token in a temporary
 * directory and measures in a child JVM started with {@code SOFTHSM2_CONF} pointing at it.
 */
public final class HsmBenchmarks {

    private static final int SIZE = 1024;
    private static final long WARMUP_NANOS = 1_000_000_000L;
    private static final long ROUND_NANOS = 1_000_000_000L;
    private static final int ROUNDS = 3;

    private HsmBenchmarks() {
    }

    public static void run() throws IOException {
        Optional<String> absence = SoftHsmFixture.absence();
        if (absence.isPresent()) {
            System.out.println("SKIP hsm.encrypt_1k (no SoftHSM2: " + absence.get() + ")");
            return;
        }
        Path directory = Files.createTempDirectory("kmslab-hsm-bench");
        try {
            SoftHsmFixture.SoftHsm hsm = SoftHsmFixture.initToken(directory);
            ChildJvm.Result result = ChildJvm.run(hsm.environment(), List.of("-Xmx512m"), HsmBenchmarks.class,
                    hsm.module().toString());
            System.out.print(result.stdout());
            if (result.exitCode() != 0) {
                System.out.println("FAIL hsm.encrypt_1k (child exit " + result.exitCode() + "): " + result.stderr());
            }
        } finally {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    /** Child side: {@code args[0]} is the module path; the token is the one SOFTHSM2_CONF names. */
    public static void main(String[] args) throws GeneralSecurityException {
        Pkcs11Token token = new Pkcs11Token(new Pkcs11Config("bench", Path.of(args[0]),
                new SlotSelector.TokenLabel(SoftHsmFixture.TOKEN_LABEL),
                PinSource.environment(SoftHsmFixture.PIN_VARIABLE)));
        token.connect();
        String label = new Pkcs11KeyLabel("bench", 1).text();
        token.generateKey(label);
        byte[] data = new byte[SIZE];
        new SecureRandom().nextBytes(data);
        byte[] aad = new byte[0];

        Operation hsm = counter -> token.encrypt(label, iv(counter), data, aad);
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        SecretKey key = generator.generateKey();
        Operation jca = counter -> {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv(counter)));
            return cipher.doFinal(data);
        };
        measure(hsm, WARMUP_NANOS);
        measure(jca, WARMUP_NANOS);
        // Alternating rounds and keeping each side's best one damps noise from other load on the machine.
        double hsmRate = 0;
        double jcaRate = 0;
        for (int round = 0; round < ROUNDS; round++) {
            hsmRate = Math.max(hsmRate, measure(hsm, ROUND_NANOS));
            jcaRate = Math.max(jcaRate, measure(jca, ROUND_NANOS));
        }
        token.deleteKey(label);
        token.disconnect();
        Bench.report("hsm.encrypt_1k", hsmRate, "ops/s", hsmRate / jcaRate, "jca_aes_gcm_1k");
        Bench.info("jca_aes_gcm_1k", String.format(java.util.Locale.ROOT, "%.2f ops/s", jcaRate));
    }

    /** Runs {@code operation} for about {@code nanos}; returns operations per second. */
    private static double measure(Operation operation, long nanos) throws GeneralSecurityException {
        long start = System.nanoTime();
        long count = 0;
        long sink = 0;
        while (System.nanoTime() - start < nanos) {
            sink += operation.apply(count++)[0];
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (sink == Long.MIN_VALUE) {
            System.out.println(sink); // keeps the results observable so the work is not optimised away
        }
        return count / seconds;
    }

    /** A unique 12-byte IV per operation: GCM must never repeat an IV under one key. */
    private static byte[] iv(long counter) {
        return ByteBuffer.allocate(12).putInt(0x6b6d736c).putLong(counter).array();
    }

    @FunctionalInterface
    private interface Operation {
        byte[] apply(long counter) throws GeneralSecurityException;
    }
}
