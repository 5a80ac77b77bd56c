package dev.kmslab.engine.state;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** The import tokens the engine has handed out and still remembers, by token, in the order they were issued. */
public final class ImportTokens {

    /** How long a token stays usable after GetParametersForImport. */
    public static final Duration LIFETIME = Duration.ofHours(24);
    private static final ImportTokens NONE = new ImportTokens(Map.of());

    private final Map<String, ImportToken> byId;

    private ImportTokens(Map<String, ImportToken> byId) {
        this.byId = Collections.unmodifiableMap(new LinkedHashMap<>(byId));
    }

    public static ImportTokens none() {
        return NONE;
    }

    public static ImportTokens of(Collection<ImportToken> tokens) {
        Map<String, ImportToken> map = new LinkedHashMap<>();
        tokens.forEach(t -> map.put(t.id(), t));
        return new ImportTokens(map);
    }

    /** The token with these bytes, or null if it was never issued or has been forgotten. */
    public ImportToken find(byte[] token) {
        return byId.get(HexFormat.of().formatHex(token));
    }

    /**
     * These tokens plus {@code added}, forgetting those that expired more than a day before {@code now}: until
     * then a late import still hears "expired", not "invalid".
     */
    public ImportTokens with(ImportToken added, Instant now) {
        Map<String, ImportToken> next = new LinkedHashMap<>(byId);
        next.values().removeIf(t -> !t.validTo().plus(LIFETIME).isAfter(now));
        next.put(added.id(), added);
        return new ImportTokens(next);
    }

    public Collection<ImportToken> all() {
        return byId.values();
    }

    @Override
    public String toString() {
        return "ImportTokens[" + byId.size() + "]";
    }
}
