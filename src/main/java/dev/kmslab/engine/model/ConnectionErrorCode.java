package dev.kmslab.engine.model;

import java.util.Map;

/**
 * The AWS {@code ConnectionErrorCode} values that have a PKCS#11 counterpart. AWS defines more (subnet, cluster HSM
 * count and XKS proxy codes); they describe AWS infrastructure a local token does not have, so they are left out.
 *
 * <p>Mapping from PKCS#11 return values ({@code CKR_*}) and local failures:
 * <ul>
 *   <li>{@link #INVALID_CREDENTIALS}: CKR_PIN_INCORRECT, CKR_PIN_INVALID, CKR_PIN_LEN_RANGE, CKR_PIN_EXPIRED,
 *       or no PIN available (variable unset, prompt cancelled) — AWS: KMS has the wrong kmsuser password.</li>
 *   <li>{@link #USER_LOCKED_OUT}: CKR_PIN_LOCKED — AWS: kmsuser locked out after failed password attempts.</li>
 *   <li>{@link #USER_NOT_FOUND}: CKR_USER_PIN_NOT_INITIALIZED (the token has no normal user yet) — AWS: no
 *       kmsuser.</li>
 *   <li>{@link #USER_LOGGED_IN}: CKR_USER_ALREADY_LOGGED_IN, CKR_USER_ANOTHER_ALREADY_LOGGED_IN, or another
 *       connection in this process is logged in to the same token — AWS: kmsuser is logged in to the cluster.</li>
 *   <li>{@link #CLUSTER_NOT_FOUND}: module library missing, CKR_SLOT_ID_INVALID, CKR_TOKEN_NOT_PRESENT,
 *       CKR_TOKEN_NOT_RECOGNIZED, slot list index out of range, no token with the label — AWS: cluster not
 *       found.</li>
 *   <li>{@link #NETWORK_ERRORS}: CKR_DEVICE_ERROR, CKR_DEVICE_REMOVED — the device cannot be reached.</li>
 *   <li>{@link #INTERNAL_ERROR}: anything else.</li>
 * </ul>
 */
public enum ConnectionErrorCode {
    INVALID_CREDENTIALS,
    USER_LOCKED_OUT,
    USER_NOT_FOUND,
    USER_LOGGED_IN,
    CLUSTER_NOT_FOUND,
    NETWORK_ERRORS,
    INTERNAL_ERROR;

    private static final Map<String, ConnectionErrorCode> BY_CKR = Map.ofEntries(
            Map.entry("CKR_PIN_INCORRECT", INVALID_CREDENTIALS),
            Map.entry("CKR_PIN_INVALID", INVALID_CREDENTIALS),
            Map.entry("CKR_PIN_LEN_RANGE", INVALID_CREDENTIALS),
            Map.entry("CKR_PIN_EXPIRED", INVALID_CREDENTIALS),
            Map.entry("CKR_PIN_LOCKED", USER_LOCKED_OUT),
            Map.entry("CKR_USER_PIN_NOT_INITIALIZED", USER_NOT_FOUND),
            Map.entry("CKR_USER_ALREADY_LOGGED_IN", USER_LOGGED_IN),
            Map.entry("CKR_USER_ANOTHER_ALREADY_LOGGED_IN", USER_LOGGED_IN),
            Map.entry("CKR_SLOT_ID_INVALID", CLUSTER_NOT_FOUND),
            Map.entry("CKR_TOKEN_NOT_PRESENT", CLUSTER_NOT_FOUND),
            Map.entry("CKR_TOKEN_NOT_RECOGNIZED", CLUSTER_NOT_FOUND),
            Map.entry("CKR_DEVICE_ERROR", NETWORK_ERRORS),
            Map.entry("CKR_DEVICE_REMOVED", NETWORK_ERRORS));

    /** The code for a PKCS#11 return value name such as {@code CKR_PIN_INCORRECT}; INTERNAL_ERROR if unknown. */
    public static ConnectionErrorCode forReturnValue(String ckrName) {
        return BY_CKR.getOrDefault(ckrName, INTERNAL_ERROR);
    }
}
