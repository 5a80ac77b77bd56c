package dev.kmslab.ui.keylab.keys;

import dev.kmslab.engine.model.KeyMetadata;
import dev.kmslab.engine.model.KeyState;
import dev.kmslab.engine.model.Tag;
import java.time.Instant;
import java.util.List;

/**
 * One key as the Keys table shows it: its metadata plus what other calls report (aliases, rotation, tags).
 * {@code rotationPeriodInDays} and {@code nextRotation} are null while automatic rotation is off.
 */
public record KeyRow(KeyMetadata metadata, List<String> aliases, boolean rotationEnabled,
                     Integer rotationPeriodInDays, Instant nextRotation, List<Tag> tags) {

    public KeyRow {
        aliases = List.copyOf(aliases);
        tags = List.copyOf(tags);
    }

    public String keyId() {
        return metadata.keyId();
    }

    public KeyState state() {
        return metadata.keyState();
    }

    /** The aliases, comma separated, or empty. */
    public String aliasText() {
        return String.join(", ", aliases);
    }

    /** "Every 365 days" or "Off" (or "—" for keys that cannot rotate in their state). */
    public String rotationText() {
        return rotationEnabled ? "Every " + rotationPeriodInDays + " days" : "Off";
    }

    /** How the learner would name the key: its first alias, else its id. */
    public String displayName() {
        return aliases.isEmpty() ? metadata.keyId() : aliases.get(0);
    }

    boolean matches(String search) {
        if (search == null || search.isBlank()) {
            return true;
        }
        String s = search.trim().toLowerCase(java.util.Locale.ROOT);
        return metadata.keyId().toLowerCase(java.util.Locale.ROOT).contains(s)
                || aliasText().toLowerCase(java.util.Locale.ROOT).contains(s)
                || (metadata.description() != null
                    && metadata.description().toLowerCase(java.util.Locale.ROOT).contains(s))
                || tags.stream().anyMatch(t -> (t.tagKey() + "=" + t.tagValue())
                    .toLowerCase(java.util.Locale.ROOT).contains(s));
    }
}
