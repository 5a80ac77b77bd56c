package dev.kmslab.engine.error;

/** A key policy document is not valid JSON, or breaks the policy grammar or limits. */
public class MalformedPolicyDocumentException extends KmsException {

    public MalformedPolicyDocumentException(String message) {
        super(message);
    }
}
