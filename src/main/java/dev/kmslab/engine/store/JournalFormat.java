package dev.kmslab.engine.store;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The bytes of a keystore journal (format version 2; the storage is {@link JournalFileStorage}). All integers are
 * big-endian.
 *
 * <h2>Header</h2>
 * <pre>
 *   magic      8   "KMSLAB-J"
 *   version    4   2
 *   kdf type   1 + n   length, then ASCII "key-file" or "argon2id"
 *   (argon2id) 4 + 4 + 4 + 1 + n   memoryKiB, iterations, parallelism, salt length, salt
 *   keyCheck   32  HMAC-SHA256(checkKey, "kmslab keystore v1 key check"), as in the single-file format
 *   journalId  16  random, new for every file written (creation, compaction)
 *   crc        4   CRC32C of everything before it
 * </pre>
 * The CRC is not a security control: it separates accidental damage to the header ("corrupt") from a wrong key or
 * passphrase ("locked"), which would otherwise look alike. The header is authenticated through the records' AAD.
 *
 * <h2>Records</h2>
 * Record 0 is the snapshot (every entity); records 1, 2, ... are changes, one per committed engine mutation.
 * <pre>
 *   length     4   n, the byte count of the body (28 .. 64 MiB)
 *   lengthCrc  4   CRC32C of the four length bytes: a damaged length is "corrupt", never mistaken for a torn tail
 *   body       n   nonce (12 random bytes) || AES-256-GCM(journalKey, nonce, aad, plaintext) || tag (16)
 *   aad            SHA-256(header) || record number (8) || tag of the previous record (16; zeros for record 0)
 * </pre>
 * Chaining each record to its number and to the previous record's tag is what makes a dropped, reordered, replayed
 * or spliced-in record fail authentication at the first place it differs, not only a modified one.
 *
 * <h2>Plaintext</h2>
 * <pre>
 *   kind       1   'S' (record 0, the snapshot) or 'C' (a change)
 *   count      4
 *   entries        op (1: 'P' put, 'D' delete), name length (2), name (UTF-8),
 *                  and for a put: value length (4), value (UTF-8 JSON, see {@link StateEntities})
 * </pre>
 */
final class JournalFormat {

    static final byte[] MAGIC = "KMSLAB-J".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 2;
    static final int JOURNAL_ID_BYTES = 16;
    static final int NONCE_BYTES = 12;
    static final int TAG_BYTES = 16;
    static final int FRAME_BYTES = 8;
    static final int MIN_BODY = NONCE_BYTES + TAG_BYTES;
    static final int MAX_BODY = 64 << 20;
    static final byte SNAPSHOT = 'S';
    static final byte CHANGE = 'C';

    private JournalFormat() {
    }

    /** Why bytes could not be read; the message says where (record number and byte offset) and never quotes them. */
    static final class Damage extends Exception {
        Damage(String message) {
            super(message);
        }
    }

    /** A parsed header: {@code bytes} is its exact encoding and {@code hash} its SHA-256, part of every record's AAD. */
    record Header(KdfHeader kdf, byte[] keyCheck, byte[] journalId, byte[] bytes, byte[] hash) {

        static Header create(KdfHeader kdf, byte[] keyCheck, byte[] journalId) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(buffer)) {
                out.write(MAGIC);
                out.writeInt(VERSION);
                byte[] type = kdf.type().getBytes(StandardCharsets.US_ASCII);
                out.writeByte(type.length);
                out.write(type);
                if (kdf instanceof KdfHeader.Argon2id argon) {
                    out.writeInt(argon.parameters().memoryKiB());
                    out.writeInt(argon.parameters().iterations());
                    out.writeInt(argon.parameters().parallelism());
                    byte[] salt = argon.salt();
                    out.writeByte(salt.length);
                    out.write(salt);
                }
                out.write(keyCheck);
                out.write(journalId);
                out.writeInt(crc(buffer.toByteArray(), 0, buffer.size()));
            } catch (IOException e) {
                throw new IllegalStateException("in-memory stream failed", e);
            }
            byte[] bytes = buffer.toByteArray();
            return new Header(kdf, keyCheck.clone(), journalId.clone(), bytes, sha256(bytes));
        }

        /** Reads the header at the start of {@code file}. */
        static Header parse(byte[] file) throws Damage {
            ByteBuffer in = ByteBuffer.wrap(file);
            try {
                byte[] magic = new byte[MAGIC.length];
                in.get(magic);
                if (!Arrays.equals(magic, MAGIC)) {
                    throw new Damage("it does not start with the keystore journal marker (byte offset 0)");
                }
                int version = in.getInt();
                if (version != VERSION) {
                    throw new Damage("its format version " + version + " is not supported (expected " + VERSION
                            + ", byte offset 8)");
                }
                byte[] type = new byte[in.get() & 0xff];
                in.get(type);
                String kdfType = new String(type, StandardCharsets.US_ASCII);
                KdfHeader kdf;
                if (KdfHeader.KeyFile.TYPE.equals(kdfType)) {
                    kdf = new KdfHeader.KeyFile();
                } else if (KdfHeader.Argon2id.TYPE.equals(kdfType)) {
                    int memory = in.getInt();
                    int iterations = in.getInt();
                    int parallelism = in.getInt();
                    byte[] salt = new byte[in.get() & 0xff];
                    in.get(salt);
                    kdf = argon2(memory, iterations, parallelism, salt);
                } else {
                    throw new Damage("its header names an unknown key derivation (byte offset 13)");
                }
                byte[] keyCheck = new byte[SealingKeys.CHECK_BYTES];
                in.get(keyCheck);
                byte[] journalId = new byte[JOURNAL_ID_BYTES];
                in.get(journalId);
                int end = in.position();
                int crc = in.getInt();
                if (crc != crc(file, 0, end)) {
                    throw new Damage("its header checksum does not match (header bytes 0 to " + (end + 4)
                            + " were damaged or edited)");
                }
                byte[] bytes = Arrays.copyOf(file, end + 4);
                return new Header(kdf, keyCheck, journalId, bytes, sha256(bytes));
            } catch (BufferUnderflowException e) {
                throw new Damage("it ends inside its header (" + file.length + " bytes)");
            }
        }

        private static KdfHeader argon2(int memory, int iterations, int parallelism, byte[] salt) throws Damage {
            try {
                return new KdfHeader.Argon2id(new Argon2Parameters(memory, iterations, parallelism), salt);
            } catch (IllegalArgumentException e) {
                throw new Damage("its header's key derivation parameters are out of range (" + e.getMessage() + ")");
            }
        }

        int length() {
            return bytes.length;
        }
    }

    /** A record's plaintext: its kind and entries. */
    static byte[] plaintext(byte kind, List<StateEntities.Change> changes) {
        int size = 5;
        List<byte[]> names = new ArrayList<>(changes.size());
        for (StateEntities.Change c : changes) {
            byte[] name = c.name().getBytes(StandardCharsets.UTF_8);
            if (name.length > 0xffff) {
                throw new IllegalArgumentException("an entity name is longer than 65535 bytes");
            }
            names.add(name);
            size += 3 + name.length + (c.removal() ? 0 : 4 + c.value().length);
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(kind).putInt(changes.size());
        for (int i = 0; i < changes.size(); i++) {
            StateEntities.Change c = changes.get(i);
            out.put(c.removal() ? (byte) 'D' : (byte) 'P').putShort((short) names.get(i).length).put(names.get(i));
            if (!c.removal()) {
                out.putInt(c.value().length).put(c.value());
            }
        }
        return out.array();
    }

    /** The entries of a record's plaintext, which must be of {@code kind}; {@code where} names the record in errors. */
    static List<StateEntities.Change> entries(byte[] plaintext, byte kind, String where) throws Damage {
        ByteBuffer in = ByteBuffer.wrap(plaintext);
        try {
            byte actual = in.get();
            if (actual != kind) {
                throw new Damage(where + " is a " + (actual == SNAPSHOT ? "snapshot" : "change") + " record where a "
                        + (kind == SNAPSHOT ? "snapshot" : "change") + " record belongs");
            }
            int count = in.getInt();
            List<StateEntities.Change> out = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                byte op = in.get();
                byte[] name = new byte[in.getShort() & 0xffff];
                in.get(name);
                String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(name)).toString();
                if (op == 'P') {
                    byte[] value = new byte[in.getInt()];
                    in.get(value);
                    out.add(new StateEntities.Change(text, value));
                } else if (op == 'D') {
                    out.add(new StateEntities.Change(text, null));
                } else {
                    throw new Damage(where + " holds an unknown operation");
                }
            }
            if (in.hasRemaining()) {
                throw new Damage(where + " has bytes after its last entry");
            }
            return out;
        } catch (BufferUnderflowException | NegativeArraySizeException | CharacterCodingException e) {
            throw new Damage(where + " has a malformed body");
        }
    }

    /** The AES-GCM additional data of record {@code number}. */
    static byte[] aad(Header header, long number, byte[] previousTag) {
        return ByteBuffer.allocate(32 + 8 + TAG_BYTES).put(header.hash()).putLong(number).put(previousTag).array();
    }

    /** The framed record (length, length CRC, nonce, ciphertext and tag). */
    static byte[] seal(SecretKeySpec key, byte[] nonce, byte[] aad, byte[] plaintext) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
            cipher.updateAAD(aad);
            int bodyLength = NONCE_BYTES + cipher.getOutputSize(plaintext.length);
            byte[] record = new byte[FRAME_BYTES + bodyLength];
            ByteBuffer.wrap(record).putInt(bodyLength).putInt(crc(record, 0, 4));
            System.arraycopy(nonce, 0, record, FRAME_BYTES, NONCE_BYTES);
            cipher.doFinal(plaintext, 0, plaintext.length, record, FRAME_BYTES + NONCE_BYTES);
            return record;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** The plaintext of a record body, or null when it does not authenticate with this AAD. */
    static byte[] open(SecretKeySpec key, byte[] file, int bodyOffset, int bodyLength, byte[] aad) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, file, bodyOffset,
                    NONCE_BYTES));
            cipher.updateAAD(aad);
            return cipher.doFinal(file, bodyOffset + NONCE_BYTES, bodyLength - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    static int crc(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
