package dev.kmslab.engine.envelope;

import dev.kmslab.engine.error.InvalidCiphertextException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * Client-side envelope encryption of streams of any size, in the style of the AWS Encryption SDK (the same ideas —
 * a data key from GenerateDataKey, a header carrying the encrypted data key and the context, an authenticated framed
 * body — but not its byte format, and not interoperable with it).
 *
 * <h2>Message format (version 1, all integers big-endian)</h2>
 * <pre>
 * Header
 *   magic               4   "KLEV"
 *   version             1   1
 *   suite               1   1 = AES-256-GCM, HKDF-SHA256 content key, key commitment
 *   message id         32   random per message
 *   frame size          4   plaintext bytes per regular frame, 1 .. 16 MiB
 *   encryption context      pair count (2), then per pair: key length (2), key UTF-8, value length (2), value UTF-8;
 *                           pairs sorted by the unsigned bytes of the key, keys unique
 *   key ARN             2 + n   length, UTF-8
 *   encrypted data key  2 + n   length, bytes (the CiphertextBlob from GenerateDataKey)
 *   key commitment     32   HKDF-SHA256(data key, salt = message id, info = "kmslab envelope v1 key commitment")
 *   header tag         16   AES-256-GCM tag over an empty plaintext, IV 0, additional data = every header byte above
 * Frames, repeated (see {@link FrameStream}, {@link FrameCipher})
 *   type 1 (0 regular, 1 final) | sequence 4 (from 1) | length 4 | ciphertext (length) | tag 16
 * </pre>
 * The content key is HKDF-SHA256(data key, salt = message id, info = "kmslab envelope v1 AES-256-GCM content key").
 * Exactly one final frame ends the message; it holds the remainder (empty when the size is a multiple of the frame
 * size). Nothing may follow it.
 *
 * <h2>Failure</h2>
 * Any damage to a message — header, tag, a frame, frame order, a missing or extra frame, a cut or extended stream, or
 * a context the KMS rejects — raises {@link InvalidCiphertextException}. Decryption streams: frames are verified and
 * written one by one, so when it fails (or is cancelled) part of the plaintext may already be in the output. The caller
 * must then discard that output; it is trustworthy only when {@code decrypt} returns normally.
 *
 * <h2>Keys in memory</h2>
 * The plaintext data key and the derived content key are zeroed as soon as the cipher holds its own copy, on success
 * and on every error path. The JDK's {@code SecretKeySpec} copy cannot be zeroed and lives until it is collected.
 */
public final class EnvelopeEncryptor {

    private final DataKeyProvider provider;
    private final SecureRandom random;

    public EnvelopeEncryptor(DataKeyProvider provider, SecureRandom random) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.random = Objects.requireNonNull(random, "random");
    }

    public EnvelopeEncryptor(DataKeyProvider provider) {
        this(provider, new SecureRandom());
    }

    /** Encrypts all of {@code in} to {@code out} under a new data key from {@code keyId}; closes neither stream. */
    public EnvelopeResult encrypt(InputStream in, OutputStream out, String keyId, Map<String, String> context,
            EnvelopeOptions options) throws IOException {
        Map<String, String> encryptionContext = Map.copyOf(context);
        byte[] messageId = new byte[EnvelopeHeader.MESSAGE_ID_BYTES];
        random.nextBytes(messageId);
        FrameCipher cipher;
        EnvelopeHeader header;
        try (GeneratedDataKey dataKey = provider.generateDataKey(keyId, encryptionContext)) {
            requireAes256(dataKey.plaintext());
            cipher = cipherFor(dataKey.plaintext(), messageId);
            header = new EnvelopeHeader(messageId, options.frameSize(), encryptionContext, dataKey.keyArn(),
                    dataKey.ciphertextBlob(), EnvelopeKeys.commitment(dataKey.plaintext(), messageId));
        }
        byte[] headerBytes = header.encode();
        out.write(headerBytes);
        out.write(cipher.headerTag(headerBytes));
        FrameStream frames = new FrameStream(cipher, options.frameSize(), options);
        frames.encrypt(in, out);
        return new EnvelopeResult(header.keyArn(), encryptionContext, frames.processed(), frames.frames());
    }

    /**
     * Decrypts a message from {@code in} to {@code out}, asking the provider to decrypt its data key with the context
     * stored in the header. {@code options.frameSize()} is ignored: the header says the frame size.
     */
    public EnvelopeResult decrypt(InputStream in, OutputStream out, EnvelopeOptions options) throws IOException {
        EnvelopeHeader.Parsed parsed = EnvelopeHeader.read(in);
        EnvelopeHeader header = parsed.header();
        byte[] tag = in.readNBytes(EnvelopeHeader.TAG_BYTES);
        if (tag.length < EnvelopeHeader.TAG_BYTES) {
            throw new InvalidCiphertextException("The envelope is truncated inside its header");
        }
        FrameCipher cipher = openDataKey(header);
        if (!cipher.headerTagMatches(parsed.bytes(), tag)) {
            throw new InvalidCiphertextException("The envelope header failed authentication");
        }
        FrameStream frames = new FrameStream(cipher, header.frameSize(), options);
        frames.decrypt(in, out);
        return new EnvelopeResult(header.keyArn(), header.context(), frames.processed(), frames.frames());
    }

    private FrameCipher openDataKey(EnvelopeHeader header) {
        byte[] dataKey = provider.decryptDataKey(header.encryptedDataKey(), header.context());
        try {
            if (dataKey == null || dataKey.length != EnvelopeKeys.KEY_BYTES) {
                throw new InvalidCiphertextException("The envelope's data key is not a 256-bit key");
            }
            byte[] commitment = EnvelopeKeys.commitment(dataKey, header.messageId());
            if (!MessageDigest.isEqual(commitment, header.commitment())) {
                throw new InvalidCiphertextException("The envelope's key commitment does not match its data key");
            }
            return cipherFor(dataKey, header.messageId());
        } finally {
            if (dataKey != null) {
                Arrays.fill(dataKey, (byte) 0);
            }
        }
    }

    private static FrameCipher cipherFor(byte[] dataKey, byte[] messageId) {
        byte[] contentKey = EnvelopeKeys.contentKey(dataKey, messageId);
        try {
            return new FrameCipher(contentKey, messageId);
        } finally {
            Arrays.fill(contentKey, (byte) 0);
        }
    }

    private static void requireAes256(byte[] dataKey) {
        if (dataKey.length != EnvelopeKeys.KEY_BYTES) {
            throw new IllegalStateException("The data key provider returned a " + dataKey.length * 8
                    + "-bit key; envelope encryption needs AES_256");
        }
    }
}
