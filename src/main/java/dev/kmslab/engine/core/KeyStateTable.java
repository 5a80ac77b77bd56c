package dev.kmslab.engine.core;

import dev.kmslab.engine.KmsOperation;
import dev.kmslab.engine.error.DisabledException;
import dev.kmslab.engine.error.KMSInvalidStateException;
import dev.kmslab.engine.error.KmsException;
import dev.kmslab.engine.model.KeyState;
import java.util.EnumMap;
import java.util.Map;

/**
 * The AWS key-state table ("Key states of AWS KMS keys") as data: for each key-scoped operation and key state,
 * whether the call proceeds or which error it gets. Cryptographic operations need an Enabled key (Disabled gives
 * DisabledException, PendingDeletion KMSInvalidStateException); management calls mostly work on Disabled keys but not
 * on keys pending deletion; CancelKeyDeletion works only on keys pending deletion; DescribeKey, listings, DeleteAlias,
 * the key policy calls and RetireGrant/RevokeGrant work in every state; CreateGrant needs a usable key.
 *
 * <p>PendingReplicaDeletion (a multi-Region primary scheduled for deletion while replicas remain) follows the
 * PendingDeletion column: the ScheduleKeyDeletion reference says such a key can neither be replicated nor used for
 * cryptography, and its deletion can be cancelled. ReplicateKey needs an enabled primary (DisabledException
 * otherwise, one of its documented errors); UpdatePrimaryRegion needs both keys Enabled (developer guide,
 * multi-region-update). The transient states Creating and Updating cannot
 * arise in KMS Lab, whose replication and primary updates complete at once; they allow read-only calls and refuse
 * the rest.
 */
public final class KeyStateTable {

    /** What the table says for one cell. */
    public enum Verdict {
        ALLOWED, DISABLED, PENDING_DELETION, NOT_PENDING_DELETION, PENDING_IMPORT, UNAVAILABLE, INVALID_STATE,
        PENDING_REPLICA_DELETION;

        /** The exception this verdict raises for the key, or null when the call is allowed. */
        public KmsException toException(String keyArn, KeyState state) {
            switch (this) {
                case ALLOWED:
                    return null;
                case DISABLED:
                    return new DisabledException(keyArn + " is disabled.");
                case PENDING_DELETION:
                    return new KMSInvalidStateException(keyArn + " is pending deletion.");
                case NOT_PENDING_DELETION:
                    return new KMSInvalidStateException(keyArn + " is not pending deletion.");
                case PENDING_IMPORT:
                    return new KMSInvalidStateException(keyArn + " is pending import.");
                case UNAVAILABLE:
                    return new KMSInvalidStateException(keyArn + " is unavailable.");
                case PENDING_REPLICA_DELETION:
                    return new KMSInvalidStateException(keyArn + " is pending replica deletion.");
                default:
                    return new KMSInvalidStateException(keyArn + " is in state " + state + ".");
            }
        }
    }

    private static final Map<KmsOperation, Map<KeyState, Verdict>> TABLE = new EnumMap<>(KmsOperation.class);

    // Columns: Enabled, Disabled, PendingDeletion, PendingImport, Unavailable.
    private static final Verdict A = Verdict.ALLOWED;
    private static final Verdict[] READ = {A, A, A, A, A};
    private static final Verdict[] MANAGE = {A, A, Verdict.PENDING_DELETION, A, A};
    private static final Verdict[] ENABLE_DISABLE = {A, A, Verdict.PENDING_DELETION, Verdict.PENDING_IMPORT, A};
    private static final Verdict[] CANCEL = {Verdict.NOT_PENDING_DELETION, Verdict.NOT_PENDING_DELETION, A,
            Verdict.NOT_PENDING_DELETION, Verdict.NOT_PENDING_DELETION};
    private static final Verdict[] DELETE_MATERIAL = {A, A, A, A, A};
    private static final Verdict[] USE = {A, Verdict.DISABLED, Verdict.PENDING_DELETION, Verdict.PENDING_IMPORT,
            Verdict.UNAVAILABLE};
    // A primary with imported material may be replicated before its material arrives; the replica waits for its own.
    private static final Verdict[] REPLICATE = {A, Verdict.DISABLED, Verdict.PENDING_DELETION, A, Verdict.UNAVAILABLE};

    static {
        row(KmsOperation.DescribeKey, READ);
        row(KmsOperation.ListResourceTags, READ);
        row(KmsOperation.GetKeyRotationStatus, READ);
        row(KmsOperation.ListKeyRotations, READ);
        row(KmsOperation.DeleteAlias, READ);
        row(KmsOperation.GetKeyPolicy, READ);
        row(KmsOperation.ListKeyPolicies, READ);
        row(KmsOperation.PutKeyPolicy, READ);
        row(KmsOperation.ListGrants, READ);
        row(KmsOperation.RetireGrant, READ);
        row(KmsOperation.RevokeGrant, READ);
        row(KmsOperation.ListAliases, READ);
        row(KmsOperation.UpdateKeyDescription, MANAGE);
        row(KmsOperation.TagResource, MANAGE);
        row(KmsOperation.UntagResource, MANAGE);
        row(KmsOperation.CreateAlias, MANAGE);
        row(KmsOperation.UpdateAlias, MANAGE);
        row(KmsOperation.ScheduleKeyDeletion, MANAGE);
        row(KmsOperation.EnableKey, ENABLE_DISABLE);
        row(KmsOperation.DisableKey, ENABLE_DISABLE);
        row(KmsOperation.CancelKeyDeletion, CANCEL);
        row(KmsOperation.Encrypt, USE);
        row(KmsOperation.Decrypt, USE);
        row(KmsOperation.ReEncrypt, USE);
        row(KmsOperation.GenerateDataKey, USE);
        row(KmsOperation.GenerateDataKeyWithoutPlaintext, USE);
        row(KmsOperation.EnableKeyRotation, USE);
        row(KmsOperation.DisableKeyRotation, USE);
        row(KmsOperation.RotateKeyOnDemand, USE);
        row(KmsOperation.CreateGrant, USE);
        row(KmsOperation.Sign, USE);
        row(KmsOperation.Verify, USE);
        row(KmsOperation.GetPublicKey, USE);
        row(KmsOperation.GenerateMac, USE);
        row(KmsOperation.VerifyMac, USE);
        row(KmsOperation.DeriveSharedSecret, USE);
        row(KmsOperation.GenerateDataKeyPair, USE);
        row(KmsOperation.GenerateDataKeyPairWithoutPlaintext, USE);
        // Importing (or re-importing) material is a management call: any state but PendingDeletion. Deleting
        // imported material works in every state; a key pending deletion stays so (AWS's key-state table).
        row(KmsOperation.GetParametersForImport, MANAGE);
        row(KmsOperation.ImportKeyMaterial, MANAGE);
        row(KmsOperation.DeleteImportedKeyMaterial, DELETE_MATERIAL);
        row(KmsOperation.ReplicateKey, REPLICATE);
        row(KmsOperation.UpdatePrimaryRegion, USE);
    }

    private KeyStateTable() {
    }

    private static void row(KmsOperation op, Verdict[] cells) {
        Map<KeyState, Verdict> row = new EnumMap<>(KeyState.class);
        row.put(KeyState.Enabled, cells[0]);
        row.put(KeyState.Disabled, cells[1]);
        row.put(KeyState.PendingDeletion, cells[2]);
        row.put(KeyState.PendingImport, cells[3]);
        row.put(KeyState.Unavailable, cells[4]);
        row.put(KeyState.PendingReplicaDeletion,
                cells[2] == Verdict.PENDING_DELETION ? Verdict.PENDING_REPLICA_DELETION : cells[2]);
        Verdict transientState = cells == READ ? A : Verdict.INVALID_STATE;
        row.put(KeyState.Creating, transientState);
        row.put(KeyState.Updating, transientState);
        TABLE.put(op, row);
    }

    /** The verdict for one cell; operations that do not act on a key are always allowed. */
    public static Verdict verdict(KmsOperation op, KeyState state) {
        Map<KeyState, Verdict> row = TABLE.get(op);
        return row == null ? Verdict.ALLOWED : row.get(state);
    }

    /** Throws the AWS error for this cell, if any. */
    public static void check(KmsOperation op, KeyState state, String keyArn) {
        KmsException refusal = verdict(op, state).toException(keyArn, state);
        if (refusal != null) {
            throw refusal;
        }
    }
}
