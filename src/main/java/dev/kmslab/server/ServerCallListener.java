package dev.kmslab.server;

/**
 * Told about every call once its response is sent. Runs on a server worker thread and must return quickly (a UI
 * should hand the call to its own thread); an exception it throws is logged and otherwise ignored.
 */
@FunctionalInterface
public interface ServerCallListener {

    void onCall(ServerCall call);
}
