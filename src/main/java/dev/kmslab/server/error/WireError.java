package dev.kmslab.server.error;

/**
 * A failure of the request itself, before or beside the engine: the HTTP status and the {@code __type} the AWS
 * JSON protocol reports (signature, serialization and routing errors). Engine errors travel as
 * {@link dev.kmslab.engine.error.KmsException}; these are the ones the wire layer raises on its own.
 */
public final class WireError extends RuntimeException {

    private final int status;
    private final String type;

    public WireError(int status, String type, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
    }

    /** Malformed JSON or a member of the wrong JSON type; the message names the member. */
    public static WireError serialization(String message) {
        return new WireError(400, "SerializationException", message);
    }

    public static WireError unknownOperation(String target) {
        return new WireError(400, "UnknownOperationException", "Unknown operation: " + target);
    }

    /** The key id is not one this endpoint issued (AWS's wording for an unknown access key). */
    public static WireError unrecognizedClient() {
        return new WireError(400, "UnrecognizedClientException", "The security token included in the request is "
                + "invalid.");
    }

    /** Temporary credentials presented without their session token, or with another one. */
    public static WireError invalidSessionToken() {
        return new WireError(400, "UnrecognizedClientException", "The security token included in the request is "
                + "invalid.");
    }

    /** Temporary credentials past their expiration (on the engine's clock). */
    public static WireError expiredToken() {
        return new WireError(400, "ExpiredTokenException", "The security token included in the request is "
                + "expired");
    }

    public static WireError invalidSignature(String message) {
        return new WireError(400, "InvalidSignatureException", message);
    }

    public static WireError incompleteSignature(String message) {
        return new WireError(400, "IncompleteSignatureException", message);
    }

    public static WireError missingAuthentication() {
        return new WireError(400, "MissingAuthenticationTokenException", "Missing Authentication Token");
    }

    public int status() {
        return status;
    }

    /** The exception name sent as {@code __type}. */
    public String type() {
        return type;
    }
}
