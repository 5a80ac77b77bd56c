package dev.kmslab.engine.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.Set;

/**
 * The parsed form of a sealed keystore file and its exact JSON encoding (layout documented on
 * {@link SealedFileStorage}). Parsing is strict (unknown or duplicate fields, non-canonical base64, wrong lengths,
 * trailing bytes and any layout other than our own are all rejected) so that any change to the file is noticed
 * rather than quietly normalised away.
 */
record SealedKeystoreFile(KdfHeader kdf, byte[] keyCheck, byte[] nonce, byte[] ciphertext) {

    static final String FORMAT = "kmslab-keystore";
    static final int VERSION = 1;
    static final int NONCE_BYTES = 12;
    static final int TAG_BYTES = 16;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Set<String> TOP_FIELDS = Set.of(
            "format", "version", "kdf", "keyCheck", "nonce", "ciphertext", "checksum");

    /** Why a file could not be parsed; becomes the reason in a {@link KeystoreCorruptException}. */
    static final class FormatException extends Exception {
        FormatException(String message) {
            super(message);
        }

        FormatException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The header bytes bound to the ciphertext as AES-GCM additional data: format, version and every KDF field, each
     * length-prefixed so no two headers share an encoding.
     */
    byte[] aad() {
        return aad(kdf);
    }

    static byte[] aad(KdfHeader kdf) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writeField(out, FORMAT.getBytes(StandardCharsets.UTF_8));
            out.writeInt(VERSION);
            writeField(out, kdf.type().getBytes(StandardCharsets.UTF_8));
            if (kdf instanceof KdfHeader.Argon2id argon) {
                out.writeInt(argon.parameters().memoryKiB());
                out.writeInt(argon.parameters().iterations());
                out.writeInt(argon.parameters().parallelism());
                writeField(out, argon.salt());
            }
        } catch (IOException e) {
            throw new IllegalStateException("in-memory stream failed", e);
        }
        return bytes.toByteArray();
    }

    /**
     * SHA-256 over every other field. Not a security control (anyone can recompute it); it separates accidental
     * damage to the header, such as a changed salt, from a wrong passphrase, which would otherwise look alike.
     */
    byte[] checksum() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (byte[] part : new byte[][] {aad(), keyCheck, nonce, ciphertext}) {
                sha.update(intBytes(part.length));
                sha.update(part);
            }
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        ObjectNode kdfNode = root.putObject("kdf");
        kdfNode.put("type", kdf.type());
        if (kdf instanceof KdfHeader.Argon2id argon) {
            kdfNode.put("memoryKiB", argon.parameters().memoryKiB());
            kdfNode.put("iterations", argon.parameters().iterations());
            kdfNode.put("parallelism", argon.parameters().parallelism());
            kdfNode.put("salt", encode(argon.salt()));
        }
        root.put("keyCheck", encode(keyCheck));
        root.put("nonce", encode(nonce));
        root.put("ciphertext", encode(ciphertext));
        root.put("checksum", encode(checksum()));
        // LF only, on every platform: the file's bytes stay the same wherever it was written.
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return (JSON.writer(printer).writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise keystore envelope", e);
        }
    }

    static SealedKeystoreFile parse(byte[] file) throws FormatException {
        if (file.length == 0) {
            throw new FormatException("the file is empty");
        }
        JsonNode root;
        try {
            root = JSON.readTree(file);
        } catch (JsonProcessingException e) {
            // Position only: the parser's own message may quote file content.
            String where = e.getLocation() == null ? ""
                    : " (error at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                            + ")";
            throw new FormatException("it is not valid JSON" + where, e);
        } catch (IOException e) {
            throw new FormatException("it is not valid JSON", e);
        }
        if (root == null || !root.isObject()) {
            throw new FormatException("it is not a JSON object");
        }
        checkFields(root, TOP_FIELDS, "");
        if (!FORMAT.equals(text(root, "format"))) {
            throw new FormatException("its format is not " + FORMAT);
        }
        int version = integer(root, "version");
        if (version != VERSION) {
            throw new FormatException("its format version " + version + " is not supported (expected " + VERSION + ")");
        }
        SealedKeystoreFile parsed = new SealedKeystoreFile(parseKdf(root.get("kdf")),
                bytes(root, "keyCheck", SealingKeys.CHECK_BYTES), bytes(root, "nonce", NONCE_BYTES),
                bytes(root, "ciphertext", -1));
        if (parsed.ciphertext.length < TAG_BYTES) {
            throw new FormatException("its ciphertext is shorter than an authentication tag");
        }
        if (!MessageDigest.isEqual(parsed.checksum(), bytes(root, "checksum", 32))) {
            throw new FormatException("its checksum does not match its contents (the file was damaged or edited)");
        }
        // Whitespace and layout are not covered by the checksum; requiring the exact bytes we write closes that gap.
        if (!Arrays.equals(parsed.toJson(), file)) {
            throw new FormatException("its layout differs from the one this program writes (the file was edited)");
        }
        return parsed;
    }

    private static KdfHeader parseKdf(JsonNode node) throws FormatException {
        if (node == null || !node.isObject()) {
            throw new FormatException("its kdf field is missing or not an object");
        }
        String type = text(node, "type");
        if (KdfHeader.KeyFile.TYPE.equals(type)) {
            checkFields(node, Set.of("type"), "kdf.");
            return new KdfHeader.KeyFile();
        }
        if (!KdfHeader.Argon2id.TYPE.equals(type)) {
            throw new FormatException("its kdf type '" + type + "' is unknown");
        }
        checkFields(node, Set.of("type", "memoryKiB", "iterations", "parallelism", "salt"), "kdf.");
        try {
            Argon2Parameters cost = new Argon2Parameters(integer(node, "memoryKiB"), integer(node, "iterations"),
                    integer(node, "parallelism"));
            return new KdfHeader.Argon2id(cost, bytes(node, "salt", -1));
        } catch (IllegalArgumentException e) {
            throw new FormatException("its kdf parameters are out of range (" + e.getMessage() + ")", e);
        }
    }

    private static void checkFields(JsonNode node, Set<String> expected, String prefix) throws FormatException {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!expected.contains(name)) {
                throw new FormatException("it has an unexpected field '" + prefix + name + "'");
            }
        }
        for (String name : expected) {
            if (!node.has(name)) {
                throw new FormatException("its field '" + prefix + name + "' is missing");
            }
        }
    }

    private static String text(JsonNode node, String field) throws FormatException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new FormatException("its field '" + field + "' is not a string");
        }
        return value.textValue();
    }

    private static int integer(JsonNode node, String field) throws FormatException {
        JsonNode value = node.get(field);
        if (value == null || !value.isInt()) {
            throw new FormatException("its field '" + field + "' is not an integer");
        }
        return value.intValue();
    }

    // Re-encoding and comparing rejects base64 whose unused bits were changed: such a flip decodes to the same bytes
    // and would otherwise go unnoticed.
    private static byte[] bytes(JsonNode node, String field, int expectedLength) throws FormatException {
        String text = text(node, field);
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new FormatException("its field '" + field + "' is not valid base64", e);
        }
        if (!encode(decoded).equals(text)) {
            throw new FormatException("its field '" + field + "' is not canonical base64");
        }
        if (expectedLength >= 0 && decoded.length != expectedLength) {
            throw new FormatException("its field '" + field + "' has " + decoded.length + " bytes, expected "
                    + expectedLength);
        }
        return decoded;
    }

    private static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static void writeField(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }

    private static byte[] intBytes(int value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    @Override
    public String toString() {
        return "SealedKeystoreFile[" + kdf + ", ciphertext=" + ciphertext.length + " bytes]";
    }
}
