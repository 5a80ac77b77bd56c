package dev.kmslab.ui.endpoint;

import dev.kmslab.engine.KmsEngine;
import dev.kmslab.server.KmsHttpServer;
import dev.kmslab.server.ServerConfig;
import dev.kmslab.server.auth.AccessKeyStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The in-app switch for the local AWS-compatible endpoint: it serves the Key Lab's own engine, so calls from the AWS
 * CLI or an SDK show up in the Key Lab's audit log as they happen.
 */
public final class EndpointViewModel {

    private final Supplier<KmsEngine> engine;
    private final Path dataDir;
    private final int port;
    private final javafx.beans.property.ReadOnlyBooleanWrapper running = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final javafx.beans.property.ReadOnlyStringWrapper status = new javafx.beans.property.ReadOnlyStringWrapper();
    private KmsHttpServer server;
    private AccessKeyStore keys;

    public EndpointViewModel(Supplier<KmsEngine> engine, Path dataDir, int port) {
        this.engine = engine;
        this.dataDir = dataDir;
        this.port = port;
        status.set(offText());
    }

    private String offText() {
        return port == 0 ? "Off" : "Off (port " + port + " when on)";
    }

    public javafx.beans.property.ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** One line for the learner: where the endpoint listens and with which credentials, or why it is off. */
    public javafx.beans.property.ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Starts the endpoint; returns false (and explains in the status) when it cannot. */
    public boolean start() {
        if (server != null) {
            return true;
        }
        KmsEngine lab = engine.get();
        if (lab == null) {
            status.set("The Key Lab's keystore is still opening; try again in a moment.");
            running.set(false);
            return false;
        }
        try {
            keys = AccessKeyStore.open(dataDir, lab.account(), Clock.systemUTC());
            server = KmsHttpServer.start(lab, ServerConfig.defaults(keys).withPort(port));
            status.set(server.endpoint() + " · access key test / secret test");
            running.set(true);
            return true;
        } catch (IOException e) {
            status.set("Could not start on port " + port + ": " + e.getMessage());
            running.set(false);
            return false;
        }
    }

    public void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
        running.set(false);
        status.set(offText());
    }

    /**
     * Issues an access key for a lab principal (the one the Key Lab acts as), so a CLI or SDK signed with it is
     * evaluated as that principal. The secret is shown once; only the running endpoint accepts it.
     *
     * @throws IllegalStateException when the endpoint is off
     */
    public dev.kmslab.server.auth.Credential issueAccessKey(String principalArn) throws IOException {
        if (server == null || keys == null) {
            throw new IllegalStateException("Turn the endpoint on first.");
        }
        return keys.issueAccessKey(principalArn);
    }

    /** The running server (for listeners), or null. */
    public KmsHttpServer server() {
        return server;
    }
}
