package dev.kmslab.server.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kmslab.engine.model.KeyMetadata;
import dev.kmslab.engine.model.MultiRegionConfiguration;
import dev.kmslab.engine.model.MultiRegionKey;
import dev.kmslab.engine.model.Tag;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Writes response members in the AWS JSON 1.1 shapes: blobs as standard base64, timestamps as epoch seconds (a
 * number, with milliseconds as a fraction), enums by their wire names; null members are left out, as AWS leaves them.
 */
public final class JsonOutput {

    private JsonOutput() {
    }

    public static void string(JsonGenerator out, String member, String value) throws IOException {
        if (value != null) {
            out.writeStringField(member, value);
        }
    }

    public static void blob(JsonGenerator out, String member, byte[] value) throws IOException {
        if (value != null) {
            out.writeFieldName(member);
            out.writeBinary(value);
        }
    }

    public static void timestamp(JsonGenerator out, String member, Instant value) throws IOException {
        if (value != null) {
            out.writeFieldName(member);
            out.writeNumber(BigDecimal.valueOf(value.toEpochMilli(), 3).stripTrailingZeros().toPlainString());
        }
    }

    public static void enumValue(JsonGenerator out, String member, Enum<?> value) throws IOException {
        if (value != null) {
            out.writeStringField(member, value.name());
        }
    }

    public static void integer(JsonGenerator out, String member, Integer value) throws IOException {
        if (value != null) {
            out.writeNumberField(member, value);
        }
    }

    /** A list of enum values by their wire names; an empty or null list is left out, as AWS leaves it out. */
    public static void enumList(JsonGenerator out, String member, List<? extends Enum<?>> values) throws IOException {
        if (values != null && !values.isEmpty()) {
            out.writeArrayFieldStart(member);
            for (Enum<?> value : values) {
                out.writeString(value.name());
            }
            out.writeEndArray();
        }
    }

    public static void stringList(JsonGenerator out, String member, List<String> values) throws IOException {
        out.writeArrayFieldStart(member);
        for (String value : values) {
            out.writeString(value);
        }
        out.writeEndArray();
    }

    /** A list of {@code {"TagKey": …, "TagValue": …}} objects (ListResourceTags, ReplicateKey), even when empty. */
    public static void tags(JsonGenerator out, String member, List<Tag> tags) throws IOException {
        out.writeArrayFieldStart(member);
        for (Tag tag : tags) {
            out.writeStartObject();
            out.writeStringField("TagKey", tag.tagKey());
            out.writeStringField("TagValue", tag.tagValue());
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    /** A paged list's trailer: {@code NextMarker} only while {@code Truncated} is true. */
    public static void page(JsonGenerator out, String nextMarker, boolean truncated) throws IOException {
        if (truncated) {
            string(out, "NextMarker", nextMarker);
        }
        out.writeBooleanField("Truncated", truncated);
    }

    /** The KeyMetadata structure of CreateKey and DescribeKey. */
    public static void keyMetadata(JsonGenerator out, KeyMetadata m) throws IOException {
        keyMetadata(out, "KeyMetadata", m);
    }

    /** The KeyMetadata structure under another member name (ReplicateKey's ReplicaKeyMetadata). */
    public static void keyMetadata(JsonGenerator out, String member, KeyMetadata m) throws IOException {
        out.writeObjectFieldStart(member);
        string(out, "AWSAccountId", m.awsAccountId());
        string(out, "KeyId", m.keyId());
        string(out, "Arn", m.arn());
        timestamp(out, "CreationDate", m.creationDate());
        out.writeBooleanField("Enabled", m.enabled());
        // AWS reports an empty description as "" rather than leaving the member out.
        out.writeStringField("Description", m.description() == null ? "" : m.description());
        enumValue(out, "KeyUsage", m.keyUsage());
        enumValue(out, "KeyState", m.keyState());
        timestamp(out, "DeletionDate", m.deletionDate());
        enumValue(out, "Origin", m.origin());
        enumValue(out, "KeyManager", m.keyManager());
        // CustomerMasterKeySpec is the deprecated twin of KeySpec that AWS still returns.
        enumValue(out, "CustomerMasterKeySpec", m.keySpec());
        enumValue(out, "KeySpec", m.keySpec());
        enumList(out, "EncryptionAlgorithms", m.encryptionAlgorithms());
        enumList(out, "SigningAlgorithms", m.signingAlgorithms());
        enumList(out, "MacAlgorithms", m.macAlgorithms());
        enumList(out, "KeyAgreementAlgorithms", m.keyAgreementAlgorithms());
        timestamp(out, "ValidTo", m.validTo());
        enumValue(out, "ExpirationModel", m.expirationModel());
        out.writeBooleanField("MultiRegion", m.multiRegion());
        multiRegionConfiguration(out, m.multiRegionConfiguration());
        integer(out, "PendingDeletionWindowInDays", m.pendingDeletionWindowInDays());
        string(out, "CurrentKeyMaterialId", m.currentKeyMaterialId());
        string(out, "CustomKeyStoreId", m.customKeyStoreId());
        string(out, "CloudHsmClusterId", m.cloudHsmClusterId());
        out.writeEndObject();
    }

    private static void multiRegionConfiguration(JsonGenerator out, MultiRegionConfiguration c) throws IOException {
        if (c == null) {
            return;
        }
        out.writeObjectFieldStart("MultiRegionConfiguration");
        enumValue(out, "MultiRegionKeyType", c.multiRegionKeyType());
        if (c.primaryKey() != null) {
            out.writeFieldName("PrimaryKey");
            multiRegionKey(out, c.primaryKey());
        }
        out.writeArrayFieldStart("ReplicaKeys");
        for (MultiRegionKey replica : c.replicaKeys()) {
            multiRegionKey(out, replica);
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    private static void multiRegionKey(JsonGenerator out, MultiRegionKey key) throws IOException {
        out.writeStartObject();
        string(out, "Arn", key.arn());
        string(out, "Region", key.region());
        out.writeEndObject();
    }
}
