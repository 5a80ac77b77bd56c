package dev.kmslab.server.classroom;

import dev.kmslab.engine.KmsEngine;
import dev.kmslab.server.auth.AccessKeyStore;
import dev.kmslab.server.auth.Credential;
import dev.kmslab.server.auth.CredentialResolver;
import dev.kmslab.server.limits.RateLimit;
import dev.kmslab.server.limits.TokenBuckets;
import dev.kmslab.server.tls.LabCertificate;
import dev.kmslab.server.tls.PemFiles;
import dev.kmslab.server.tls.TlsIdentity;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * What {@code serve} decides from the {@link ClassroomOptions} before it starts listening, and does once it listens.
 *
 * <h2>Who may sign</h2>
 * On loopback only this machine's users can reach the port, so the published {@code test}/{@code test} key of the
 * account root stays accepted as before. Beyond loopback it is refused (unless {@code --allow-default-credentials}):
 * instead the account root gets a random access key, issued once, printed once with its secret, and kept in the
 * access key file like every other issued key; later starts reuse it and print only its id, {@code --new-root-key}
 * replaces it.
 *
 * <h2>Transport and limits</h2>
 * {@code --tls} uses the lab's own certificate ({@link LabCertificate}), {@code --tls-cert/--tls-key} the
 * instructor's. Serving beyond loopback over plain HTTP prints why that is unsafe. A class (beyond loopback or with
 * a roster) gets {@link RateLimit#CLASSROOM_DEFAULT} per access key unless {@code --rate-limit} says otherwise.
 */
public final class ClassroomSetup {

    private final ClassroomOptions options;
    private final String bindAddress;
    private final boolean offLoopback;
    private final CredentialResolver credentials;
    private final Optional<TlsIdentity> tls;
    private final Optional<RateLimit> rateLimit;
    private final Optional<Roster> roster;
    private final Optional<Credential> rootKey;
    private final boolean rootKeyIsNew;

    private ClassroomSetup(ClassroomOptions options, String bindAddress, boolean offLoopback,
                           CredentialResolver credentials, Optional<TlsIdentity> tls, Optional<RateLimit> rateLimit,
                           Optional<Roster> roster, Optional<Credential> rootKey, boolean rootKeyIsNew) {
        this.options = options;
        this.bindAddress = bindAddress;
        this.offLoopback = offLoopback;
        this.credentials = credentials;
        this.tls = tls;
        this.rateLimit = rateLimit;
        this.roster = roster;
        this.rootKey = rootKey;
        this.rootKeyIsNew = rootKeyIsNew;
    }

    /**
     * Reads the roster and the TLS files, makes or loads the certificate and settles the root key; nothing listens
     * yet, so a bad roster or certificate stops {@code serve} before any port is opened.
     */
    public static ClassroomSetup prepare(ClassroomOptions options, String bindAddress, Path dataDir, String account,
                                         AccessKeyStore keys, Clock clock) throws IOException {
        boolean offLoopback = !isLoopback(bindAddress);
        Optional<Roster> roster = options.roster().isPresent()
                ? Optional.of(Roster.read(options.roster().get())) : Optional.empty();
        Optional<TlsIdentity> tls = Optional.empty();
        if (options.tlsCert().isPresent()) {
            tls = Optional.of(PemFiles.loadOwn(options.tlsCert().get(), options.tlsKey().orElseThrow()));
        } else if (options.tls()) {
            List<String> extra = new ArrayList<>(options.tlsNames());
            options.publicHost().ifPresent(extra::add);
            tls = Optional.of(LabCertificate.loadOrCreate(dataDir,
                    LabCertificate.namesFor(bindAddress, extra), clock));
        }
        Optional<RateLimit> limit = options.rateLimit();
        if (limit.isEmpty() && !options.rateLimitOff() && (offLoopback || roster.isPresent())) {
            limit = Optional.of(RateLimit.CLASSROOM_DEFAULT);
        }
        boolean refuseDefault = offLoopback && !options.allowDefaultCredentials();
        Optional<Credential> root = Optional.empty();
        boolean rootIsNew = false;
        if (refuseDefault || options.newRootKey()) {
            RootKey settled = RootKey.settle(keys, account, options.newRootKey());
            root = Optional.of(settled.credential());
            rootIsNew = settled.isNew();
        }
        CredentialResolver resolver = refuseDefault ? withoutDefaultKey(keys) : keys;
        return new ClassroomSetup(options, bindAddress, offLoopback, resolver, tls, limit, roster, root, rootIsNew);
    }

    /** True for a loopback address or name ({@code 127.0.0.1}, {@code ::1}, {@code localhost}); false otherwise. */
    public static boolean isLoopback(String bindAddress) {
        try {
            return InetAddress.getByName(bindAddress).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    /** The store's keys without the published {@code test} key: it answers as an unknown access key. */
    public static CredentialResolver withoutDefaultKey(AccessKeyStore keys) {
        return accessKeyId -> AccessKeyStore.DEFAULT_ACCESS_KEY_ID.equals(accessKeyId) ? Optional.empty()
                : keys.find(accessKeyId);
    }

    /** The account root's generated key: the kept one, or a new one (the old ones revoked when asked to). */
    public record RootKey(Credential credential, boolean isNew) {

        public static RootKey settle(AccessKeyStore keys, String account, boolean replace) throws IOException {
            String rootArn = "arn:aws:iam::" + account + ":root";
            List<Credential> existing = keys.issuedKeys().stream()
                    .filter(k -> k.principalArn().equals(rootArn)).toList();
            if (!replace && !existing.isEmpty()) {
                return new RootKey(existing.get(0), false);
            }
            Credential fresh = keys.issueAccessKey(rootArn);
            for (Credential old : existing) {
                keys.revoke(old.accessKeyId());
            }
            return new RootKey(fresh, true);
        }
    }

    public CredentialResolver credentials() {
        return credentials;
    }

    public Optional<TlsIdentity> tls() {
        return tls;
    }

    public Optional<RateLimit> rateLimit() {
        return rateLimit;
    }

    /** Token buckets on the JVM's clock for the configured limit, if any. */
    public Optional<TokenBuckets> rateLimits() {
        return rateLimit.map(TokenBuckets::systemClock);
    }

    public boolean acceptsDefaultKey() {
        return !(offLoopback && !options.allowDefaultCredentials());
    }

    public boolean offLoopback() {
        return offLoopback;
    }

    public Optional<Roster> roster() {
        return roster;
    }

    /** The address students connect to: {@code --public-host}, else this machine's address for a wildcard bind. */
    public String publicHost() {
        if (options.publicHost().isPresent()) {
            return options.publicHost().get();
        }
        try {
            if (InetAddress.getByName(bindAddress).isAnyLocalAddress()) {
                return firstSiteAddress().orElse("127.0.0.1");
            }
        } catch (IOException e) {
            return bindAddress;
        }
        return bindAddress;
    }

    /** {@code https://HOST:PORT} (or {@code http://}) as students reach it. */
    public URI publicEndpoint(int port) {
        String host = publicHost();
        return URI.create((tls.isPresent() ? "https://" : "http://")
                + (host.contains(":") ? "[" + host + "]" : host) + ":" + port);
    }

    /** Lines for the banner: TLS, root key (its secret only when new), warnings, rate limit. */
    public List<String> report() {
        List<String> lines = new ArrayList<>();
        tls.ifPresent(identity -> {
            identity.notice().ifPresent(n -> lines.add("  " + n));
            lines.add("  TLS certificate " + identity.certificateFile() + (identity.generated()
                    ? " (the lab's own, self-signed)" : " (yours)"));
            lines.add("  TLS certificate SHA-256 fingerprint " + identity.sha256Fingerprint());
            lines.add("    students: aws --ca-bundle " + identity.certificateFile().getFileName()
                    + " ...; check with openssl x509 -in FILE -noout -fingerprint -sha256");
        });
        if (offLoopback && tls.isEmpty()) {
            lines.add("  WARNING: serving beyond loopback over plain HTTP. Everyone on this network can read every "
                    + "request and answer, including plaintexts and the data keys GenerateDataKey returns in the "
                    + "clear. Add --tls (AWS endpoints are HTTPS only).");
        }
        if (offLoopback && options.allowDefaultCredentials()) {
            lines.add("  WARNING: --allow-default-credentials: anyone who can reach this port can sign with the "
                    + "published test/test key and act as the account root.");
        } else if (offLoopback) {
            lines.add("  the published test/test key is refused beyond loopback (--allow-default-credentials "
                    + "accepts it)");
        }
        rootKey.ifPresent(key -> {
            if (rootKeyIsNew) {
                // Shown this once, like a new IAM access key; later starts print the id only.
                lines.add("  NEW root access key (account root; shown only now): access key id '"
                        + key.accessKeyId() + "', secret access key '" + key.secretAccessKey() + "'");
            } else {
                lines.add("  root access key " + key.accessKeyId() + " (its secret was shown when it was made; "
                        + "--new-root-key replaces it)");
            }
        });
        rateLimit.ifPresentOrElse(l -> lines.add("  rate limit: " + l.describe() + "; over it: "
                        + "ThrottlingException (in the audit log)"),
                () -> lines.add("  rate limit: none (--rate-limit 20/s sets one)"));
        return lines;
    }

    /** Enrols the roster's class (when there is one) pointing handouts at {@code port}. */
    public Optional<ClassEnrolment.Result> enrol(KmsEngine engine, AccessKeyStore keys, int port) throws IOException {
        if (roster.isEmpty()) {
            return Optional.empty();
        }
        ClassEnrolment.Target target = new ClassEnrolment.Target(publicEndpoint(port), engine.region(),
                tls.map(TlsIdentity::certificateFile), tls.map(TlsIdentity::sha256Fingerprint),
                options.handoutCaPath());
        return Optional.of(ClassEnrolment.enrol(engine, keys, roster.get(), options.studentPolicy(),
                options.handouts().orElseThrow(), target));
    }

    private static Optional<String> firstSiteAddress() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress()
                            && !address.isLinkLocalAddress()) {
                        return Optional.of(address.getHostAddress());
                    }
                }
            }
        } catch (SocketException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
