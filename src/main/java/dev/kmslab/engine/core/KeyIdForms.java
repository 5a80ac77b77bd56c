package dev.kmslab.engine.core;

/** Which identifier forms a KeyId parameter accepts, as each AWS operation documents. */
public enum KeyIdForms {
    /** Key id or key ARN only (EnableKey, DisableKey, ScheduleKeyDeletion, rotation calls, tags, ...). */
    KEY_ONLY,
    /** Key id, key ARN, alias name or alias ARN (DescribeKey, Encrypt, Decrypt, GenerateDataKey*, ReEncrypt). */
    KEY_OR_ALIAS
}
