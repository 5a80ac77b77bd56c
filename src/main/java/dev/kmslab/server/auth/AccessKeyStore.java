package dev.kmslab.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmslab.io.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The endpoint's access keys. The pair {@code test}/{@code test} (the convention local AWS emulators share) always
 * maps to the account root; {@link #issueAccessKey} creates further keys for IAM users and roles.
 *
 * <h2>At rest</h2>
 * Issued keys live in {@code <dataDir>/access-keys.json}:
 * {@code {"format":"kmslab-access-keys","version":1,"keys":[{"accessKeyId","secretAccessKey","principalArn"}]}},
 * written atomically and readable by the owner only (POSIX mode 600 where the file system has modes). The secrets are
 * stored as they are, not hashed or sealed: SigV4 verification needs the secret itself, and a key to seal them would
 * sit in the same directory (beside {@code master.key}), so sealing would add ceremony rather than protection for a
 * local lab. A file that cannot be read is moved aside and reported through {@link #movedAside()}.
 */
public final class AccessKeyStore implements CredentialResolver {

    public static final String DEFAULT_ACCESS_KEY_ID = "test";
    public static final String DEFAULT_SECRET_ACCESS_KEY = "test";
    public static final String FILE_NAME = "access-keys.json";
    private static final String FORMAT = "kmslab-access-keys";
    private static final Pattern PRINCIPAL = Pattern.compile("^arn:aws:(iam|sts)::[0-9]{12}:\\S+$");
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Credential defaultCredential;
    private final Path file;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Credential> issued = new LinkedHashMap<>();
    private volatile Map<String, Credential> snapshot = Map.of();
    private Path movedAside;

    private AccessKeyStore(String account, Path file) {
        this.defaultCredential = new Credential(DEFAULT_ACCESS_KEY_ID, DEFAULT_SECRET_ACCESS_KEY,
                "arn:aws:iam::" + account + ":root");
        this.file = file;
    }

    /** Keys kept in memory only (tests, or an app session without a data directory). */
    public static AccessKeyStore inMemory(String account) {
        return new AccessKeyStore(account, null);
    }

    /** Loads {@code <dataDir>/access-keys.json} if present; a corrupt file is moved aside and the store starts empty. */
    public static AccessKeyStore open(Path dataDir, String account, Clock clock) throws IOException {
        AccessKeyStore store = new AccessKeyStore(account, dataDir.resolve(FILE_NAME));
        if (Files.exists(store.file)) {
            try {
                store.load(Files.readAllBytes(store.file));
            } catch (IOException | IllegalArgumentException e) {
                store.issued.clear();
                store.movedAside = AtomicFile.moveAside(store.file, clock);
            }
        }
        store.publish();
        return store;
    }

    @Override
    public Optional<Credential> find(String accessKeyId) {
        if (DEFAULT_ACCESS_KEY_ID.equals(accessKeyId)) {
            return Optional.of(defaultCredential);
        }
        return Optional.ofNullable(snapshot.get(accessKeyId));
    }

    /** The built-in {@code test}/{@code test} pair of the account root. */
    public Credential defaultCredential() {
        return defaultCredential;
    }

    /**
     * A new access key for {@code principalArn} (an IAM user, role or assumed-role ARN), saved before it is returned.
     * Ids look like AWS's ({@code AKIA} + 16 base-32 characters); secrets are 40 characters from 30 random bytes.
     */
    public synchronized Credential issueAccessKey(String principalArn) throws IOException {
        if (principalArn == null || !PRINCIPAL.matcher(principalArn).matches()) {
            throw new IllegalArgumentException("not an IAM or STS principal ARN: " + principalArn);
        }
        String id;
        do {
            id = newAccessKeyId();
        } while (issued.containsKey(id));
        byte[] secretBytes = new byte[30];
        random.nextBytes(secretBytes);
        Credential credential = new Credential(id, Base64.getEncoder().encodeToString(secretBytes), principalArn);
        issued.put(id, credential);
        try {
            save();
        } catch (IOException e) {
            issued.remove(id);
            throw e;
        }
        publish();
        return credential;
    }

    /** Deletes an issued key; the default key cannot be revoked. Returns whether a key was removed. */
    public synchronized boolean revoke(String accessKeyId) throws IOException {
        Credential removed = issued.remove(accessKeyId);
        if (removed == null) {
            return false;
        }
        try {
            save();
        } catch (IOException e) {
            issued.put(accessKeyId, removed);
            throw e;
        }
        publish();
        return true;
    }

    /** Issued keys (not the default), oldest first. */
    public List<Credential> issuedKeys() {
        return List.copyOf(snapshot.values());
    }

    /** Where an unreadable key file was moved, if that happened when the store was opened. */
    public Optional<Path> movedAside() {
        return Optional.ofNullable(movedAside);
    }

    private String newAccessKeyId() {
        StringBuilder id = new StringBuilder("AKIA");
        for (int i = 0; i < 16; i++) {
            id.append(BASE32[random.nextInt(BASE32.length)]);
        }
        return id.toString();
    }

    private void publish() {
        snapshot = Collections.unmodifiableMap(new LinkedHashMap<>(issued));
    }

    private void load(byte[] bytes) throws IOException {
        JsonNode root = JSON.readTree(bytes);
        if (root == null || !FORMAT.equals(root.path("format").asText()) || root.path("version").asInt() != 1
                || !root.path("keys").isArray()) {
            throw new IOException("not a version 1 " + FORMAT + " file");
        }
        for (JsonNode key : root.get("keys")) {
            String id = key.path("accessKeyId").textValue();
            String secret = key.path("secretAccessKey").textValue();
            String principal = key.path("principalArn").textValue();
            if (id == null || secret == null || principal == null || DEFAULT_ACCESS_KEY_ID.equals(id)) {
                throw new IOException("an access key entry is incomplete");
            }
            issued.put(id, new Credential(id, secret, principal));
        }
    }

    private void save() throws IOException {
        if (file == null) {
            return;
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", 1);
        ArrayNode keys = root.putArray("keys");
        for (Credential credential : new ArrayList<>(issued.values())) {
            keys.addObject().put("accessKeyId", credential.accessKeyId())
                    .put("secretAccessKey", credential.secretAccessKey())
                    .put("principalArn", credential.principalArn());
        }
        AtomicFile.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // No POSIX modes (Windows): the file inherits the per-user ACL of the data directory.
        }
    }
}
