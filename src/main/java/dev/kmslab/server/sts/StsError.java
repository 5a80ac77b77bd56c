package dev.kmslab.server.sts;

import dev.kmslab.server.error.WireError;

/** An STS error as the Query protocol reports it: HTTP status, the {@code <Code>} and the {@code <Message>}. */
public final class StsError extends RuntimeException {

    private final int status;
    private final String code;

    public StsError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static StsError accessDenied(String message) {
        return new StsError(403, "AccessDenied", message);
    }

    static StsError validation(String message) {
        return new StsError(400, "ValidationError", message);
    }

    static StsError missingParameter(String name) {
        return new StsError(400, "MissingParameter", "The request must contain the parameter " + name + ".");
    }

    /** The signature errors the KMS side names in JSON, under the codes STS uses for them. */
    static StsError of(WireError e) {
        return switch (e.type()) {
            case "UnrecognizedClientException" -> new StsError(403, "InvalidClientTokenId", e.getMessage());
            case "InvalidSignatureException" -> new StsError(403, "SignatureDoesNotMatch", e.getMessage());
            case "IncompleteSignatureException" -> new StsError(400, "IncompleteSignature", e.getMessage());
            case "MissingAuthenticationTokenException" -> new StsError(403, "MissingAuthenticationToken",
                    "Request is missing Authentication Token");
            case "ExpiredTokenException" -> new StsError(400, "ExpiredToken", e.getMessage());
            case "RequestEntityTooLargeException" -> new StsError(413, "RequestEntityTooLarge", e.getMessage());
            default -> new StsError(e.status(), e.type(), e.getMessage());
        };
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
