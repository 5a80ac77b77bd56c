package dev.kmslab.engine.esdk;

import com.amazonaws.encryptionsdk.CryptoAlgorithm;
import com.amazonaws.encryptionsdk.DataKey;
import com.amazonaws.encryptionsdk.EncryptedDataKey;
import com.amazonaws.encryptionsdk.MasterKey;
import com.amazonaws.encryptionsdk.exception.AwsCryptoException;
import dev.kmslab.engine.envelope.DataKeyProvider;
import dev.kmslab.engine.envelope.GeneratedDataKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.spec.SecretKeySpec;

/**
 * One KMS key as an AWS Encryption SDK master key, backed by the engine: GenerateDataKey for the first key of a
 * message, Encrypt for each further key, Decrypt (with this key's ARN as KeyId) to open an encrypted data key. Each
 * encrypted data key it writes carries the provider id {@code aws-kms} and, as provider information, the ARN of the
 * KMS key that KMS returned — exactly what the SDK's own KMS master key (and the KMS keyring of the other SDKs) write,
 * so a message made here decrypts with the real SDK pointed at the local endpoint, and the other way round.
 */
public final class EngineMasterKey extends MasterKey<EngineMasterKey> {

    /** The provider id of KMS keys in the AWS Encryption SDK. */
    public static final String PROVIDER_ID = "aws-kms";

    private final DataKeyProvider kms;
    private final String keyId;

    /** @param keyId key id, key ARN, alias name or alias ARN; for decryption it must be the key ARN */
    EngineMasterKey(DataKeyProvider kms, String keyId) {
        this.kms = Objects.requireNonNull(kms, "kms");
        this.keyId = Objects.requireNonNull(keyId, "keyId");
    }

    @Override
    public String getProviderId() {
        return PROVIDER_ID;
    }

    @Override
    public String getKeyId() {
        return keyId;
    }

    @Override
    public DataKey<EngineMasterKey> generateDataKey(CryptoAlgorithm algorithm, Map<String, String> context) {
        try (GeneratedDataKey generated = kms.generateDataKey(keyId, context)) {
            return dataKey(algorithm, generated.plaintext(), generated);
        }
    }

    @Override
    public DataKey<EngineMasterKey> encryptDataKey(CryptoAlgorithm algorithm, Map<String, String> context,
            DataKey<?> dataKey) {
        byte[] plaintext = dataKey.getKey().getEncoded();
        try (GeneratedDataKey encrypted = kms.encryptDataKey(keyId, plaintext, context)) {
            return dataKey(algorithm, plaintext, encrypted);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private DataKey<EngineMasterKey> dataKey(CryptoAlgorithm algorithm, byte[] plaintext, GeneratedDataKey from) {
        if (plaintext.length != algorithm.getDataKeyLength()) {
            throw new IllegalStateException("KMS returned a " + plaintext.length * 8 + "-bit data key; the algorithm "
                    + "suite needs " + algorithm.getDataKeyLength() * 8 + " bits");
        }
        return new DataKey<>(new SecretKeySpec(plaintext, algorithm.getDataKeyAlgo()), from.ciphertextBlob(),
                from.keyArn().getBytes(StandardCharsets.UTF_8), this);
    }

    /**
     * Tries each encrypted data key of provider {@code aws-kms} whose provider information is this key's ARN, with
     * Decrypt naming this key; the first that opens wins.
     */
    @Override
    public DataKey<EngineMasterKey> decryptDataKey(CryptoAlgorithm algorithm,
            Collection<? extends EncryptedDataKey> encryptedDataKeys, Map<String, String> context) {
        List<Exception> failures = new ArrayList<>();
        for (EncryptedDataKey edk : encryptedDataKeys) {
            if (!PROVIDER_ID.equals(edk.getProviderId())
                    || !keyId.equals(new String(edk.getProviderInformation(), StandardCharsets.UTF_8))) {
                continue;
            }
            byte[] plaintext = null;
            try {
                plaintext = kms.decryptDataKey(edk.getEncryptedDataKey(), context, keyId);
                if (plaintext.length != algorithm.getDataKeyLength()) {
                    throw new IllegalStateException("KMS returned a " + plaintext.length * 8 + "-bit data key");
                }
                return new DataKey<>(new SecretKeySpec(plaintext, algorithm.getDataKeyAlgo()),
                        edk.getEncryptedDataKey(), edk.getProviderInformation(), this);
            } catch (RuntimeException e) {
                failures.add(e);
            } finally {
                if (plaintext != null) {
                    Arrays.fill(plaintext, (byte) 0);
                }
            }
        }
        throw failures.isEmpty() ? buildCannotDecryptDksException() : cannotDecrypt(failures);
    }

    /** The SDK's exception with the first KMS failure (e.g. AccessDeniedException) as its cause, so callers see why. */
    static AwsCryptoException cannotDecrypt(List<? extends Exception> failures) {
        AwsCryptoException e = new AwsCryptoException("Unable to decrypt any data key: "
                + failures.get(0).getMessage(), failures.get(0));
        failures.stream().skip(1).forEach(e::addSuppressed);
        return e;
    }
}
