package dev.kmslab.server.sts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmslab.engine.store.KeystoreCorruptException;
import dev.kmslab.engine.store.SealedSecretFile;
import dev.kmslab.io.AtomicFile;
import dev.kmslab.server.auth.Credential;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the endpoint's STS sessions outlive it: nowhere ({@link #inMemory()}: a restarted endpoint forgets them), or
 * {@code <dataDir>/sts-sessions.sealed} ({@link #open}), sealed under the data folder's {@code master.key} like the
 * keystore ({@link SealedSecretFile}): a session's secret access key and token are never on disk in the clear, and
 * the file is replaced atomically and forced to the device before AssumeRole answers.
 *
 * <p>Inside the seal: {@code {"format":"kmslab-sts-sessions","version":1,"sessions":[{"accessKeyId",
 * "secretAccessKey","sessionToken","principalArn","expiration"}],"expired":[{"accessKeyId","expiration"}]}}. Expired
 * sessions keep only their id and expiration, so a caller still holding one hears ExpiredTokenException rather than
 * that the key does not exist. A file that cannot be read (damaged, or sealed under another master key) is moved
 * aside as {@code .corrupt-<time>}, reported in {@link #notices()}, and the endpoint starts without sessions.
 */
public final class SessionStore {

    public static final String FILE_NAME = "sts-sessions.sealed";
    private static final String FORMAT = "kmslab-sts-sessions";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A live session as saved. */
    record Saved(Credential credential, Instant expiration) {
    }

    private final SealedSecretFile file;
    private final List<Saved> sessions = new ArrayList<>();
    private final Map<String, Instant> expired = new LinkedHashMap<>();
    private final List<String> notices = new ArrayList<>();

    private SessionStore(SealedSecretFile file) {
        this.file = file;
    }

    /** Sessions in memory only. */
    public static SessionStore inMemory() {
        return new SessionStore(null);
    }

    /**
     * Reads {@code <dataDir>/sts-sessions.sealed} if it exists.
     *
     * @throws IOException when the master key cannot be read (missing or unreadable {@code master.key}) or the file
     *                     cannot be moved aside
     */
    public static SessionStore open(Path dataDir, Clock clock) throws IOException {
        SessionStore store = new SessionStore(SealedSecretFile.withKeyFile(dataDir, FILE_NAME, "sts sessions"));
        try {
            Optional<byte[]> document = store.file.read();
            if (document.isPresent()) {
                store.parse(document.get());
            }
        } catch (KeystoreCorruptException | IllegalArgumentException e) {
            store.sessions.clear();
            store.expired.clear();
            Path aside = AtomicFile.moveAside(store.file.file(), clock);
            store.notices.add("The STS sessions file " + store.file.file().getFileName() + " could not be read ("
                    + e.getMessage() + "); it was moved to " + aside.getFileName() + " and earlier sessions must "
                    + "assume their role again.");
        }
        return store;
    }

    /** Whether sessions are saved to disk. */
    public boolean persistent() {
        return file != null;
    }

    /** What opening the store did that the user should hear about. */
    public List<String> notices() {
        return List.copyOf(notices);
    }

    List<Saved> loadedSessions() {
        return List.copyOf(sessions);
    }

    Map<String, Instant> loadedExpired() {
        return Map.copyOf(expired);
    }

    /** Replaces the file with these sessions (no-op in memory). */
    void save(Collection<Saved> live, Map<String, Instant> expiredIds) throws IOException {
        if (file == null) {
            return;
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", 1);
        ArrayNode list = root.putArray("sessions");
        for (Saved s : live) {
            list.addObject().put("accessKeyId", s.credential().accessKeyId())
                    .put("secretAccessKey", s.credential().secretAccessKey())
                    .put("sessionToken", s.credential().sessionToken())
                    .put("principalArn", s.credential().principalArn())
                    .put("expiration", s.expiration().toString());
        }
        ArrayNode gone = root.putArray("expired");
        expiredIds.forEach((id, at) -> gone.addObject().put("accessKeyId", id).put("expiration", at.toString()));
        file.write(JSON.writeValueAsBytes(root));
    }

    private void parse(byte[] document) {
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (IOException e) {
            throw new IllegalArgumentException("the sealed document is not JSON");
        }
        if (root == null || !FORMAT.equals(root.path("format").asText()) || root.path("version").asInt() != 1) {
            throw new IllegalArgumentException("not a version 1 " + FORMAT + " document");
        }
        int n = 0;
        for (JsonNode s : root.path("sessions")) {
            n++;
            sessions.add(new Saved(new Credential(text(s, "accessKeyId", n), text(s, "secretAccessKey", n),
                    text(s, "principalArn", n), text(s, "sessionToken", n)), instant(s, n)));
        }
        n = 0;
        for (JsonNode s : root.path("expired")) {
            n++;
            expired.put(text(s, "accessKeyId", n), instant(s, n));
        }
    }

    private static String text(JsonNode node, String field, int n) {
        String value = node.path(field).textValue();
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("session " + n + " has no " + field);
        }
        return value;
    }

    private static Instant instant(JsonNode node, int n) {
        String value = text(node, "expiration", n);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("session " + n + " has an expiration that is not an instant: "
                    + value);
        }
    }
}
