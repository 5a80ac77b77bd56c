package dev.kmslab.engine.crypto.pkcs11;

import dev.kmslab.engine.model.ConnectionErrorCode;
import dev.kmslab.engine.model.ConnectionState;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The connection state of a custom key store's token, shared by the real PKCS#11 token and the simulated one so
 * both follow the same rules (AWS ConnectCustomKeyStore / DisconnectCustomKeyStore): connect is a no-op when
 * CONNECTED or CONNECTING and is refused when FAILED or DISCONNECTING (disconnect first); a failed connect leaves
 * FAILED with the error code; disconnect is refused when DISCONNECTED or DISCONNECTING and clears a FAILED state.
 * Operations need CONNECTED. Thread-safe: operations run concurrently; connect and disconnect wait for them.
 *
 * @param <C> the open connection (a PKCS#11 session set, a simulated device)
 */
public final class ConnectionStateMachine<C> {

    /** Opens the connection; throws {@link TokenConnectException} naming why it could not. */
    @FunctionalInterface
    public interface Opener<C> {
        C open();
    }

    private final Supplier<String> describe;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile ConnectionState state = ConnectionState.DISCONNECTED;
    private volatile ConnectionErrorCode errorCode;
    private C connection;

    /** @param describe names the token in messages, e.g. {@code token 'kmslab' in slot 3}; never a PIN */
    public ConnectionStateMachine(Supplier<String> describe) {
        this.describe = describe;
    }

    public ConnectionState state() {
        return state;
    }

    /** Why the last connect failed; present only while {@link #state()} is FAILED. */
    public Optional<ConnectionErrorCode> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /** Connects with {@code opener}, following the rules above (a no-op while connected). */
    public void connect(Opener<C> opener) {
        lock.writeLock().lock();
        try {
            if (state == ConnectionState.CONNECTED || state == ConnectionState.CONNECTING) {
                return;
            }
            if (state == ConnectionState.FAILED || state == ConnectionState.DISCONNECTING) {
                throw new TokenStateException("Cannot connect " + describe.get() + " while it is " + state
                        + "; disconnect it first", state);
            }
            state = ConnectionState.CONNECTING;
            errorCode = null;
            try {
                connection = opener.open();
            } catch (TokenConnectException e) {
                errorCode = e.errorCode();
                state = ConnectionState.FAILED;
                throw e;
            }
            state = ConnectionState.CONNECTED;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Disconnects, handing the open connection (if any) to {@code closer}; also clears a FAILED state. */
    public void disconnect(Consumer<C> closer) {
        lock.writeLock().lock();
        try {
            if (state == ConnectionState.DISCONNECTED || state == ConnectionState.DISCONNECTING) {
                throw new TokenStateException(describe.get() + " is already " + state, state);
            }
            state = ConnectionState.DISCONNECTING;
            C closing = connection;
            connection = null;
            try {
                if (closing != null) {
                    closer.accept(closing);
                }
            } finally {
                errorCode = null;
                state = ConnectionState.DISCONNECTED;
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Runs {@code operation} on the open connection; throws {@link TokenNotConnectedException} naming
     * {@code action} unless CONNECTED.
     */
    public <T> T withConnection(String action, Function<C, T> operation) {
        lock.readLock().lock();
        try {
            if (state != ConnectionState.CONNECTED) {
                throw new TokenNotConnectedException("Cannot " + action + ": " + describe.get() + " is " + state,
                        state);
            }
            return operation.apply(connection);
        } finally {
            lock.readLock().unlock();
        }
    }
}
