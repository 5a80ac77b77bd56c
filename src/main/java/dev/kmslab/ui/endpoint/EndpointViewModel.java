package dev.kmslab.ui.endpoint;

import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.LabAccounts;
import dev.kmslab.server.KmsHttpServer;
import dev.kmslab.server.ServerConfig;
import dev.kmslab.server.Safeguards;
import dev.kmslab.server.auth.AccessKeyStore;
import dev.kmslab.server.auth.Credential;
import dev.kmslab.server.classroom.ClassEnrolment;
import dev.kmslab.server.classroom.ClassroomOptions;
import dev.kmslab.server.classroom.ClassroomSetup;
import dev.kmslab.server.classroom.Roster;
import dev.kmslab.server.classroom.StudentPolicy;
import dev.kmslab.server.sts.SessionStore;
import dev.kmslab.server.tls.TlsIdentity;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The in-app switch for the local AWS-compatible endpoint: it serves the Key Lab's own accounts (the home account and
 * Partner, every Region, as {@code serve} does), so calls from the AWS CLI or an SDK show up in the Key Lab's audit log
 * as they happen, and a key made in the Partner account in the Key Lab is usable over the wire with Partner's
 * credentials. On loopback the status shows both accounts' root credentials: {@code test}/{@code test} for the home
 * account and a key issued once to Partner's root (kept in {@code access-keys.json} like every issued key). On loopback by default; "for a class" it listens on
 * every interface over HTTPS with the lab's certificate, refuses the published key and limits each key's rate, as
 * {@code serve --bind 0.0.0.0 --tls} does. The server asks for the accounts at every request, so after a Key Lab
 * snapshot restore or reset (which reopens every engine) it serves the restored lab, not the engines it started with.
 */
public final class EndpointViewModel {

    /** Where the endpoint listens when it serves a class: every interface. */
    static final String CLASS_BIND = "0.0.0.0";

    private final Supplier<KmsEngine> engine;
    private final Supplier<LabAccounts> accounts;
    private final Path dataDir;
    private final int port;
    private final javafx.beans.property.ReadOnlyBooleanWrapper running = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final javafx.beans.property.ReadOnlyStringWrapper status = new javafx.beans.property.ReadOnlyStringWrapper();
    /** Two-way: the "For a class" switch in the panel writes it before Start. */
    private final BooleanProperty forClass = new SimpleBooleanProperty();
    private final javafx.beans.property.ReadOnlyStringWrapper classNotice = new javafx.beans.property.ReadOnlyStringWrapper("");
    private KmsHttpServer server;
    private AccessKeyStore keys;
    private ClassroomSetup classroom;
    private SessionStore sessions;
    private Credential partnerKey;

    /** Serves the engine {@code engine} supplies (one account, one Region). */
    public EndpointViewModel(Supplier<KmsEngine> engine, Path dataDir, int port) {
        this(engine, () -> null, dataDir, port);
    }

    /**
     * Serves every account and Region of {@code accounts} when it supplies them (the Key Lab's session once open),
     * else the engine {@code engine} supplies.
     */
    public EndpointViewModel(Supplier<KmsEngine> engine, Supplier<LabAccounts> accounts, Path dataDir, int port) {
        this.engine = engine;
        this.accounts = accounts;
        this.dataDir = dataDir;
        this.port = port;
        status.set(offText());
    }

    private String offText() {
        return port == 0 ? "Off" : "Off (port " + port + " when on)";
    }

    public javafx.beans.property.ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** One line for the learner: where the endpoint listens and with which credentials, or why it is off. */
    public javafx.beans.property.ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Starts the endpoint; returns false (and explains in the status) when it cannot. */
    public boolean start() {
        if (server != null) {
            return true;
        }
        KmsEngine lab = engine.get();
        if (lab == null) {
            status.set("The Key Lab's keystore is still opening; try again in a moment.");
            running.set(false);
            return false;
        }
        LabAccounts all = accounts.get();
        try {
            // test/test is the home account's root, whichever account the Key Lab shows right now.
            keys = AccessKeyStore.open(dataDir, all == null ? lab.account() : all.homeAccount(), Clock.systemUTC());
            // STS sessions are sealed in the data folder, so turning the endpoint (or the app) off and on keeps them.
            sessions = SessionStore.open(dataDir, Clock.systemUTC());
            if (forClass.get()) {
                return startForClass(lab, all);
            }
            ServerConfig config = ServerConfig.defaults(keys).withPort(port).withSessions(sessions);
            server = all == null ? KmsHttpServer.start(lab, config)
                    : KmsHttpServer.start(accounts, all.home().regions(), config, Safeguards.none());
            partnerKey = all == null ? null : partnerRootKey(all);
            status.set(server.endpoint() + " · " + (all == null ? "" : all.homeAccount() + ": ")
                    + "access key test / secret test" + (partnerKey == null ? "" : " · Partner "
                    + LabAccounts.PARTNER_ACCOUNT + ": access key " + partnerKey.accessKeyId() + " / secret "
                    + partnerKey.secretAccessKey()));
            running.set(true);
            return true;
        } catch (IllegalArgumentException e) {
            status.set("Could not start for the class: " + e.getMessage());
            running.set(false);
            return false;
        } catch (IOException e) {
            status.set("Could not start on port " + port + ": " + e.getMessage());
            running.set(false);
            return false;
        }
    }

    // Every interface, HTTPS with the lab's certificate, the published key refused (a generated root key instead),
    // per-key rate limits: what `serve --bind 0.0.0.0 --tls` does.
    // Partner's root key is not shown here: an instructor issues Partner keys as needed ("Access key for the Key Lab
    // principal" while acting as a Partner principal), as the home root key is shown only once.
    private boolean startForClass(KmsEngine lab, LabAccounts all) throws IOException {
        ClassroomOptions.Builder options = new ClassroomOptions.Builder();
        options.accept("--tls", null);
        ClassroomSetup setup = ClassroomSetup.prepare(options.build(), CLASS_BIND, dataDir,
                all == null ? lab.account() : all.homeAccount(), keys, Clock.systemUTC());
        ServerConfig config = ServerConfig.defaults(setup.credentials()).withPort(port).withBindAddress(CLASS_BIND)
                .withSessions(sessions);
        Safeguards safeguards = new Safeguards(setup.tls(), setup.rateLimits());
        server = all == null ? KmsHttpServer.start(lab, config, safeguards)
                : KmsHttpServer.start(accounts, all.home().regions(), config, safeguards);
        classroom = setup;
        status.set(setup.publicEndpoint(server.port()) + " · HTTPS for the class · test/test refused");
        classNotice.set("Students connect to " + setup.publicEndpoint(server.port()) + "\n"
                + String.join("\n", setup.report()).replace("\n  ", "\n").strip());
        running.set(true);
        return true;
    }

    /** Serve the class: every network interface, HTTPS, no published key (takes effect at the next start). */
    public BooleanProperty forClassProperty() {
        return forClass;
    }

    /**
     * What the instructor needs to know after starting for a class: the address, the certificate fingerprint and
     * the root access key (its secret only the first time). Empty otherwise.
     */
    public javafx.beans.property.ReadOnlyStringProperty classNoticeProperty() {
        return classNotice.getReadOnlyProperty();
    }

    /**
     * Enrols a class on the running endpoint: an IAM user, access key and handout per student (see
     * {@link ClassEnrolment}); handouts point at the address students reach.
     *
     * @throws IllegalStateException when the endpoint is off
     */
    public ClassEnrolment.Result enrol(Roster roster, StudentPolicy policy, Path handouts) throws IOException {
        LabAccounts all = accounts.get();
        // Students are users of the home account, whichever account the Key Lab shows.
        KmsEngine lab = all == null ? engine.get() : all.home().defaultEngine();
        if (server == null || keys == null || lab == null) {
            throw new IllegalStateException("Turn the endpoint on first.");
        }
        ClassEnrolment.Target target = classroom == null
                ? new ClassEnrolment.Target(server.endpoint(), lab.region(), Optional.empty(), Optional.empty(),
                        Optional.empty())
                : new ClassEnrolment.Target(classroom.publicEndpoint(server.port()), lab.region(),
                        classroom.tls().map(TlsIdentity::certificateFile),
                        classroom.tls().map(TlsIdentity::sha256Fingerprint), Optional.empty());
        return ClassEnrolment.enrol(lab, keys, roster, policy, handouts, target);
    }

    /**
     * The Partner account's root key the endpoint accepts (issued the first time the endpoint serves both accounts on
     * loopback, then reused); empty when off, for a class, or serving one account.
     */
    public Optional<Credential> partnerCredentials() {
        return Optional.ofNullable(server == null ? null : partnerKey);
    }

    private Credential partnerRootKey(LabAccounts all) throws IOException {
        if (all.find(LabAccounts.PARTNER_ACCOUNT).isEmpty()) {
            return null;
        }
        String root = "arn:aws:iam::" + LabAccounts.PARTNER_ACCOUNT + ":root";
        for (Credential issued : keys.issuedKeys()) {
            if (issued.principalArn().equals(root)) {
                return issued;
            }
        }
        return keys.issueAccessKey(root);
    }

    public void stop() {
        partnerKey = null;
        if (server != null) {
            server.stop();
            server = null;
        }
        classroom = null;
        classNotice.set("");
        running.set(false);
        status.set(offText());
    }

    /**
     * Issues an access key for a lab principal (the one the Key Lab acts as), so a CLI or SDK signed with it is
     * evaluated as that principal. The secret is shown once; only the running endpoint accepts it.
     *
     * @throws IllegalStateException when the endpoint is off
     */
    public dev.kmslab.server.auth.Credential issueAccessKey(String principalArn) throws IOException {
        if (server == null || keys == null) {
            throw new IllegalStateException("Turn the endpoint on first.");
        }
        return keys.issueAccessKey(principalArn);
    }

    /** The running server (for listeners), or null. */
    public KmsHttpServer server() {
        return server;
    }
}
