package dev.kmslab.server.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kmslab.engine.model.EncryptionAlgorithmSpec;
import dev.kmslab.engine.model.KeyMetadata;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;

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

    /** A paged list's trailer: {@code NextMarker} only while {@code Truncated} is true. */
    public static void page(JsonGenerator out, String nextMarker, boolean truncated) throws IOException {
        if (truncated) {
            string(out, "NextMarker", nextMarker);
        }
        out.writeBooleanField("Truncated", truncated);
    }

    /** The KeyMetadata structure of CreateKey and DescribeKey. */
    public static void keyMetadata(JsonGenerator out, KeyMetadata m) throws IOException {
        out.writeObjectFieldStart("KeyMetadata");
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
        if (m.encryptionAlgorithms() != null && !m.encryptionAlgorithms().isEmpty()) {
            out.writeArrayFieldStart("EncryptionAlgorithms");
            for (EncryptionAlgorithmSpec spec : m.encryptionAlgorithms()) {
                out.writeString(spec.name());
            }
            out.writeEndArray();
        }
        out.writeBooleanField("MultiRegion", m.multiRegion());
        integer(out, "PendingDeletionWindowInDays", m.pendingDeletionWindowInDays());
        string(out, "CurrentKeyMaterialId", m.currentKeyMaterialId());
        out.writeEndObject();
    }
}
