package dev.kmslab.server.sts;

import dev.kmslab.server.auth.Credential;
import dev.kmslab.server.auth.CredentialResolver;
import dev.kmslab.server.error.WireError;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Temporary credentials issued by AssumeRole: an {@code ASIA…} access key id, a 40-character secret, a session token
 * and an expiration on the engine's clock (so time travel in the lab expires them too). Looked up before the
 * long-term keys; a key past its expiration is refused with ExpiredTokenException.
 *
 * <p>Saved through a {@link SessionStore} before AssumeRole answers, so a restarted endpoint on the same data folder
 * still accepts a session that has not expired; sessions already expired when the endpoint starts (on the engine's
 * clock) lose their secret and token, and only their id is kept so they are still refused as expired. AWS keeps no
 * state for a session beyond the token itself; the lab keeps the secret because SigV4 verification needs it.
 */
public final class SessionCredentials implements CredentialResolver {

    private static final Logger LOG = Logger.getLogger(SessionCredentials.class.getName());
    /** Expired sessions are swept once the map holds this many. */
    private static final int SWEEP_AT = 10_000;
    /** Ids of expired sessions kept to answer ExpiredTokenException; the oldest go first beyond this many. */
    private static final int EXPIRED_KEPT = 10_000;
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private final SecureRandom random = new SecureRandom();
    private final Map<String, SessionStore.Saved> sessions = new ConcurrentHashMap<>();
    private final Map<String, Instant> expired = new ConcurrentHashMap<>();
    private final Supplier<Instant> engineClock;
    private final SessionStore store;

    /** Sessions in memory only. */
    public SessionCredentials(Supplier<Instant> engineClock) {
        this(engineClock, SessionStore.inMemory());
    }

    /** The sessions {@code store} holds, those expired on the engine's clock reduced to their id. */
    public SessionCredentials(Supplier<Instant> engineClock, SessionStore store) {
        this.engineClock = engineClock;
        this.store = store;
        expired.putAll(store.loadedExpired());
        Instant now = engineClock.get();
        boolean dropped = false;
        for (SessionStore.Saved saved : store.loadedSessions()) {
            if (now.isBefore(saved.expiration())) {
                sessions.put(saved.credential().accessKeyId(), saved);
            } else {
                expired.put(saved.credential().accessKeyId(), saved.expiration());
                dropped = true;
            }
        }
        if (dropped) {
            try {
                synchronized (this) {
                    save();
                }
            } catch (IOException e) {
                // The endpoint still starts; the expired secrets leave the file with the next AssumeRole.
                LOG.log(Level.WARNING, "could not rewrite the STS sessions file without its expired sessions: "
                        + e.getMessage());
            }
        }
    }

    /**
     * New temporary credentials for {@code principalArn} (an assumed-role ARN), valid until {@code expiration},
     * saved before they are returned.
     *
     * @throws IOException when the store cannot save them (nothing is issued then)
     */
    public synchronized Credential issue(String principalArn, Instant expiration) throws IOException {
        if (sessions.size() >= SWEEP_AT) {
            sweep();
        }
        String id;
        do {
            id = accessKeyId();
        } while (sessions.containsKey(id) || expired.containsKey(id));
        Credential credential = new Credential(id, Base64.getEncoder().encodeToString(bytes(30)), principalArn,
                "KmsLab" + Base64.getEncoder().encodeToString(bytes(96)));
        sessions.put(id, new SessionStore.Saved(credential, expiration));
        try {
            save();
        } catch (IOException e) {
            sessions.remove(id);
            throw e;
        }
        return credential;
    }

    /**
     * The session's credential while it lasts.
     *
     * @throws WireError ExpiredTokenException once the engine's clock has reached its expiration
     */
    @Override
    public Optional<Credential> find(String accessKeyId) {
        SessionStore.Saved session = sessions.get(accessKeyId);
        if (session == null) {
            if (expired.containsKey(accessKeyId)) {
                throw WireError.expiredToken();
            }
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

    // Expired sessions give up their secret and token and keep their id (the fewest needed beyond the cap go).
    private void sweep() {
        Instant now = engineClock.get();
        for (SessionStore.Saved s : List.copyOf(sessions.values())) {
            if (!now.isBefore(s.expiration())) {
                sessions.remove(s.credential().accessKeyId());
                expired.put(s.credential().accessKeyId(), s.expiration());
            }
        }
        if (expired.size() > EXPIRED_KEPT) {
            List<Map.Entry<String, Instant>> oldest = new ArrayList<>(expired.entrySet());
            oldest.sort(Map.Entry.comparingByValue(Comparator.naturalOrder()));
            for (int i = 0; i < oldest.size() - EXPIRED_KEPT; i++) {
                expired.remove(oldest.get(i).getKey());
            }
        }
    }

    private void save() throws IOException {
        store.save(List.copyOf(sessions.values()), Map.copyOf(expired));
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
