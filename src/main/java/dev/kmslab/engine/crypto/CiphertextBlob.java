package dev.kmslab.engine.crypto;

import dev.kmslab.engine.error.InvalidCiphertextException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * The self-describing ciphertext blob returned by Encrypt and GenerateDataKey and accepted by Decrypt.
 *
 * <pre>
 * offset      size  field
 * 0           1     format version, 0x01
 * 1           1     n = length of the key id in bytes (1..255)
 * 2           n     key id, UTF-8, in full (a 36-character UUID, never truncated)
 * 2+n         4     backing-key version, big-endian, &gt;= 1 (which version of the key's ring encrypted this)
 * 6+n         12    IV (random per encryption)
 * 18+n        m+16  AES-256-GCM ciphertext (m &gt;= 1 bytes) followed by the 16-byte tag
 * </pre>
 *
 * The additional authenticated data is the header (bytes 0 .. 6+n, i.e. version, key id and backing-key version)
 * followed by {@link BlobAadContextCodec#encode the canonical encryption context}; the IV is authenticated by GCM
 * itself. So any changed header byte, IV, ciphertext or tag, any cut or appended byte, or any other context fails the
 * tag check. Every parse problem is reported as {@link InvalidCiphertextException} with one generic message, so the
 * error reveals nothing about which part was wrong.
 *
 * <p>Keys in a custom key store use the same layout, but the AES-GCM step runs in the token through a
 * {@link TokenCipher}, with the header and the encoded context passed to it as one AAD (GCM authenticates two AAD
 * updates and their concatenation identically).
 */
public final class CiphertextBlob {

    public static final byte FORMAT_VERSION = 1;
    private static final int FIXED_OVERHEAD = 1 + 1 + 4 + AesGcm.IV_LENGTH + AesGcm.TAG_LENGTH;
    private static final String INVALID = "The ciphertext is invalid.";
    private static final byte[] NO_MORE_AAD = new byte[0];

    private final byte[] blob;
    private final String keyId;
    private final int keyVersion;
    private final int headerLength;

    private CiphertextBlob(byte[] blob, String keyId, int keyVersion, int headerLength) {
        this.blob = blob;
        this.keyId = keyId;
        this.keyVersion = keyVersion;
        this.headerLength = headerLength;
    }

    /** AES-GCM run by a token that holds the key; encrypt returns the ciphertext followed by the 16-byte tag. */
    public interface TokenCipher {
        byte[] encrypt(byte[] iv, byte[] plaintext, byte[] aad);

        byte[] decrypt(byte[] iv, byte[] ciphertextAndTag, byte[] aad);
    }

    /** Encrypts {@code plaintext} in a token and returns the complete blob, laid out as {@link #seal} does. */
    public static byte[] seal(String keyId, int keyVersion, TokenCipher cipher, byte[] iv,
                              Map<String, String> context, byte[] plaintext) {
        if (iv.length != AesGcm.IV_LENGTH) {
            throw new IllegalArgumentException("the IV must be " + AesGcm.IV_LENGTH + " bytes");
        }
        byte[] header = header(keyId, keyVersion);
        byte[] sealed = cipher.encrypt(iv, plaintext, concat(header, BlobAadContextCodec.encode(context)));
        if (sealed.length != plaintext.length + AesGcm.TAG_LENGTH) {
            throw new IllegalStateException("the token returned " + sealed.length + " bytes for AES-GCM of "
                    + plaintext.length + " bytes");
        }
        return concat(concat(header, iv), sealed);
    }

    /** Authenticates and decrypts in the token that holds the backing key the header names. */
    public byte[] open(TokenCipher cipher, Map<String, String> context) {
        byte[] header = java.util.Arrays.copyOf(blob, headerLength);
        byte[] iv = java.util.Arrays.copyOfRange(blob, headerLength, headerLength + AesGcm.IV_LENGTH);
        byte[] sealed = java.util.Arrays.copyOfRange(blob, headerLength + AesGcm.IV_LENGTH, blob.length);
        return cipher.decrypt(iv, sealed, concat(header, BlobAadContextCodec.encode(context)));
    }

    private static byte[] header(String keyId, int keyVersion) {
        byte[] idBytes = keyId.getBytes(StandardCharsets.UTF_8);
        if (idBytes.length == 0 || idBytes.length > 255) {
            throw new IllegalArgumentException("key id must be 1..255 UTF-8 bytes");
        }
        byte[] header = new byte[2 + idBytes.length + 4];
        header[0] = FORMAT_VERSION;
        header[1] = (byte) idBytes.length;
        System.arraycopy(idBytes, 0, header, 2, idBytes.length);
        ByteBuffer.wrap(header, 2 + idBytes.length, 4).putInt(keyVersion);
        return header;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Encrypts {@code plaintext} under one backing key and returns the complete blob. */
    public static byte[] seal(String keyId, int keyVersion, AesKeyMaterial key, byte[] iv,
                              Map<String, String> context, byte[] plaintext) {
        byte[] idBytes = keyId.getBytes(StandardCharsets.UTF_8);
        if (idBytes.length == 0 || idBytes.length > 255) {
            throw new IllegalArgumentException("key id must be 1..255 UTF-8 bytes");
        }
        int headerLength = 2 + idBytes.length + 4;
        byte[] out = new byte[headerLength + AesGcm.IV_LENGTH + plaintext.length + AesGcm.TAG_LENGTH];
        out[0] = FORMAT_VERSION;
        out[1] = (byte) idBytes.length;
        System.arraycopy(idBytes, 0, out, 2, idBytes.length);
        putInt(out, 2 + idBytes.length, keyVersion);
        System.arraycopy(iv, 0, out, headerLength, AesGcm.IV_LENGTH);
        byte[] aad = BlobAadContextCodec.aad(out, headerLength, context); // header then context, one piece (read only)
        AesGcm.encrypt(key, out, headerLength, aad, aad.length, NO_MORE_AAD, plaintext, out,
                headerLength + AesGcm.IV_LENGTH);
        return out;
    }

    /** Reads the header only; the ciphertext is not authenticated until {@link #open}. */
    public static CiphertextBlob parse(byte[] blob) {
        if (blob == null || blob.length < FIXED_OVERHEAD + 2 || blob[0] != FORMAT_VERSION) {
            throw new InvalidCiphertextException(INVALID);
        }
        int idLength = blob[1] & 0xff;
        int headerLength = 2 + idLength + 4;
        if (idLength == 0 || blob.length < headerLength + AesGcm.IV_LENGTH + 1 + AesGcm.TAG_LENGTH) {
            throw new InvalidCiphertextException(INVALID);
        }
        String keyId = keyId(blob, idLength);
        int version = getInt(blob, 2 + idLength);
        if (version < 1) {
            throw new InvalidCiphertextException(INVALID);
        }
        return new CiphertextBlob(blob, keyId, version, headerLength);
    }

    private static void putInt(byte[] out, int at, int value) {
        out[at] = (byte) (value >>> 24);
        out[at + 1] = (byte) (value >>> 16);
        out[at + 2] = (byte) (value >>> 8);
        out[at + 3] = (byte) value;
    }

    private static int getInt(byte[] in, int at) {
        return (in[at] & 0xff) << 24 | (in[at + 1] & 0xff) << 16 | (in[at + 2] & 0xff) << 8 | (in[at + 3] & 0xff);
    }

    /** The last key id each thread read from a header, and its bytes (see {@link #keyId}). */
    private static final ThreadLocal<Object[]> LAST_KEY_ID = ThreadLocal.withInitial(() -> new Object[2]);

    /**
     * The key id at offset 2. A thread usually reads the same key id again and again, so the last one is kept with its
     * exact bytes and given back when the bytes are equal: the same String, whose hash the key lookup has already
     * computed, instead of a new one to decode and hash.
     */
    private static String keyId(byte[] blob, int idLength) {
        Object[] last = LAST_KEY_ID.get();
        byte[] lastBytes = (byte[]) last[1];
        if (lastBytes != null && lastBytes.length == idLength
                && Arrays.equals(lastBytes, 0, idLength, blob, 2, 2 + idLength)) {
            return (String) last[0];
        }
        String keyId = decodeStrictUtf8(blob, 2, idLength);
        last[1] = null; // never a half-updated pair
        last[0] = keyId;
        last[1] = Arrays.copyOfRange(blob, 2, 2 + idLength);
        return keyId;
    }

    private static String decodeStrictUtf8(byte[] bytes, int offset, int length) {
        boolean ascii = true;
        for (int i = offset; i < offset + length; i++) {
            ascii &= bytes[i] >= 0;
        }
        if (ascii) {
            return new String(bytes, offset, length, StandardCharsets.US_ASCII); // the usual case: a UUID
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new InvalidCiphertextException(INVALID);
        }
    }

    /** The key id named in the header (unauthenticated until {@link #open} succeeds). */
    public String keyId() {
        return keyId;
    }

    /** The backing-key version named in the header. */
    public int keyVersion() {
        return keyVersion;
    }

    /** Authenticates and decrypts with the backing key the header names; the context must match exactly. */
    public byte[] open(AesKeyMaterial key, Map<String, String> context) {
        int start = headerLength + AesGcm.IV_LENGTH;
        byte[] aad = BlobAadContextCodec.aad(blob, headerLength, context); // read only
        return AesGcm.decrypt(key, blob, headerLength, aad, aad.length, NO_MORE_AAD, blob, start,
                blob.length - start);
    }

    @Override
    public String toString() {
        return "CiphertextBlob[keyId=" + keyId + ", keyVersion=" + keyVersion + ", bytes=" + blob.length + "]";
    }
}
