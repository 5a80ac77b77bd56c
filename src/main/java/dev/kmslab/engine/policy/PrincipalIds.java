package dev.kmslab.engine.policy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The unique ids AWS gives principals, as the value of {@code aws:userid} and GetCallerIdentity's UserId: the
 * account id for a root user, {@code AIDA…} for a user, {@code AROA…} for a role, {@code <role id>:<session name>}
 * for a role session.
 *
 * <p>AWS draws these ids at random when the user or role is created, so a role deleted and created again gets a new
 * one. The lab derives them from the ARN instead (the first 80 bits of its SHA-256, in base 32, behind AWS's prefix),
 * so they are stable across restarts without being stored; a re-created role therefore keeps its id here.
 */
public final class PrincipalIds {

    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private PrincipalIds() {
    }

    /** The aws:userid value, or null for service principals and anonymous callers. */
    public static String userId(Principal principal) {
        if (principal instanceof AccountRoot root) {
            return root.accountId();
        }
        if (principal instanceof IamUser user) {
            return derived("AIDA", "user", user.accountId(), user.name());
        }
        if (principal instanceof IamRole role) {
            return roleId(role);
        }
        if (principal instanceof AssumedRoleSession session) {
            return roleId(session.role()) + ":" + session.sessionName();
        }
        return null;
    }

    /** A role's unique id, {@code AROA} and 16 base-32 characters. */
    public static String roleId(IamRole role) {
        return derived("AROA", "role", role.accountId(), role.name());
    }

    private static String derived(String prefix, String type, String account, String name) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest((type + ":" + account + ":" + name)
                    .getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
        StringBuilder id = new StringBuilder(prefix);
        long bits = 0;
        int count = 0;
        for (int i = 0; id.length() < prefix.length() + 16; ) {
            if (count < 5) {
                bits = (bits << 8) | (hash[i++] & 0xFF);
                count += 8;
            }
            count -= 5;
            id.append(BASE32[(int) (bits >>> count) & 31]);
        }
        return id.toString();
    }
}
