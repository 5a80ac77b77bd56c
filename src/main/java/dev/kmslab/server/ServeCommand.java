package dev.kmslab.server;

import dev.kmslab.engine.EngineConfig;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.KmsRegions;
import dev.kmslab.engine.LabAccounts;
import dev.kmslab.engine.audit.AuditLog;
import dev.kmslab.engine.store.KeystoreCorruptException;
import dev.kmslab.engine.store.SealedFileStorage;
import dev.kmslab.io.DataDirectory;
import dev.kmslab.server.auth.AccessKeyStore;
import dev.kmslab.server.auth.Credential;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code kms-lab serve [--port 4599] [--data-dir DIR] [--bind 127.0.0.1] [--create-role NAME]…
 * [--create-user NAME]… [--issue-access-key PRINCIPAL_ARN]}: the endpoint without the desktop UI. Opens the sealed keystore and the audit
 * file in the data directory, creates the roles and users asked for in the lab's IAM directory, optionally issues
 * (and prints, once) a new access key for a principal that exists there, prints the endpoint and credentials, and
 * serves until interrupted; a shutdown hook stops the server, then closes the audit log and the keystore.
 */
public final class ServeCommand {

    /** Parsed command line. */
    record Options(int port, Optional<String> dataDir, String bind, Optional<String> issueFor,
                   List<String> createRoles, List<String> createUsers) {

        private static final Set<String> VALUED = Set.of("--port", "--data-dir", "--bind", "--issue-access-key",
                "--create-role", "--create-user");

        Options {
            createRoles = List.copyOf(createRoles);
            createUsers = List.copyOf(createUsers);
        }

        Options(int port, Optional<String> dataDir, String bind, Optional<String> issueFor) {
            this(port, dataDir, bind, issueFor, List.of(), List.of());
        }

        static Options parse(List<String> args) {
            int port = ServerConfig.DEFAULT_PORT;
            Optional<String> dataDir = Optional.empty();
            String bind = "127.0.0.1";
            Optional<String> issueFor = Optional.empty();
            List<String> roles = new ArrayList<>();
            List<String> users = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                String value = i + 1 < args.size() ? args.get(i + 1) : null;
                if (value == null && VALUED.contains(arg)) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                switch (arg) {
                    case "--port" -> {
                        port = parsePort(value);
                        i++;
                    }
                    case "--data-dir" -> {
                        dataDir = Optional.of(value);
                        i++;
                    }
                    case "--bind" -> {
                        bind = value;
                        i++;
                    }
                    case "--issue-access-key" -> {
                        issueFor = Optional.of(value);
                        i++;
                    }
                    case "--create-role" -> {
                        roles.add(value);
                        i++;
                    }
                    case "--create-user" -> {
                        users.add(value);
                        i++;
                    }
                    default -> throw new IllegalArgumentException("unknown option: " + arg);
                }
            }
            return new Options(port, dataDir, bind, issueFor, roles, users);
        }

        private static int parsePort(String value) {
            try {
                int port = Integer.parseInt(value);
                if (port < 0 || port > 65535) {
                    throw new IllegalArgumentException("--port must be 0-65535: " + value);
                }
                return port;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--port must be a number: " + value, e);
            }
        }
    }

    private ServeCommand() {
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("kms-lab serve: " + e.getMessage());
            System.err.println("usage: kms-lab serve [--port 4599] [--data-dir DIR] [--bind 127.0.0.1] "
                    + "[--create-role NAME]... [--create-user NAME]... [--issue-access-key PRINCIPAL_ARN]");
            System.exit(2);
            return;
        }
        try {
            run(options, System.out);
        } catch (IOException | KeystoreCorruptException | IllegalArgumentException e) {
            System.err.println("kms-lab serve: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Starts everything and installs the shutdown hook; returns once the server is listening. */
    static KmsHttpServer run(Options options, PrintStream out) throws IOException, KeystoreCorruptException {
        Path dataDir = DataDirectory.resolve(options.dataDir(), System.getenv(), Path.of(System.getProperty(
                "user.home"))).root();
        Clock clock = Clock.systemUTC();
        // One sealed keystore per simulated Region; the default Region keeps the original keystore.json.
        List<SealedFileStorage> storages = new ArrayList<>();
        Runnable closeStorages = () -> storages.forEach(SealedFileStorage::close);
        AuditLog audit = AuditLog.toFile(dataDir.resolve("audit.jsonl"), AuditLog.DEFAULT_MAX_FILE_BYTES);
        EngineConfig base = EngineConfig.defaults().withAuditLog(audit);
        KmsRegions regions;
        LabAccounts accounts;
        try {
            regions = KmsRegions.open(base, KmsRegions.LAB_REGIONS, region -> {
                SealedFileStorage regionStorage = SealedFileStorage.withKeyFile(dataDir,
                        KmsRegions.keystoreFileName(region, base.region()), clock);
                storages.add(regionStorage);
                return regionStorage;
            });
            // The second lab account (Partner) keeps its own keystores beside the home account's.
            EngineConfig partner = base.withAccountAndRegion(LabAccounts.PARTNER_ACCOUNT, base.region());
            accounts = LabAccounts.link(List.of(regions, KmsRegions.open(partner, KmsRegions.LAB_REGIONS, region -> {
                SealedFileStorage regionStorage = SealedFileStorage.withKeyFile(dataDir, LabAccounts.keystoreFileName(
                        partner.account(), region, base.account(), base.region()), clock);
                storages.add(regionStorage);
                return regionStorage;
            })));
        } catch (IOException | KeystoreCorruptException e) {
            audit.close();
            closeStorages.run();
            throw e;
        }
        KmsEngine engine = regions.defaultEngine();
        AccessKeyStore keys;
        List<String> created;
        Optional<Credential> issued = Optional.empty();
        try {
            keys = AccessKeyStore.open(dataDir, engine.account(), clock);
            created = LabIdentities.create(engine, options.createRoles(), options.createUsers());
            if (options.issueFor().isPresent()) {
                LabIdentities.requireKnown(engine, options.issueFor().get());
                issued = Optional.of(keys.issueAccessKey(options.issueFor().get()));
            }
        } catch (IOException | RuntimeException e) {
            audit.close();
            closeStorages.run();
            throw e;
        }
        KmsHttpServer server = KmsHttpServer.start(accounts, ServerConfig.defaults(keys)
                .withPort(options.port()).withBindAddress(options.bind()));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            try {
                audit.flush();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            audit.close();
            closeStorages.run();
        }, "kms-lab-serve-shutdown"));
        printBanner(out, server, engine, keys, dataDir);
        created.forEach(out::println);
        // The secret of a new key is shown this once, the way IAM shows it only when the key is created.
        issued.ifPresent(key -> out.println("  NEW access key for " + key.principalArn() + ": access key id '"
                + key.accessKeyId() + "', secret access key '" + key.secretAccessKey() + "'"));
        return server;
    }

    private static void printBanner(PrintStream out, KmsHttpServer server, KmsEngine engine, AccessKeyStore keys,
                                    Path dataDir) {
        Credential root = keys.defaultCredential();
        out.println("KMS Lab endpoint listening on " + server.endpoint());
        List<String> others = new ArrayList<>(KmsRegions.LAB_REGIONS);
        others.remove(engine.region());
        out.println("  account " + engine.account() + ", region " + engine.region() + " (also "
                + String.join(", ", others) + ", chosen by each request's SigV4 scope), data " + dataDir);
        out.println("  second account " + LabAccounts.PARTNER_ACCOUNT + " (Partner): its principals use their own "
                + "keys, or this account's keys by ARN where both accounts' policies allow; STS AssumeRole and "
                + "GetCallerIdentity on the same port");
        if (!InetAddress.getLoopbackAddress().getHostAddress().equals(server.endpoint().getHost())
                && !server.endpoint().getHost().startsWith("127.")) {
            out.println("  WARNING: listening beyond loopback; anyone who can reach this port can sign with the "
                    + "published test/test key and act as the account root.");
        }
        keys.movedAside().ifPresent(p -> out.println("  WARNING: unreadable access key file moved to " + p));
        out.println("  default credentials (account root): access key id '" + root.accessKeyId()
                + "', secret access key '" + root.secretAccessKey() + "'");
        for (Credential issued : keys.issuedKeys()) {
            out.println("  issued access key " + issued.accessKeyId() + " -> " + issued.principalArn());
        }
        out.println("  try: aws --endpoint-url " + server.endpoint() + " --region " + engine.region()
                + " kms list-keys");
        out.println("Press Ctrl+C to stop.");
    }
}
