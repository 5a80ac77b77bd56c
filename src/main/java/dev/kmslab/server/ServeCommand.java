package dev.kmslab.server;

import dev.kmslab.engine.EngineConfig;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.KmsRegions;
import dev.kmslab.engine.LabAccounts;
import dev.kmslab.engine.audit.AuditLog;
import dev.kmslab.engine.store.KeystoreCorruptException;
import dev.kmslab.engine.store.JournalFileStorage;
import dev.kmslab.io.DataDirectory;
import dev.kmslab.io.OwnerOnlyFiles;
import dev.kmslab.server.auth.AccessKeyStore;
import dev.kmslab.server.auth.Credential;
import dev.kmslab.server.classroom.ClassroomOptions;
import dev.kmslab.server.classroom.ClassroomSetup;
import dev.kmslab.server.sts.SessionStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code kms-lab serve [--port 4599] [--data-dir DIR] [--bind 127.0.0.1] [--create-role NAME]…
 * [--create-user NAME]… [--issue-access-key PRINCIPAL_ARN]} plus the classroom options of {@link ClassroomOptions}
 * ({@code --tls}, {@code --class ROSTER --handouts DIR}, {@code --rate-limit}, …): the endpoint without the desktop
 * UI. Makes the data directory owner-only, opens the sealed keystore and the audit file in it, creates the roles and
 * users asked for in the lab's IAM directory, optionally issues (and prints, once) a new access key for a principal
 * that exists there, settles what {@link ClassroomSetup} decides (TLS, the published key refused beyond loopback, rate
 * limits), prints the endpoint and credentials, enrols a class when given a roster, and serves until interrupted; a
 * shutdown hook stops the server, then closes the audit log and the keystore.
 */
public final class ServeCommand {

    /** Parsed command line. */
    record Options(int port, Optional<String> dataDir, String bind, Optional<String> issueFor,
                   List<String> createRoles, List<String> createUsers, ClassroomOptions classroom,
                   List<RoleDefinitions.RoleSpec> roles, List<RoleDefinitions.PolicySpec> policies,
                   List<Path> rolesFiles) {

        private static final Set<String> VALUED = Set.of("--port", "--data-dir", "--bind", "--issue-access-key",
                "--create-role", "--create-user", "--role", "--attach-policy", RolesFile.OPTION);

        Options {
            createRoles = List.copyOf(createRoles);
            createUsers = List.copyOf(createUsers);
            roles = List.copyOf(roles);
            policies = List.copyOf(policies);
            rolesFiles = List.copyOf(rolesFiles);
        }

        Options(int port, Optional<String> dataDir, String bind, Optional<String> issueFor,
                List<String> createRoles, List<String> createUsers, ClassroomOptions classroom,
                List<RoleDefinitions.RoleSpec> roles, List<RoleDefinitions.PolicySpec> policies) {
            this(port, dataDir, bind, issueFor, createRoles, createUsers, classroom, roles, policies, List.of());
        }

        Options(int port, Optional<String> dataDir, String bind, Optional<String> issueFor,
                List<String> createRoles, List<String> createUsers, ClassroomOptions classroom) {
            this(port, dataDir, bind, issueFor, createRoles, createUsers, classroom, List.of(), List.of());
        }

        Options(int port, Optional<String> dataDir, String bind, Optional<String> issueFor) {
            this(port, dataDir, bind, issueFor, List.of(), List.of());
        }

        Options(int port, Optional<String> dataDir, String bind, Optional<String> issueFor,
                List<String> createRoles, List<String> createUsers) {
            this(port, dataDir, bind, issueFor, createRoles, createUsers, ClassroomOptions.defaults());
        }

        static Options parse(List<String> args) {
            int port = ServerConfig.DEFAULT_PORT;
            Optional<String> dataDir = Optional.empty();
            String bind = "127.0.0.1";
            Optional<String> issueFor = Optional.empty();
            List<String> roles = new ArrayList<>();
            List<String> users = new ArrayList<>();
            List<RoleDefinitions.RoleSpec> roleSpecs = new ArrayList<>();
            List<RoleDefinitions.PolicySpec> policySpecs = new ArrayList<>();
            List<Path> rolesFiles = new ArrayList<>();
            ClassroomOptions.Builder classroom = new ClassroomOptions.Builder();
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
                    case "--role" -> {
                        roleSpecs.add(RoleDefinitions.RoleSpec.parse(value));
                        i++;
                    }
                    case "--attach-policy" -> {
                        policySpecs.add(RoleDefinitions.PolicySpec.parse(value));
                        i++;
                    }
                    case RolesFile.OPTION -> {
                        rolesFiles.add(Path.of(value));
                        i++;
                    }
                    default -> {
                        int used = classroom.accept(arg, value);
                        if (used == 0) {
                            throw new IllegalArgumentException("unknown option: " + arg);
                        }
                        i += used - 1;
                    }
                }
            }
            return new Options(port, dataDir, bind, issueFor, roles, users, classroom.build(), roleSpecs,
                    policySpecs, rolesFiles);
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

    static final String HELP = """
            usage: kms-lab serve [options]

            The KMS Lab endpoint without the desktop UI: AWS KMS (JSON 1.1) and STS AssumeRole/GetCallerIdentity \
            (Query) on one port, for the lab's two accounts (111122223333 and 444455556666, Partner) in us-east-1, \
            us-west-2, eu-west-1 and ap-southeast-2.

              --port N                  TCP port (default 4599; 0 picks a free one)
              --data-dir DIR            keystores, master.key, access keys, STS sessions and audit.jsonl \
            (default: the app's data folder)
              --bind ADDRESS            interface to listen on (default 127.0.0.1)
              --create-role [ACCOUNT:]NAME
                                        adds a role (trusting its own account) to the lab's IAM directory; repeatable
              --create-user [ACCOUNT:]NAME
                                        adds an IAM user; repeatable
              --role [ACCOUNT:]NAME=TRUST_POLICY.json
                                        creates the role if missing and sets its trust policy (who may assume it) \
            from the file; repeatable. ACCOUNT is 111122223333 (default) or 444455556666
              --attach-policy PRINCIPAL_ARN=POLICY.json
                                        attaches an inline identity policy, named after the file, to a lab user or \
            role; repeatable
              --roles-file ROLES.json   declares roles (and the users who assume them) in one JSON file: per role
                                        RoleName, AssumeRolePolicyDocument (its trust policy) and optionally
                                        Account, MaxSessionDuration and Policies (inline identity policies by
                                        name); per user UserName and optionally Account and Policies. Repeatable;
                                        see the example below
              --issue-access-key PRINCIPAL_ARN
                                        issues a new access key for a lab principal and prints its secret once
            class options (HTTPS, rate limits, rosters; see the README's "Teaching a class"):
            """ + "  " + ClassroomOptions.USAGE + """


            Roles, users and policies are kept in the sealed keystore, so they are there at the next start; \
            giving --role again replaces the trust policy. A bad file stops serve before it listens, naming the \
            option, the file, the line and column and the field.

            Example: a user who may assume a role, then uses its session
              kms-lab serve --create-user alice --role Ops=ops-trust.json \\
                  --issue-access-key arn:aws:iam::111122223333:user/alice
              with ops-trust.json:
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                  "Principal": {"AWS": "arn:aws:iam::111122223333:user/alice"}, "Action": "sts:AssumeRole"}]}

            Example: the same with one file, kms-lab serve --roles-file roles.json, with roles.json:
                {"Users": [{"UserName": "alice", "Policies": {"assume-ops": {"Version": "2012-10-17",
                   "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
                     "Resource": "arn:aws:iam::111122223333:role/Ops"}]}}}],
                 "Roles": [{"RoleName": "Ops", "Account": "111122223333", "MaxSessionDuration": 7200,
                   "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                     "Principal": {"AWS": "arn:aws:iam::111122223333:user/alice"}, "Action": "sts:AssumeRole"}]},
                   "Policies": {"use-keys": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                     "Action": ["kms:Encrypt", "kms:Decrypt"], "Resource": "*"}]}}}]}
              The whole file is checked before anything is created; a bad one stops serve naming the file, the
              line and column, the JSON path (such as $.Roles[0].AssumeRolePolicyDocument) and what was expected.
            """;

    private static final java.util.Map<KmsHttpServer, Thread> SHUTDOWNS = new java.util.concurrent.ConcurrentHashMap<>();

    private ServeCommand() {
    }

    /**
     * Stops a server {@link #run} started and closes what it opened (audit log, keystores), as its shutdown hook
     * would at exit: a restart on the same data folder in the same JVM (tests) then finds the keystores free.
     */
    static void shutdown(KmsHttpServer server) {
        Thread hook = SHUTDOWNS.remove(server);
        if (hook == null) {
            server.stop();
            return;
        }
        Runtime.getRuntime().removeShutdownHook(hook);
        hook.run();
    }

    public static void main(String[] args) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(HELP);
            return;
        }
        Options options;
        try {
            options = Options.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("kms-lab serve: " + e.getMessage());
            System.err.println("usage: kms-lab serve [--port 4599] [--data-dir DIR] [--bind 127.0.0.1] "
                    + "[--create-role [ACCOUNT:]NAME]... [--create-user [ACCOUNT:]NAME]... "
                    + "[--role [ACCOUNT:]NAME=TRUST_POLICY.json]... [--attach-policy PRINCIPAL_ARN=POLICY.json]... "
                    + "[--roles-file ROLES.json]... "
                    + "[--issue-access-key PRINCIPAL_ARN] " + ClassroomOptions.USAGE);
            System.err.println("       kms-lab serve --help   explains every option");
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
        // Owner-only before anything is written; an older folder readable by others is tightened once, with a notice.
        OwnerOnlyFiles.secureDirectory(dataDir).notice().ifPresent(n -> out.println("  " + n));
        Clock clock = Clock.systemUTC();
        // One sealed keystore journal per simulated Region; the default Region keeps keystore.journal.
        List<JournalFileStorage> storages = new ArrayList<>();
        Runnable closeStorages = () -> storages.forEach(JournalFileStorage::close);
        AuditLog audit = AuditLog.toFile(dataDir.resolve("audit.jsonl"), AuditLog.DEFAULT_MAX_FILE_BYTES);
        EngineConfig base = EngineConfig.defaults().withAuditLog(audit);
        KmsRegions regions;
        LabAccounts accounts;
        try {
            regions = KmsRegions.open(base, KmsRegions.LAB_REGIONS, region -> {
                JournalFileStorage regionStorage = JournalFileStorage.withKeyFile(dataDir,
                        KmsRegions.keystoreFileName(region, base.region()), clock);
                storages.add(regionStorage);
                return regionStorage;
            });
            // The second lab account (Partner) keeps its own keystores beside the home account's.
            EngineConfig partner = base.withAccountAndRegion(LabAccounts.PARTNER_ACCOUNT, base.region());
            accounts = LabAccounts.link(List.of(regions, KmsRegions.open(partner, KmsRegions.LAB_REGIONS, region -> {
                JournalFileStorage regionStorage = JournalFileStorage.withKeyFile(dataDir, LabAccounts.keystoreFileName(
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
        ClassroomSetup classroom;
        SessionStore sessions;
        try {
            keys = AccessKeyStore.open(dataDir, engine.account(), clock);
            sessions = SessionStore.open(dataDir, clock);
            // Every roles file is read and its policies checked before anything is created.
            List<RolesFile> rolesFiles = new ArrayList<>();
            for (Path file : options.rolesFiles()) {
                rolesFiles.add(RolesFile.read(file, accounts.accountIds()));
            }
            created = new ArrayList<>(LabIdentities.create(engine, accounts.accountIds(), options.createRoles(),
                    options.createUsers()));
            rolesFiles.forEach(file -> created.addAll(file.apply(engine)));
            created.addAll(RoleDefinitions.apply(engine, accounts.accountIds(), options.roles(),
                    options.policies()));
            if (options.issueFor().isPresent()) {
                LabIdentities.requireKnown(engine, options.issueFor().get());
                issued = Optional.of(keys.issueAccessKey(options.issueFor().get()));
            }
            classroom = ClassroomSetup.prepare(options.classroom(), options.bind(), dataDir, engine.account(), keys,
                    clock);
        } catch (IOException | RuntimeException e) {
            audit.close();
            closeStorages.run();
            throw e;
        }
        KmsHttpServer server = KmsHttpServer.start(accounts, ServerConfig.defaults(classroom.credentials())
                .withPort(options.port()).withBindAddress(options.bind()).withSessions(sessions),
                new Safeguards(classroom.tls(), classroom.rateLimits()));
        Thread shutdown = new Thread(() -> {
            server.stop();
            try {
                audit.flush();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            audit.close();
            closeStorages.run();
        }, "kms-lab-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        SHUTDOWNS.put(server, shutdown);
        printBanner(out, server, engine, keys, dataDir, classroom);
        storages.forEach(s -> s.notices().forEach(n -> out.println("  NOTE: " + n)));
        sessions.notices().forEach(n -> out.println("  NOTE: " + n));
        created.forEach(out::println);
        classroom.report().forEach(out::println);
        // The secret of a new key is shown this once, the way IAM shows it only when the key is created.
        issued.ifPresent(key -> out.println("  NEW access key for " + key.principalArn() + ": access key id '"
                + key.accessKeyId() + "', secret access key '" + key.secretAccessKey() + "'"));
        try {
            classroom.enrol(engine, keys, server.port()).ifPresent(result -> result.report().forEach(out::println));
        } catch (IOException | RuntimeException e) {
            server.stop();
            throw e;
        }
        return server;
    }

    private static void printBanner(PrintStream out, KmsHttpServer server, KmsEngine engine, AccessKeyStore keys,
                                    Path dataDir, ClassroomSetup classroom) {
        Credential root = keys.defaultCredential();
        out.println("KMS Lab endpoint listening on " + server.endpoint());
        List<String> others = new ArrayList<>(KmsRegions.LAB_REGIONS);
        others.remove(engine.region());
        out.println("  account " + engine.account() + ", region " + engine.region() + " (also "
                + String.join(", ", others) + ", chosen by each request's SigV4 scope), data " + dataDir);
        out.println("  second account " + LabAccounts.PARTNER_ACCOUNT + " (Partner): its principals use their own "
                + "keys, or this account's keys by ARN where both accounts' policies allow; STS AssumeRole and "
                + "GetCallerIdentity on the same port");
        if (classroom.offLoopback()) {
            out.println("  students connect to " + classroom.publicEndpoint(server.port()));
        }
        keys.movedAside().ifPresent(p -> out.println("  WARNING: unreadable access key file moved to " + p));
        if (classroom.acceptsDefaultKey()) {
            out.println("  default credentials (account root): access key id '" + root.accessKeyId()
                    + "', secret access key '" + root.secretAccessKey() + "'");
        }
        for (Credential issued : keys.issuedKeys()) {
            out.println("  issued access key " + issued.accessKeyId() + " -> " + issued.principalArn());
        }
        out.println("  try: aws --endpoint-url " + server.endpoint() + " --region " + engine.region()
                + classroom.tls().map(t -> " --ca-bundle " + t.certificateFile()).orElse("") + " kms list-keys");
        out.println("Press Ctrl+C to stop.");
    }
}
