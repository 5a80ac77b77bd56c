package dev.kmslab.ui.keylab.playground;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a ciphertext blob into the parts described in {@link dev.kmslab.engine.crypto.CiphertextBlob}'s class comment
 * (format version, key id length, key id, backing-key version, IV, ciphertext, tag), for the annotated byte view.
 * It only reads lengths, never authenticates: a damaged blob is still shown, with whatever cannot be placed marked as
 * unreadable.
 */
public final class BlobSegments {

    static final int IV_LENGTH = 12;
    static final int TAG_LENGTH = 16;

    /** Which part of the blob a run of bytes is. */
    public enum Kind {
        FORMAT("Format version", "One byte naming the blob layout (1). Authenticated as part of the header."),
        KEY_ID_LENGTH("Key id length", "How many bytes of key id follow. Authenticated as part of the header."),
        KEY_ID("Key id", "The id of the KMS key that encrypted this, in UTF-8. This is why Decrypt needs no KeyId "
                + "for symmetric keys. Authenticated: change it and decryption fails."),
        KEY_VERSION("Key material version", "Which version of the key's material was used (4 bytes, big-endian). "
                + "After rotations, Decrypt picks the old version from here."),
        IV("IV (nonce)", "12 random bytes, fresh for every encryption, so the same plaintext never gives the same "
                + "ciphertext. AES-GCM authenticates it."),
        CIPHERTEXT("Ciphertext", "The plaintext encrypted with AES-256-GCM; same length as the plaintext."),
        TAG("Authentication tag", "16 bytes that prove header, IV, ciphertext and encryption context are unchanged. "
                + "Any difference and Decrypt answers InvalidCiphertextException."),
        UNREADABLE("Unreadable", "These bytes do not fit the layout (the lengths in the header are wrong), so the "
                + "service would reject the blob before trying to decrypt.");

        private final String title;
        private final String explanation;

        Kind(String title, String explanation) {
            this.title = title;
            this.explanation = explanation;
        }

        public String title() {
            return title;
        }

        public String explanation() {
            return explanation;
        }
    }

    /** {@code length} bytes from {@code offset} are one part. */
    public record Segment(Kind kind, int offset, int length) {
    }

    private BlobSegments() {
    }

    public static List<Segment> of(byte[] blob) {
        List<Segment> out = new ArrayList<>();
        if (blob.length < 2) {
            add(out, Kind.UNREADABLE, 0, blob.length);
            return out;
        }
        out.add(new Segment(Kind.FORMAT, 0, 1));
        out.add(new Segment(Kind.KEY_ID_LENGTH, 1, 1));
        int idLength = blob[1] & 0xff;
        int header = 2 + idLength + 4;
        if (blob.length < header + IV_LENGTH + TAG_LENGTH) {
            add(out, Kind.UNREADABLE, 2, blob.length - 2);
            return out;
        }
        out.add(new Segment(Kind.KEY_ID, 2, idLength));
        out.add(new Segment(Kind.KEY_VERSION, 2 + idLength, 4));
        out.add(new Segment(Kind.IV, header, IV_LENGTH));
        int body = blob.length - header - IV_LENGTH - TAG_LENGTH;
        add(out, Kind.CIPHERTEXT, header + IV_LENGTH, body);
        out.add(new Segment(Kind.TAG, blob.length - TAG_LENGTH, TAG_LENGTH));
        return out;
    }

    private static void add(List<Segment> out, Kind kind, int offset, int length) {
        if (length > 0) {
            out.add(new Segment(kind, offset, length));
        }
    }
}
