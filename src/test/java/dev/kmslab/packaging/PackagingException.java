package dev.kmslab.packaging;

/** A reason the installer cannot be built, said so a person knows what to do; the packager prints it and exits 1. */
final class PackagingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PackagingException(String message) {
        super(message);
    }

    PackagingException(String message, Throwable cause) {
        super(message, cause);
    }
}
