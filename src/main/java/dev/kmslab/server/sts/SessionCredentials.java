package dev.kmslab.server.sts;

import dev.kmslab.server.auth.Credential;
import dev.kmslab.server.auth.CredentialResolver;
import dev.kmslab.server.error.WireError;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Temporary credentials issued by AssumeRole: an {@code ASIA…} access key id, a 40-character secret, a session token
 * and an expiration on the engine's clock (so time travel in the lab expires them too). Looked up before the
 * long-term keys; a key past its expiration is refused with ExpiredTokenException.
 *
 * <p>Kept in memory only: a restarted endpoint forgets its sessions and callers assume the role again. AWS keeps no
 * state for a session either beyond the token itself; the lab keeps the secret because SigV4 verification needs it.
 */
public final class SessionCredentials implements CredentialResolver {

    /** Expired sessions are swept once the map holds this many. */
    private static final int SWEEP_AT = 10_000;
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private record Session(Credential credential, Instant expiration) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Supplier<Instant> engineClock;

    public SessionCredentials(Supplier<Instant> engineClock) {
        this.engineClock = engineClock;
    }

    /** New temporary credentials for {@code principalArn} (an assumed-role ARN), valid until {@code expiration}. */
    public Credential issue(String principalArn, Instant expiration) {
        if (sessions.size() >= SWEEP_AT) {
            sweep();
        }
        String id;
        do {
            id = accessKeyId();
        } while (sessions.containsKey(id));
        Credential credential = new Credential(id, Base64.getEncoder().encodeToString(bytes(30)), principalArn,
                "KmsLab" + Base64.getEncoder().encodeToString(bytes(96)));
        sessions.put(id, new Session(credential, expiration));
        return credential;
    }

    /**
     * The session's credential while it lasts.
     *
     * @throws WireError ExpiredTokenException once the engine's clock has reached its expiration
     */
    @Override
    public Optional<Credential> find(String accessKeyId) {
        Session session = sessions.get(accessKeyId);
        if (session == null) {
            return Optional.empty();
        }
        if (!engineClock.get().isBefore(session.expiration())) {
            throw WireError.expiredToken();
        }
        return Optional.of(session.credential());
    }

    /** This store first, then {@code longTerm}: the resolver the endpoint verifies signatures with. */
    public CredentialResolver before(CredentialResolver longTerm) {
        return accessKeyId -> {
            Optional<Credential> session = find(accessKeyId);
            return session.isPresent() ? session : longTerm.find(accessKeyId);
        };
    }

    private void sweep() {
        Instant now = engineClock.get();
        for (Iterator<Session> it = sessions.values().iterator(); it.hasNext(); ) {
            if (!now.isBefore(it.next().expiration())) {
                it.remove();
            }
        }
    }

    private String accessKeyId() {
        StringBuilder id = new StringBuilder("ASIA");
        for (int i = 0; i < 16; i++) {
            id.append(BASE32[random.nextInt(BASE32.length)]);
        }
        return id.toString();
    }

    private byte[] bytes(int count) {
        byte[] out = new byte[count];
        random.nextBytes(out);
        return out;
    }
}
