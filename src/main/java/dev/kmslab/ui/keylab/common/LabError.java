package dev.kmslab.ui.keylab.common;

import dev.kmslab.engine.error.KmsException;
import java.util.Map;

/**
 * An error as the Key Lab shows it: the AWS error name, the service's message and one line on what it means for the
 * learner.
 */
public record LabError(String code, String message, String meaning) {

    private static final Map<String, String> MEANINGS = Map.ofEntries(
            Map.entry("NotFoundException", "No key or alias by that name exists (or it was deleted)."),
            Map.entry("DisabledException", "The key is disabled: enable it again before using it."),
            Map.entry("KMSInvalidStateException",
                    "The key's state does not allow this, for example a key that is pending deletion."),
            Map.entry("InvalidCiphertextException", "The ciphertext was changed, cut, or the encryption context "
                    + "differs from the one used to encrypt: AES-GCM authentication failed."),
            Map.entry("IncorrectKeyException", "The ciphertext was not encrypted under the key you named."),
            Map.entry("AccessDeniedException", "The caller's permissions (key policy, IAM, grants) do not allow it."),
            Map.entry("AlreadyExistsException", "That name is taken: alias names are unique per account and Region."),
            Map.entry("InvalidAliasNameException",
                    "Alias names start with alias/, use letters, digits and /_-, and may not start with alias/aws/."),
            Map.entry("LimitExceededException", "A quota was reached, such as the on-demand rotations of a key."),
            Map.entry("ValidationException", "A parameter is missing, too long or out of range."),
            Map.entry("UnsupportedOperationException", "This key or the lab does not support the operation."),
            Map.entry("TagException", "A tag key or value is invalid (reserved aws: prefix, length or count)."),
            Map.entry("ConflictException", "Another change to this key is still in progress."),
            Map.entry("InvalidKeyUsageException", "The key's usage does not allow this operation."),
            Map.entry("KMSInternalException", "The service failed internally; retrying may help."),
            Map.entry("MalformedPolicyDocumentException", "The policy is not valid JSON, breaks a policy rule, or "
                    + "would lock you out of the key (the lockout safety check)."),
            Map.entry("InvalidGrantIdException", "No grant with that id exists for this key."),
            Map.entry("InvalidArnException", "The principal ARN is malformed."),
            Map.entry("KMSInvalidSignatureException", "The signature does not match this message, key and "
                    + "algorithm: the message or the signature was changed, or another key signed it."),
            Map.entry("KMSInvalidMacException", "The tag does not match this message and HMAC key: the message or "
                    + "the tag was changed, or another key made it."),
            Map.entry("ExpiredImportTokenException", "Import tokens last 24 hours: call GetParametersForImport again "
                    + "and wrap the material with the new public key."),
            Map.entry("InvalidImportTokenException", "The import token does not belong to this key, or was never "
                    + "issued by GetParametersForImport for it."),
            Map.entry("IncorrectKeyMaterialException", "Re-importing needs exactly the material already associated "
                    + "with the key (256 bits); new material goes in with ImportType NEW_KEY_MATERIAL."),
            Map.entry("CustomKeyStoreInvalidStateException", "The custom key store's connection state does not "
                    + "allow this: keys are created only while it is CONNECTED, and it is deleted only while "
                    + "DISCONNECTED."),
            Map.entry("CustomKeyStoreNotFoundException", "No custom key store has that id or name."),
            Map.entry("CustomKeyStoreNameInUseException", "Custom key store names are unique in the account."),
            Map.entry("CustomKeyStoreHasCMKsException", "The store still holds KMS keys: schedule their deletion "
                    + "and wait for it to complete before deleting the store."),
            Map.entry("CloudHsmClusterInUseException", "That token already backs another custom key store."),
            Map.entry("CloudHsmClusterNotFoundException", "No PKCS#11 module library exists at that path."),
            Map.entry("CancellationException", "You cancelled the operation; partial output was discarded."));

    public static LabError of(Throwable error) {
        if (error instanceof KmsException kms) {
            return new LabError(kms.errorCode(), kms.getMessage(),
                    MEANINGS.getOrDefault(kms.errorCode(), "The call was rejected."));
        }
        String code = error.getClass().getSimpleName();
        String message = error.getMessage() == null ? "" : error.getMessage();
        return new LabError(code, message, MEANINGS.getOrDefault(code, "The operation could not be completed."));
    }

    /** One line for inline display: "Code: message". */
    public String headline() {
        return message.isEmpty() ? code : code + ": " + message;
    }
}
