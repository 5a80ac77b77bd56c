package dev.kmslab.engine.store;

/**
 * Argon2id cost settings. The bounds also limit what a (possibly tampered) file header can make us spend: a header
 * asking for more than {@link #MAX_MEMORY_KIB} is rejected as corrupt rather than exhausting memory.
 *
 * @param memoryKiB   memory in KiB (at least 8 × parallelism, as Argon2 requires)
 * @param iterations  passes over the memory
 * @param parallelism lanes
 */
public record Argon2Parameters(int memoryKiB, int iterations, int parallelism) {

    public static final int MAX_MEMORY_KIB = 1 << 21; // 2 GiB
    public static final int MAX_ITERATIONS = 64;
    public static final int MAX_PARALLELISM = 16;

    /**
     * Defaults for a desktop: 64 MiB and 3 passes, 0.3 to 0.8 s with Bouncy Castle on one core of the build machine.
     * Derivation runs once when the keystore is opened, not on every save.
     */
    public static final Argon2Parameters DEFAULT = new Argon2Parameters(64 * 1024, 3, 1);

    public Argon2Parameters {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("Argon2 parallelism must be 1 to " + MAX_PARALLELISM);
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("Argon2 iterations must be 1 to " + MAX_ITERATIONS);
        }
        if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("Argon2 memory must be " + 8 * parallelism + " to "
                    + MAX_MEMORY_KIB + " KiB");
        }
    }
}
