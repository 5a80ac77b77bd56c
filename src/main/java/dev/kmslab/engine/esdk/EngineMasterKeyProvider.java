package dev.kmslab.engine.esdk;

import com.amazonaws.encryptionsdk.CryptoAlgorithm;
import com.amazonaws.encryptionsdk.DataKey;
import com.amazonaws.encryptionsdk.EncryptedDataKey;
import com.amazonaws.encryptionsdk.MasterKeyProvider;
import com.amazonaws.encryptionsdk.MasterKeyRequest;
import com.amazonaws.encryptionsdk.exception.NoSuchMasterKeyException;
import com.amazonaws.encryptionsdk.exception.UnsupportedProviderException;
import dev.kmslab.engine.envelope.DataKeyProvider;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The engine's KMS keys as an AWS Encryption SDK master key provider. For encryption it names the keys of the message:
 * the first generates the data key (GenerateDataKey), each further one encrypts it again (Encrypt), so the message
 * carries one encrypted data key per key. For decryption it works like the SDK's KMS provider in discovery mode: every
 * encrypted data key of provider {@code aws-kms} is offered to KMS under the key ARN it names, until one opens — or,
 * when built {@link #strict strict}, only those whose ARN is in its list.
 */
public final class EngineMasterKeyProvider extends MasterKeyProvider<EngineMasterKey> {

    private final DataKeyProvider kms;
    private final List<String> keyIds;
    private final boolean discovery;

    private EngineMasterKeyProvider(DataKeyProvider kms, List<String> keyIds, boolean discovery) {
        this.kms = Objects.requireNonNull(kms, "kms");
        this.keyIds = List.copyOf(keyIds);
        this.discovery = discovery;
    }

    /**
     * Encrypts under {@code keyIds} (the first generates the data key) and decrypts any {@code aws-kms} encrypted data
     * key the engine can open.
     */
    public static EngineMasterKeyProvider of(DataKeyProvider kms, List<String> keyIds) {
        return new EngineMasterKeyProvider(kms, keyIds, true);
    }

    /** Decrypts any {@code aws-kms} encrypted data key the engine can open; cannot encrypt. */
    public static EngineMasterKeyProvider discovery(DataKeyProvider kms) {
        return new EngineMasterKeyProvider(kms, List.of(), true);
    }

    /** Encrypts under, and decrypts only with, the listed key ARNs. */
    public static EngineMasterKeyProvider strict(DataKeyProvider kms, List<String> keyArns) {
        return new EngineMasterKeyProvider(kms, keyArns, false);
    }

    @Override
    public String getDefaultProviderId() {
        return EngineMasterKey.PROVIDER_ID;
    }

    @Override
    public EngineMasterKey getMasterKey(String provider, String keyId) {
        if (!EngineMasterKey.PROVIDER_ID.equals(provider)) {
            throw new UnsupportedProviderException("Provider " + provider + " is not " + EngineMasterKey.PROVIDER_ID);
        }
        if (!discovery && !keyIds.contains(keyId)) {
            throw new NoSuchMasterKeyException("Key " + keyId + " is not one of this provider's keys");
        }
        return new EngineMasterKey(kms, keyId);
    }

    @Override
    public List<EngineMasterKey> getMasterKeysForEncryption(MasterKeyRequest request) {
        if (keyIds.isEmpty()) {
            throw new IllegalStateException("No KMS key was named to encrypt under");
        }
        List<EngineMasterKey> keys = new ArrayList<>();
        for (String keyId : keyIds) {
            keys.add(new EngineMasterKey(kms, keyId));
        }
        return keys;
    }

    @Override
    public DataKey<EngineMasterKey> decryptDataKey(CryptoAlgorithm algorithm,
            Collection<? extends EncryptedDataKey> encryptedDataKeys, Map<String, String> context) {
        List<Exception> failures = new ArrayList<>();
        for (EncryptedDataKey edk : encryptedDataKeys) {
            if (!EngineMasterKey.PROVIDER_ID.equals(edk.getProviderId())) {
                continue;
            }
            String keyArn = new String(edk.getProviderInformation(), StandardCharsets.UTF_8);
            if (discovery ? !keyArn.startsWith("arn:") : !keyIds.contains(keyArn)) {
                continue;
            }
            try {
                return new EngineMasterKey(kms, keyArn).decryptDataKey(algorithm, List.of(edk), context);
            } catch (RuntimeException e) {
                failures.add(e.getCause() instanceof Exception cause ? cause : e);
            }
        }
        if (failures.isEmpty()) {
            throw new NoSuchMasterKeyException("The message has no encrypted data key of provider "
                    + EngineMasterKey.PROVIDER_ID + (discovery ? " with a key ARN" : " under " + keyIds));
        }
        throw EngineMasterKey.cannotDecrypt(failures);
    }
}
