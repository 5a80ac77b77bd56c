package dev.kmslab.ui.keylab.keys;

import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.OriginType;
import dev.kmslab.engine.model.Tag;
import java.util.ArrayList;
import java.util.List;

/**
 * What the create-key dialog collects. {@code alias} is optional (blank for none); {@code rotationDays} applies only
 * when {@code automaticRotation} is set; {@code multiRegion} makes an {@code mrk-} primary key. {@code customKeyStoreId}
 * (null for none) creates the key in that custom key store, whose keys have Origin AWS_CLOUDHSM.
 */
public record CreateKeyForm(String description, KeyUsage keyUsage, KeySpec keySpec, OriginType origin,
                            List<Tag> tags, String alias, boolean automaticRotation, int rotationDays,
                            boolean multiRegion, String customKeyStoreId) {

    public CreateKeyForm {
        tags = List.copyOf(tags);
        alias = alias == null ? "" : alias.trim();
        description = description == null ? "" : description;
        if (customKeyStoreId != null && customKeyStoreId.isBlank()) {
            customKeyStoreId = null;
        }
    }

    /** A single-Region key outside custom key stores. */
    public CreateKeyForm(String description, KeyUsage keyUsage, KeySpec keySpec, OriginType origin, List<Tag> tags,
                         String alias, boolean automaticRotation, int rotationDays) {
        this(description, keyUsage, keySpec, origin, tags, alias, automaticRotation, rotationDays, false, null);
    }

    /** A key outside custom key stores, multi-Region or not. */
    public CreateKeyForm(String description, KeyUsage keyUsage, KeySpec keySpec, OriginType origin, List<Tag> tags,
                         String alias, boolean automaticRotation, int rotationDays, boolean multiRegion) {
        this(description, keyUsage, keySpec, origin, tags, alias, automaticRotation, rotationDays, multiRegion, null);
    }

    /** A single-Region key in a custom key store (null for none). */
    public CreateKeyForm(String description, KeyUsage keyUsage, KeySpec keySpec, OriginType origin, List<Tag> tags,
                         String alias, boolean automaticRotation, int rotationDays, String customKeyStoreId) {
        this(description, keyUsage, keySpec, origin, tags, alias, automaticRotation, rotationDays, false,
                customKeyStoreId);
    }

    public static CreateKeyForm symmetric(String alias) {
        return new CreateKeyForm("", KeyUsage.ENCRYPT_DECRYPT, KeySpec.SYMMETRIC_DEFAULT, OriginType.AWS_KMS,
                List.of(), alias, false, 365);
    }

    public CreateKeyRequest toRequest() {
        return new CreateKeyRequest(description.isBlank() ? null : description, keyUsage, keySpec,
                customKeyStoreId == null ? origin : OriginType.AWS_CLOUDHSM, tags.isEmpty() ? null : tags, null,
                null, multiRegion ? Boolean.TRUE : null, customKeyStoreId);
    }

    /** The alias as AWS wants it: with the {@code alias/} prefix the learner may leave out. */
    public String aliasName() {
        return alias.startsWith("alias/") ? alias : "alias/" + alias;
    }

    /**
     * Reads tags written one per line as {@code key=value} (the value may be empty; blank lines are skipped).
     *
     * @throws IllegalArgumentException naming the line without an {@code =}
     */
    public static List<Tag> parseTags(String text) {
        List<Tag> tags = new ArrayList<>();
        String[] lines = text == null ? new String[0] : text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("Tag line " + (i + 1) + " needs the form key=value: " + line);
            }
            tags.add(new Tag(line.substring(0, eq).trim(), line.substring(eq + 1).trim()));
        }
        return tags;
    }
}
