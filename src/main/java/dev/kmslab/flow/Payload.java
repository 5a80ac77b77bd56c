package dev.kmslab.flow;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A snapshot of real bytes carried by a step: the plaintext, a data key, an encrypted data key, an IV, a ciphertext.
 * {@code secret} marks what must never leave the client or KMS in the clear (plaintext data keys, plaintext data);
 * the player highlights it and {@link #toString()} never shows it.
 */
public record Payload(String name, PayloadKind kind, byte[] bytes, boolean secret) {

    public Payload {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        bytes = Objects.requireNonNull(bytes, "bytes").clone();
    }

    public static Payload secret(String name, PayloadKind kind, byte[] bytes) {
        return new Payload(name, kind, bytes, true);
    }

    public static Payload open(String name, PayloadKind kind, byte[] bytes) {
        return new Payload(name, kind, bytes, false);
    }

    public static Payload text(String name, PayloadKind kind, String text, boolean secret) {
        return new Payload(name, kind, text.getBytes(StandardCharsets.UTF_8), secret);
    }

    /** A copy, so a flow's snapshot cannot be changed by whoever reads it. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    /** The size as a learner reads it: "1 byte", "32 bytes". */
    public String sizeText() {
        return size() + (size() == 1 ? " byte" : " bytes");
    }

    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The bytes as UTF-8 text when they are printable, for plaintext and context payloads. */
    public String textOrEmpty() {
        String s = new String(bytes, StandardCharsets.UTF_8);
        return s.chars().allMatch(c -> c >= 0x20 && c != 0xFFFD || c == '\n' || c == '\t') ? s : "";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Payload p && p.name.equals(name) && p.kind == kind && p.secret == secret
                && java.util.Arrays.equals(p.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, kind, secret, java.util.Arrays.hashCode(bytes));
    }

    @Override
    public String toString() {
        return "Payload[" + name + ", " + kind + ", " + bytes.length + " bytes" + (secret ? ", secret" : "") + "]";
    }
}
