package dev.kmslab.engine.esdk;

import com.amazonaws.encryptionsdk.AwsCrypto;
import com.amazonaws.encryptionsdk.CommitmentPolicy;
import com.amazonaws.encryptionsdk.CryptoAlgorithm;
import com.amazonaws.encryptionsdk.CryptoInputStream;
import com.amazonaws.encryptionsdk.CryptoOutputStream;
import com.amazonaws.encryptionsdk.CryptoResult;
import com.amazonaws.encryptionsdk.exception.AwsCryptoException;
import com.amazonaws.encryptionsdk.exception.BadCiphertextException;
import com.amazonaws.encryptionsdk.model.CiphertextHeaders;
import com.amazonaws.encryptionsdk.model.KeyBlob;
import dev.kmslab.engine.envelope.DataKeyProvider;
import dev.kmslab.engine.envelope.EnvelopeEncryptor;
import dev.kmslab.engine.envelope.EnvelopeOptions;
import dev.kmslab.engine.envelope.EnvelopeResult;
import dev.kmslab.engine.error.InvalidCiphertextException;
import dev.kmslab.engine.error.KmsException;
import java.io.BufferedInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;

/**
 * Encrypts files in the AWS Encryption SDK message format and decrypts them, through the official AWS Encryption SDK
 * for Java with the engine as its KMS ({@link EngineMasterKeyProvider}). Messages use the SDK's default algorithm
 * suite, {@code ALG_AES_256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384} (key commitment, ECDSA P-384 signature footer),
 * under the commitment policy {@code RequireEncryptRequireDecrypt}, and are framed. Files in KMS Lab's older envelope
 * format (magic {@code KLEV}) are recognised by their first bytes and still decrypt.
 *
 * <p>Both directions stream: memory depends on the frame length, never on the file. Decryption releases a frame's
 * plaintext once the frame verifies, but the message as a whole (its signature, its final frame) only when the stream
 * ends: output is trustworthy only when {@link #decrypt} returns normally, and must be discarded otherwise.
 */
public final class MessageCrypto {

    /** The suite every message is written with: the SDK's default, committing and signed. */
    public static final CryptoAlgorithm SUITE = CryptoAlgorithm.ALG_AES_256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384;
    /** Encrypted data keys a message may carry before the SDK refuses it (a bound against hostile headers). */
    public static final int MAX_ENCRYPTED_DATA_KEYS = 10;

    private static final byte[] LEGACY_MAGIC = {'K', 'L', 'E', 'V'};
    private static final int CHUNK = 64 * 1024;

    private final DataKeyProvider kms;
    private final CryptoAlgorithm suite;

    public MessageCrypto(DataKeyProvider kms) {
        this(kms, SUITE);
    }

    /** Writes messages with another committing suite, e.g. the unsigned one the benchmark compares. */
    public MessageCrypto(DataKeyProvider kms, CryptoAlgorithm suite) {
        this.kms = Objects.requireNonNull(kms, "kms");
        if (!suite.isCommitting()) {
            throw new IllegalArgumentException(suite + " does not commit to its key");
        }
        this.suite = suite;
    }

    private AwsCrypto crypto(int frameSize) {
        return AwsCrypto.builder()
                .withCommitmentPolicy(CommitmentPolicy.RequireEncryptRequireDecrypt)
                .withEncryptionAlgorithm(suite)
                .withEncryptionFrameSize(frameSize)
                .withMaxEncryptedDataKeys(MAX_ENCRYPTED_DATA_KEYS)
                .build();
    }

    /** Encrypts all of {@code in} to {@code out} under a data key from {@code keyId}; closes neither stream. */
    public MessageResult encrypt(InputStream in, OutputStream out, String keyId, Map<String, String> context,
            EnvelopeOptions options) throws IOException {
        return encrypt(in, out, List.of(keyId), context, options);
    }

    /**
     * Encrypts all of {@code in} to {@code out}: the first of {@code keyIds} generates the data key, each further one
     * adds an encrypted copy of it (Encrypt), so any one of the keys can decrypt. Closes neither stream.
     */
    public MessageResult encrypt(InputStream in, OutputStream out, List<String> keyIds, Map<String, String> context,
            EnvelopeOptions options) throws IOException {
        if (keyIds.isEmpty()) {
            throw new IllegalArgumentException("Name at least one KMS key to encrypt under");
        }
        EngineMasterKeyProvider provider = EngineMasterKeyProvider.of(kms, keyIds);
        byte[] buffer = new byte[CHUNK];
        long done = 0;
        CryptoOutputStream<EngineMasterKey> encrypting = crypto(options.frameSize())
                .createEncryptingStream(provider, new KeepOpen(out), Map.copyOf(context));
        try {
            if (options.totalBytes() >= 0) {
                encrypting.setMaxInputLength(options.totalBytes());
            }
            // SDK 2.4.1 writes the header on the first write: without one, an empty plaintext would lose it.
            encrypting.write(buffer, 0, 0);
            // Always from offset 0: SDK 2.4.1's FrameEncryptionHandler drops the last `off` bytes of a write at a
            // non-zero offset (aws/aws-encryption-sdk-java#2112, fixed after 2.4.1). 64 KiB writes (the default frame
            // size) measured no slower than 16 KiB, 256 KiB or 1 MiB ones: the SDK copies every write into its frame
            // buffer and allocates each frame's ciphertext and each write's output whatever the chunking. Also measured
            // slower than this (0.51-0.57 of raw framed AES-GCM's CPU time, EnvelopeBenchmarks): the SDK's
            // CryptoInputStream read in 1 MiB chunks (0.48-0.54: it reads its source 4 KiB at a time and allocates
            // per read), and 256 KiB or 1 MiB frames (0.49-0.51, baseline in the same frames): the copies grow with
            // the bytes, not with the number of frames.
            for (int n; (n = readChunk(in, buffer, options, done)) > 0; ) {
                encrypting.write(buffer, 0, n);
                done += n;
                options.progress().onProgress(done, options.totalBytes());
            }
            encrypting.close();
        } catch (AwsCryptoException e) {
            throw translate(e);
        } finally {
            Arrays.fill(buffer, (byte) 0);
        }
        return result(encrypting.getCryptoResult(), done);
    }

    /**
     * Decrypts a message from {@code in} to {@code out}: an AWS Encryption SDK message, or a file in KMS Lab's older
     * envelope format. Every encrypted data key of provider {@code aws-kms} is offered to the engine under the key ARN
     * it names until one opens. {@code options.frameSize()} is ignored: the header says it.
     */
    public MessageResult decrypt(InputStream in, OutputStream out, EnvelopeOptions options) throws IOException {
        BufferedInputStream source = new BufferedInputStream(in, CHUNK);
        if (isLegacy(source)) {
            EnvelopeResult legacy = new EnvelopeEncryptor(kms).decrypt(source, out, options);
            return new MessageResult(MessageFormat.KMS_LAB_ENVELOPE_V1, "KMS Lab v1: AES-256-GCM, HKDF-SHA256, key "
                    + "commitment, no signature", List.of(legacy.keyArn()), legacy.encryptionContext(),
                    legacy.plaintextBytes(), -1);
        }
        MessageEnd tracked = new MessageEnd(source);
        CryptoInputStream<EngineMasterKey> decrypting = crypto(EnvelopeOptions.DEFAULT_FRAME_SIZE)
                .createDecryptingStream(EngineMasterKeyProvider.discovery(kms), tracked);
        byte[] buffer = new byte[CHUNK];
        long done = 0;
        try {
            for (int n; (n = readChunk(decrypting, buffer, options, done)) > 0; ) {
                out.write(buffer, 0, n);
                done += n;
                options.progress().onProgress(done, options.totalBytes());
            }
            if (tracked.trailingData() || tracked.read() != -1) {
                throw trailingData();
            }
            out.flush();
            decrypting.close();
            return result(decrypting.getCryptoResult(), done);
        } catch (AwsCryptoException e) {
            throw tracked.trailingData() ? trailingData() : translate(e);
        } catch (KmsException | CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            // The SDK's header parser lets some damage through as IllegalArgumentException and the like.
            InvalidCiphertextException invalid = new InvalidCiphertextException(
                    "The message is damaged and could not be parsed: " + e);
            invalid.initCause(e);
            throw invalid;
        } finally {
            Arrays.fill(buffer, (byte) 0);
        }
    }

    private static InvalidCiphertextException trailingData() {
        return new InvalidCiphertextException("The message has unexpected data after its end (the signature footer)");
    }

    /** Whether the stream starts with the older format's magic bytes; reads nothing for good. */
    static boolean isLegacy(BufferedInputStream in) throws IOException {
        in.mark(LEGACY_MAGIC.length);
        byte[] start = in.readNBytes(LEGACY_MAGIC.length);
        in.reset();
        return Arrays.equals(start, LEGACY_MAGIC);
    }

    /** Fills {@code buffer} as far as the stream allows (0 at its end), first checking for cancellation. */
    private static int readChunk(InputStream in, byte[] buffer, EnvelopeOptions options, long done)
            throws IOException {
        if (options.cancelled().getAsBoolean()) {
            throw new CancellationException("Cancelled after " + done + " bytes; the output written so far is "
                    + "incomplete and must be discarded");
        }
        return in.readNBytes(buffer, 0, buffer.length);
    }

    private static MessageResult result(CryptoResult<?, ?> crypto, long plaintextBytes) {
        CiphertextHeaders headers = crypto.getHeaders();
        List<String> arns = new ArrayList<>();
        for (KeyBlob blob : headers.getEncryptedKeyBlobs()) {
            arns.add(new String(blob.getProviderInformation(), StandardCharsets.UTF_8));
        }
        return new MessageResult(MessageFormat.AWS_ENCRYPTION_SDK, headers.getCryptoAlgoId().name(), arns,
                crypto.getEncryptionContext(), plaintextBytes, headers.getFrameLength());
    }

    /**
     * The SDK's errors in the engine's terms: a KMS error behind it (AccessDeniedException, a disabled key, a wrong
     * context) surfaces as itself; a damaged or foreign message as InvalidCiphertextException with the SDK's reason.
     */
    static RuntimeException translate(AwsCryptoException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof KmsException kms) {
                return kms;
            }
        }
        if (e instanceof BadCiphertextException) {
            InvalidCiphertextException invalid = new InvalidCiphertextException(
                    "The message failed the AWS Encryption SDK's checks: " + e.getMessage());
            invalid.initCause(e);
            return invalid;
        }
        InvalidCiphertextException invalid = new InvalidCiphertextException(
                "The AWS Encryption SDK could not process the message: " + e.getMessage());
        invalid.initCause(e);
        return invalid;
    }

    /** Lets the SDK close its stream (which writes the final frame and footer) without closing the caller's. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
