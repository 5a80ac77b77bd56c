package dev.kmslab.engine.esdk;

import com.amazonaws.encryptionsdk.CryptoAlgorithm;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The fields of an encrypted file, each with its offset, length, first bytes and meaning, for the byte view and the
 * flows: the AWS Encryption SDK message format (versions 1 and 2: header with algorithm suite, message id, encryption
 * context and encrypted data keys; header authentication; frames; signature footer), or the first fields of KMS Lab's
 * older format. It only reads lengths, never decrypts or authenticates: a damaged message is laid out as far as its
 * lengths allow and the rest is marked unreadable. Reading streams; only the first {@value #PREVIEW} bytes of each
 * field are kept, and regular frames after the second are summed up in one field, so any size lays out in little
 * memory.
 */
public final class MessageLayout {

    /** Bytes kept of each field. */
    public static final int PREVIEW = 48;
    /** Regular frames shown field by field; later ones (except the final frame) are summed up. */
    private static final int FRAMES_SHOWN = 2;
    private static final long END_OF_FRAMES = 0xFFFF_FFFFL;

    /** What a field is, for its colour in the byte view. */
    public enum Kind {
        FORMAT, SUITE, MESSAGE_ID, CONTEXT, DATA_KEY, LAYOUT, COMMITMENT, HEADER_AUTH, SEQUENCE, IV, CONTENT, TAG,
        SIGNATURE, UNREADABLE
    }

    /**
     * One field.
     *
     * @param part        where it belongs: "Header", "Encrypted data key 1", "Header authentication", "Frame 1",
     *                    "Final frame", "Footer"…
     * @param name        the field's name as the AWS Encryption SDK's message format reference calls it
     * @param value       its meaning when it has one to show (a number, a name, text), else empty
     * @param preview     its first bytes (at most {@link #PREVIEW})
     * @param explanation what it is for
     */
    public record Field(String part, String name, Kind kind, long offset, long length, String value, byte[] preview,
            String explanation) {

        public Field {
            preview = preview.clone();
        }

        @Override
        public byte[] preview() {
            return preview.clone();
        }

        /** The preview in hex, with "…" when the field is longer. */
        public String hex() {
            return HexFormat.of().formatHex(preview) + (length > preview.length ? "…" : "");
        }

        @Override
        public String toString() {
            return part + " / " + name + " @" + offset + "+" + length + (value.isEmpty() ? "" : " = " + value);
        }
    }

    private final MessageFormat format;
    private final List<Field> fields;
    private final long frames;
    private final long size;

    private MessageLayout(MessageFormat format, List<Field> fields, long frames, long size) {
        this.format = format;
        this.fields = List.copyOf(fields);
        this.frames = frames;
        this.size = size;
    }

    public MessageFormat format() {
        return format;
    }

    public List<Field> fields() {
        return fields;
    }

    /** Frames read, including the final frame (0 for an unframed message or the older format). */
    public long frames() {
        return frames;
    }

    /** Bytes read. */
    public long size() {
        return size;
    }

    /** Whether every byte was placed in a field (nothing unreadable). */
    public boolean complete() {
        return fields.stream().noneMatch(f -> f.kind() == Kind.UNREADABLE);
    }

    public static MessageLayout of(byte[] message) {
        try {
            return read(new ByteArrayInputStream(message));
        } catch (IOException e) {
            throw new IllegalStateException("in-memory stream failed", e);
        }
    }

    /** Reads {@code in} to its end; does not close it. */
    public static MessageLayout read(InputStream in) throws IOException {
        return new Reader(in).read();
    }

    private static final class Reader {
        private final InputStream in;
        private final List<Field> fields = new ArrayList<>();
        private final byte[] skip = new byte[64 * 1024];
        private long at;
        private long frames;
        private MessageFormat format = MessageFormat.AWS_ENCRYPTION_SDK;
        private String part = "Header";

        Reader(InputStream in) {
            this.in = in;
        }

        MessageLayout read() throws IOException {
            try {
                int version = peekFirst();
                if (version == 'K') {
                    legacy();
                } else if (version == 1 || version == 2) {
                    message(version);
                } else {
                    unreadable("The first byte is neither an AWS Encryption SDK message format version (1 or 2) nor "
                            + "the start of KMS Lab's older format.");
                }
            } catch (EOFException e) {
                fields.add(new Field(part, "Missing bytes", Kind.UNREADABLE, at, 0, "the file ends here", new byte[0],
                        "The file ends before this field: it was cut short."));
            } catch (Unreadable e) {
                unreadable(e.getMessage());
            }
            return new MessageLayout(format, fields, frames, at);
        }

        private int peekFirst() throws IOException {
            byte[] first = new byte[1];
            if (in.readNBytes(first, 0, 1) < 1) {
                throw new EOFException();
            }
            pending = first;
            return first[0] & 0xFF;
        }

        /** The byte already read by {@link #peekFirst}, handed out by the next read. */
        private byte[] pending;

        private void message(int version) throws IOException {
            Field v = field("Version", Kind.FORMAT, 1, "The message format version: 2 for the committing algorithm "
                    + "suites (SDK 2.0 and later), 1 for the older suites.");
            set(v, Integer.toString(version));
            if (version == 1) {
                byte[] type = field("Type", Kind.FORMAT, 1, "Always 0x80: a customer authenticated encrypted data "
                        + "message (version 1 only).").preview();
                check((type[0] & 0xFF) == 0x80, "The type byte of a version 1 message must be 0x80.");
            }
            Field suiteField = field("Algorithm ID", Kind.SUITE, 2, "The algorithm suite: data key length, how the "
                    + "content key is derived (HKDF), whether the key is committed and whether a signature ends the "
                    + "message.");
            short suiteId = (short) u16(suiteField);
            CryptoAlgorithm suite = suite((byte) version, suiteId);
            set(suiteField, String.format(Locale.ROOT, "0x%04X %s", suiteId & 0xFFFF, suite.name()));
            Field id = field("Message ID", Kind.MESSAGE_ID, suite.getMessageIdLength(), "Random, unique to this "
                    + "message. It is the HKDF salt of the content key, so every message has its own content key "
                    + "even under the same data key.");
            set(id, "");
            context();
            dataKeys();
            Field content = field("Content type", Kind.LAYOUT, 1, "2 = framed: the body is a series of frames, "
                    + "each authenticated on its own. 1 = non-framed: one block (at most 64 GiB).");
            int contentType = content.preview()[0] & 0xFF;
            check(contentType == 1 || contentType == 2, "The content type must be 1 (non-framed) or 2 (framed).");
            set(content, contentType == 2 ? "2 (framed)" : "1 (non-framed)");
            int nonceLength = suite.getNonceLen();
            if (version == 1) {
                field("Reserved", Kind.LAYOUT, 4, "Four zero bytes (version 1 only).");
                Field ivLength = field("IV length", Kind.LAYOUT, 1, "The length of every IV in the message "
                        + "(version 1 only; 12 for AES-GCM).");
                set(ivLength, Integer.toString(ivLength.preview()[0] & 0xFF));
            }
            Field frameLengthField = field("Frame length", Kind.LAYOUT, 4, "Plaintext bytes in each regular frame "
                    + "(0 for non-framed content). The SDK's default is 4096.");
            long frameLength = u32(frameLengthField);
            set(frameLengthField, frameLength + " bytes");
            if (version == 2) {
                field("Algorithm suite data", Kind.COMMITMENT, suite.getSuiteDataLength(), "The commitment key: "
                        + "derived from the data key with HKDF. A decryptor derives it again and rejects the message "
                        + "if it differs, so one ciphertext can never decrypt to two plaintexts under two keys.");
            }
            part = "Header authentication";
            if (version == 1) {
                field("IV", Kind.HEADER_AUTH, nonceLength, "The IV of the header's authentication tag.");
            }
            field("Authentication tag", Kind.HEADER_AUTH, suite.getTagLen(), "AES-GCM tag over the whole header, "
                    + "computed with the content key and the encryption context as additional data: change one "
                    + "header byte and decryption fails before any frame is read.");
            if (contentType == 2) {
                frames(nonceLength, suite.getTagLen(), frameLength);
            } else {
                part = "Body";
                field("IV", Kind.IV, nonceLength, "The IV of the single block.");
                Field length = field("Encrypted content length", Kind.LAYOUT, 8, "Bytes of encrypted content.");
                long n = u64(length);
                set(length, n + " bytes");
                field("Encrypted content", Kind.CONTENT, n, "The plaintext encrypted with AES-GCM under the "
                        + "content key.");
                field("Authentication tag", Kind.TAG, suite.getTagLen(), "AES-GCM tag over the content.");
            }
            if (suite.getTrailingSignatureLength() > 0) {
                part = "Footer";
                Field length = field("Signature length", Kind.SIGNATURE, 2, "Bytes of signature that follow.");
                int n = u16(length);
                set(length, n + " bytes");
                field("Signature", Kind.SIGNATURE, n, "ECDSA signature (" + suite.getTrailingSignatureAlgo()
                        + ") over the header and body, with the private key made for this message; the public key "
                        + "is the aws-crypto-public-key pair of the encryption context. Whoever can only decrypt "
                        + "cannot forge a message that verifies.");
            }
            byte[] more = new byte[1];
            if (take(more, 0, 1) > 0) {
                throw new Unreadable("Bytes follow the end of the message; the SDK rejects them.");
            }
        }

        private void context() throws IOException {
            Field aadLength = field("AAD length", Kind.CONTEXT, 2, "Bytes of serialized encryption context "
                    + "that follow (0 when there is none).");
            int length = u16(aadLength);
            set(aadLength, length + " bytes");
            if (length == 0) {
                return;
            }
            long end = at + length;
            Field count = field("Key-value pair count", Kind.CONTEXT, 2, "How many encryption context pairs follow, "
                    + "sorted by key.");
            int pairs = u16(count);
            set(count, Integer.toString(pairs));
            for (int i = 1; i <= pairs; i++) {
                long start = at;
                String key = utf8(lengthPrefixed());
                String value = utf8(lengthPrefixed());
                Field pair = new Field(part, "Encryption context pair " + i, Kind.CONTEXT, start, at - start,
                        key + " = " + value, new byte[0], "2-byte key length, key, 2-byte value length, value (UTF-8)."
                        + (key.equals("aws-crypto-public-key") ? " The SDK added this pair: the public key that "
                        + "verifies the message's signature footer." : " Authenticated (it is the additional data "
                        + "of every tag) and bound to the encrypted data keys by KMS."));
                fields.add(pair);
            }
            check(at == end, "The AAD length does not match the encryption context's pairs.");
        }

        private void dataKeys() throws IOException {
            Field count = field("Encrypted data key count", Kind.DATA_KEY, 2, "How many encrypted copies of the "
                    + "data key follow: one per master key or keyring key, any one of which can decrypt.");
            int n = u16(count);
            set(count, Integer.toString(n));
            check(n > 0, "A message needs at least one encrypted data key.");
            for (int i = 1; i <= n; i++) {
                part = "Encrypted data key " + i;
                long start = at;
                String provider = utf8(lengthPrefixed());
                fields.add(new Field(part, "Key provider ID", Kind.DATA_KEY, start, at - start, provider, new byte[0],
                        "2-byte length, then who can decrypt this copy: aws-kms for a KMS key."));
                start = at;
                String info = utf8(lengthPrefixed());
                fields.add(new Field(part, "Key provider information", Kind.DATA_KEY, start, at - start, info,
                        new byte[0], "2-byte length, then which key: for aws-kms, the ARN of the KMS key, which "
                        + "Decrypt is called with."));
                Field length = field("Encrypted data key length", Kind.DATA_KEY, 2, "Bytes of encrypted data key.");
                int edk = u16(length);
                set(length, edk + " bytes");
                field("Encrypted data key", Kind.DATA_KEY, edk, "The data key encrypted by the key provider: for "
                        + "aws-kms, the CiphertextBlob that GenerateDataKey (or Encrypt) returned.");
            }
            part = "Header";
        }

        private void frames(int nonce, int tag, long frameLength) throws IOException {
            check(frameLength > 0, "A framed message needs a frame length above 0.");
            long collapsedStart = -1;
            long collapsedFirst = 0;
            for (long sequence = 1; ; sequence++) {
                long start = at;
                byte[] first = new byte[4];
                readFully(first, 4);
                boolean last = u32(first) == END_OF_FRAMES;
                boolean shown = last || sequence <= FRAMES_SHOWN;
                if (!shown) {
                    if (collapsedStart < 0) {
                        collapsedStart = start;
                        collapsedFirst = sequence;
                    }
                    long expected = sequence;
                    long actual = u32(first);
                    check(actual == expected, "Frame " + sequence + " has sequence number " + actual + ".");
                    skipBytes(nonce + frameLength + tag);
                    frames++;
                    continue;
                }
                if (collapsedStart >= 0) {
                    fields.add(new Field("Frames " + collapsedFirst + "–" + (sequence - 1), "Regular frames",
                            Kind.CONTENT, collapsedStart, start - collapsedStart, (sequence - collapsedFirst)
                            + " frames", new byte[0], "More regular frames like the ones above: sequence number, IV, "
                            + frameLength + " bytes of encrypted content and a tag each."));
                    collapsedStart = -1;
                }
                part = last ? "Final frame" : "Frame " + sequence;
                if (last) {
                    fields.add(new Field(part, "Sequence number end", Kind.SEQUENCE, start, 4, "0xFFFFFFFF", first,
                            "Marks the final frame. A message cut before it cannot pass as complete."));
                    Field seq = field("Sequence number", Kind.SEQUENCE, 4, "The final frame's number, one more than "
                            + "the last regular frame's.");
                    check(u32(seq) == sequence, "The final frame has sequence number " + u32(seq) + ", not "
                            + sequence + ".");
                    set(seq, Long.toString(u32(seq)));
                } else {
                    long actual = u32(first);
                    fields.add(new Field(part, "Sequence number", Kind.SEQUENCE, start, 4, Long.toString(actual),
                            first, "Frames are numbered from 1 and the number is authenticated: a reordered, "
                            + "dropped or repeated frame fails."));
                    check(actual == sequence, "Frame " + sequence + " has sequence number " + actual + ".");
                }
                field("IV", Kind.IV, nonce, "The frame's 12-byte IV; the SDK makes it from the sequence number, so no "
                        + "IV repeats under the message's content key.");
                long length = frameLength;
                if (last) {
                    Field contentLength = field("Encrypted content length", Kind.LAYOUT, 4, "Bytes of encrypted "
                            + "content in the final frame: 0 up to the frame length.");
                    length = u32(contentLength);
                    check(length <= frameLength, "The final frame is longer than the frame length.");
                    set(contentLength, length + " bytes");
                }
                field("Encrypted content", Kind.CONTENT, length, "This frame's plaintext encrypted with AES-256-GCM "
                        + "under the content key (derived from the data key and the message id with HKDF). Same "
                        + "length as the plaintext.");
                field("Authentication tag", Kind.TAG, tag, "AES-GCM tag over the frame, with the message id, "
                        + "the content type, the sequence number and the content length as additional data.");
                frames++;
                if (last) {
                    return;
                }
            }
        }

        private void legacy() throws IOException {
            format = MessageFormat.KMS_LAB_ENVELOPE_V1;
            part = "KMS Lab envelope v1 (older format)";
            Field magic = field("Magic", Kind.FORMAT, 4, "\"KLEV\": a file from KMS Lab's own envelope format, "
                    + "written before the app used the AWS Encryption SDK message format. It still decrypts; "
                    + "encrypting again writes the SDK's format.");
            check(Arrays.equals(magic.preview(), new byte[] {'K', 'L', 'E', 'V'}),
                    "Not an AWS Encryption SDK message, and not KMS Lab's older format.");
            set(magic, "KLEV");
            field("Version", Kind.FORMAT, 1, "1.");
            field("Suite", Kind.SUITE, 1, "1 = AES-256-GCM, HKDF-SHA256 content key, key commitment.");
            field("Message ID", Kind.MESSAGE_ID, 32, "Random, unique to this file.");
            Field frame = field("Frame size", Kind.LAYOUT, 4, "Plaintext bytes per frame.");
            set(frame, u32(frame) + " bytes");
            long start = at;
            long rest = 0;
            for (int n; (n = take(skip, 0, skip.length)) > 0; ) {
                rest += n;
            }
            at = start + rest;
            fields.add(new Field(part, "Context, key, header tag and frames", Kind.CONTENT, start, rest, "",
                    new byte[0], "The rest of the older format: encryption context, key ARN, encrypted data key, key "
                    + "commitment, header tag and frames. Not shown field by field."));
        }

        // ---- reading ----

        private Field field(String name, Kind kind, long length, String explanation) throws IOException {
            long start = at;
            byte[] preview = new byte[(int) Math.min(length, PREVIEW)];
            readFully(preview, preview.length);
            skipBytes(length - preview.length);
            Field f = new Field(part, name, kind, start, length, "", preview, explanation);
            fields.add(f);
            return f;
        }

        /** Replaces {@code f} (the last field added) with a copy showing {@code value}. */
        private void set(Field f, String value) {
            int i = fields.lastIndexOf(f);
            fields.set(i, new Field(f.part(), f.name(), f.kind(), f.offset(), f.length(), value, f.preview(),
                    f.explanation()));
        }

        private byte[] lengthPrefixed() throws IOException {
            byte[] length = new byte[2];
            readFully(length, 2);
            byte[] value = new byte[u16(length)];
            readFully(value, value.length);
            return value;
        }

        private void readFully(byte[] target, int length) throws IOException {
            if (take(target, 0, length) < length) {
                throw new EOFException();
            }
        }

        private void skipBytes(long n) throws IOException {
            while (n > 0) {
                int chunk = (int) Math.min(n, skip.length);
                if (take(skip, 0, chunk) < chunk) {
                    throw new EOFException();
                }
                n -= chunk;
            }
        }

        private int take(byte[] target, int offset, int length) throws IOException {
            int n = 0;
            if (pending != null && length > 0) {
                target[offset] = pending[0];
                pending = null;
                n = 1;
            }
            n += in.readNBytes(target, offset + n, length - n);
            at += n;
            return n;
        }

        private void unreadable(String why) {
            long start = at;
            long rest = 0;
            try {
                for (int n; (n = take(skip, 0, skip.length)) > 0; ) {
                    rest += n;
                }
            } catch (IOException e) {
                // keep what was counted
            }
            fields.add(new Field(part, "Unreadable", Kind.UNREADABLE, start, rest, "", new byte[0], why));
        }

        private static CryptoAlgorithm suite(byte version, short id) {
            CryptoAlgorithm suite = CryptoAlgorithm.deserialize(version, id);
            if (suite == null) {
                throw new Unreadable(String.format(Locale.ROOT, "0x%04X is not an algorithm suite of message format "
                        + "version %d.", id & 0xFFFF, version));
            }
            return suite;
        }

        private static void check(boolean ok, String why) {
            if (!ok) {
                throw new Unreadable(why);
            }
        }

        private static String utf8(byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        private static int u16(Field f) {
            return u16(f.preview());
        }

        private static int u16(byte[] b) {
            return (b[0] & 0xFF) << 8 | (b[1] & 0xFF);
        }

        private static long u32(Field f) {
            return u32(f.preview());
        }

        private static long u32(byte[] b) {
            return ((long) (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF))
                    & 0xFFFF_FFFFL;
        }

        private static long u64(Field f) {
            long v = 0;
            for (byte b : f.preview()) {
                v = v << 8 | (b & 0xFF);
            }
            return v;
        }
    }

    /** The bytes stop fitting the format here. */
    private static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }
}
