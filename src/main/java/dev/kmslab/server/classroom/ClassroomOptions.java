package dev.kmslab.server.classroom;

import dev.kmslab.server.limits.RateLimit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code serve} options for teaching a class (see the README's "Teaching a class"):
 * <pre>
 * --allow-default-credentials   keep accepting test/test beyond loopback (refused there otherwise)
 * --new-root-key                replace the generated root access key with a new one
 * --tls                         HTTPS with the lab's own certificate (made on first use, kept in DATA/tls/)
 * --tls-cert FILE --tls-key FILE  HTTPS with your own PEM certificate chain and private key
 * --tls-name NAME               another host name or address to put in the lab's certificate (repeatable)
 * --public-host HOST            the address students use (handouts, certificate); default: this machine's address
 * --rate-limit N/s|N/min|off    requests per access key (default 20/s when serving a class, else none)
 * --burst N                     token bucket size (default twice the per-second rate)
 * --class ROSTER                enrol the students on the roster (one per line)
 * --handouts DIR                where the students' profile files go (needed with --class)
 * --student-policy NAME         kms-student, kms-readonly, kms-full or none (default none)
 * --handout-ca-path PATH        the path handouts give as ca_bundle (where students save kmslab-ca.pem)
 * </pre>
 */
public record ClassroomOptions(boolean allowDefaultCredentials, boolean newRootKey, boolean tls,
                               Optional<Path> tlsCert, Optional<Path> tlsKey, List<String> tlsNames,
                               Optional<String> publicHost, Optional<RateLimit> rateLimit, boolean rateLimitOff,
                               Optional<Path> roster, Optional<Path> handouts, StudentPolicy studentPolicy,
                               Optional<String> handoutCaPath) {

    static final Set<String> FLAGS = Set.of("--allow-default-credentials", "--new-root-key", "--tls");
    static final Set<String> VALUED = Set.of("--tls-cert", "--tls-key", "--tls-name", "--public-host",
            "--rate-limit", "--burst", "--class", "--handouts", "--student-policy", "--handout-ca-path");

    /** The usage text of these options, for {@code serve}'s usage line. */
    public static final String USAGE = "[--tls | --tls-cert FILE --tls-key FILE] [--tls-name NAME]... "
            + "[--public-host HOST] [--allow-default-credentials] [--new-root-key] [--rate-limit N/s|off] "
            + "[--burst N] [--class ROSTER --handouts DIR [--student-policy NAME] [--handout-ca-path PATH]]";

    public ClassroomOptions {
        tlsNames = List.copyOf(tlsNames);
    }

    public static ClassroomOptions defaults() {
        return new Builder().build();
    }

    /** Whether HTTPS is on (by {@code --tls} or by giving a certificate). */
    public boolean usesTls() {
        return tls || tlsCert.isPresent();
    }

    /** Collects the options while {@code serve} reads its command line. */
    public static final class Builder {
        private boolean allowDefault;
        private boolean newRootKey;
        private boolean tls;
        private Path tlsCert;
        private Path tlsKey;
        private final List<String> tlsNames = new ArrayList<>();
        private String publicHost;
        private String rateLimit;
        private Integer burst;
        private Path roster;
        private Path handouts;
        private StudentPolicy policy = StudentPolicy.NONE;
        private String caPath;

        /**
         * Takes {@code arg} (and {@code value}, the argument after it, may be null) if it is one of these options.
         *
         * @return how many arguments were used: 0 when {@code arg} is not a classroom option
         * @throws IllegalArgumentException for a missing or malformed value
         */
        public int accept(String arg, String value) {
            if (FLAGS.contains(arg)) {
                switch (arg) {
                    case "--allow-default-credentials" -> allowDefault = true;
                    case "--new-root-key" -> newRootKey = true;
                    default -> tls = true;
                }
                return 1;
            }
            if (!VALUED.contains(arg)) {
                return 0;
            }
            if (value == null) {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            switch (arg) {
                case "--tls-cert" -> tlsCert = Path.of(value);
                case "--tls-key" -> tlsKey = Path.of(value);
                case "--tls-name" -> tlsNames.add(value);
                case "--public-host" -> publicHost = value;
                case "--rate-limit" -> rateLimit = value;
                case "--burst" -> burst = parseBurst(value);
                case "--class" -> roster = Path.of(value);
                case "--handouts" -> handouts = Path.of(value);
                case "--student-policy" -> policy = StudentPolicy.find(value).orElseThrow(() ->
                        new IllegalArgumentException("--student-policy must be one of " + StudentPolicy.names()
                                + ", not '" + value + "'"));
                default -> caPath = value;
            }
            return 2;
        }

        public ClassroomOptions build() {
            if ((tlsCert == null) != (tlsKey == null)) {
                throw new IllegalArgumentException("--tls-cert and --tls-key go together: give both PEM files");
            }
            if (roster != null && handouts == null) {
                throw new IllegalArgumentException("--class needs --handouts DIR: the folder where each student's "
                        + "profile file is written");
            }
            if (roster == null && handouts != null) {
                throw new IllegalArgumentException("--handouts needs --class ROSTER");
            }
            boolean off = "off".equalsIgnoreCase(rateLimit);
            Optional<RateLimit> limit = Optional.empty();
            if (rateLimit != null && !off) {
                RateLimit parsed = RateLimit.parse(rateLimit);
                limit = Optional.of(burst == null ? parsed : parsed.withBurst(burst));
            } else if (burst != null && !off) {
                limit = Optional.of(RateLimit.CLASSROOM_DEFAULT.withBurst(burst));
            }
            return new ClassroomOptions(allowDefault, newRootKey, tls, Optional.ofNullable(tlsCert),
                    Optional.ofNullable(tlsKey), tlsNames, Optional.ofNullable(publicHost), limit, off,
                    Optional.ofNullable(roster), Optional.ofNullable(handouts), policy, Optional.ofNullable(caPath));
        }

        private static int parseBurst(String value) {
            try {
                int burst = Integer.parseInt(value);
                if (burst < 1) {
                    throw new IllegalArgumentException("--burst must be at least 1: " + value);
                }
                return burst;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--burst must be a whole number of requests: " + value, e);
            }
        }
    }
}
