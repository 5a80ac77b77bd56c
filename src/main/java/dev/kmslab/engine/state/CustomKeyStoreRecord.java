package dev.kmslab.engine.state;

import dev.kmslab.engine.cks.TokenSettings;
import java.time.Instant;
import java.util.Objects;

/**
 * One AWS_CLOUDHSM-style custom key store: its id ({@code cks-} and 17 hex digits), its unique name, the token that
 * stands in for its CloudHSM cluster, and the KeyStorePassword (the token's user PIN).
 *
 * <p>The password is kept here, and so inside the keystore document, because AWS KMS works the same way: it keeps
 * the kmsuser password from CreateCustomKeyStore and ConnectCustomKeyStore asks for none. The document already holds
 * raw key material and is sealed at rest by {@link dev.kmslab.engine.store.SealedFileStorage}, so the PIN is never
 * written to disk in plaintext; it is never returned by DescribeCustomKeyStores, audited, or printed by
 * {@link #toString()}.
 */
public final class CustomKeyStoreRecord {

    private final String id;
    private final String name;
    private final TokenSettings token;
    private final Instant creationDate;
    private final char[] password;

    public CustomKeyStoreRecord(String id, String name, TokenSettings token, Instant creationDate, char[] password) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
        this.token = Objects.requireNonNull(token, "token");
        this.creationDate = Objects.requireNonNull(creationDate, "creationDate");
        this.password = Objects.requireNonNull(password, "password").clone();
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public TokenSettings token() {
        return token;
    }

    /** The stand-in CloudHSM cluster id, derived from the token settings. */
    public String cloudHsmClusterId() {
        return token.clusterId();
    }

    public Instant creationDate() {
        return creationDate;
    }

    /** A fresh copy of the PIN; the caller zeroes it after the login. */
    public char[] password() {
        return password.clone();
    }

    public CustomKeyStoreRecord withName(String newName) {
        return new CustomKeyStoreRecord(id, newName, token, creationDate, password);
    }

    public CustomKeyStoreRecord withPassword(char[] newPassword) {
        return new CustomKeyStoreRecord(id, name, token, creationDate, newPassword);
    }

    @Override
    public String toString() {
        return "CustomKeyStoreRecord[" + id + ", " + name + ", " + token.describe() + ", password hidden]";
    }
}
