package dev.kmslab.engine.model;

import java.util.Arrays;

/** GenerateRandom. {@link #plaintext()} is not a clone; wipe it with {@link #destroyPlaintext()} if it is secret. */
public record GenerateRandomResult(byte[] plaintext) {

    public void destroyPlaintext() {
        Arrays.fill(plaintext, (byte) 0);
    }

    @Override
    public String toString() {
        return "GenerateRandomResult[plaintext=<hidden " + plaintext.length + " bytes>]";
    }
}
