package dev.kmslab.engine.crypto.pkcs11;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tokens this process is logged in to. A PKCS#11 login belongs to the whole process, not to one provider: a
 * second provider on the same token would see the first one's login (SunPKCS11 then skips checking the PIN) and its
 * logout would end the first one's session. So at most one {@link Pkcs11Token} per token may be connected at a
 * time; the second gets USER_LOGGED_IN, as AWS reports when kmsuser is already logged in. This state is
 * process-wide because the module's login state is.
 */
final class LoggedInTokens {

    private static final Set<String> CLAIMED = ConcurrentHashMap.newKeySet();

    private LoggedInTokens() {
    }

    /** True if the caller now owns the login for {@code key}; false if another connection does. */
    static boolean claim(String key) {
        return CLAIMED.add(key);
    }

    static void release(String key) {
        CLAIMED.remove(key);
    }
}
