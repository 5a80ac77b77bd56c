package dev.kmslab.ui.keylab.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

/** How the tab shows bytes (hex or Base64) and how it damages them on purpose to show a check failing. */
public final class ByteText {

    /** The two encodings the learner can switch between; AWS CLI output is Base64, OpenSSL tools often hex. */
    public enum Encoding { HEX, BASE64 }

    private ByteText() {
    }

    public static String format(byte[] bytes, Encoding encoding) {
        if (bytes == null) {
            return "";
        }
        return encoding == Encoding.HEX ? HexFormat.of().formatHex(bytes) : Base64.getEncoder().encodeToString(bytes);
    }

    /** A copy with the lowest bit of the middle byte flipped: one changed byte is enough to fail any check. */
    public static byte[] flipMiddleByte(byte[] bytes) {
        byte[] changed = bytes.clone();
        changed[changed.length / 2] ^= 0x01;
        return changed;
    }

    /**
     * The text with one byte changed: the lowest bit of its first ASCII byte is flipped ("Hello" becomes "Iello"),
     * which keeps the text valid UTF-8. Text without ASCII gets a "." appended instead.
     */
    public static String tamperText(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if ((bytes[i] & 0x80) == 0) {
                bytes[i] ^= 0x01;
                return new String(bytes, StandardCharsets.UTF_8);
            }
        }
        return text + ".";
    }

    /** "PEM" text of DER bytes with the given label, 64 characters a line as OpenSSL writes it. */
    public static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }
}
