package dev.kmslab.engine.crypto.pkcs11;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Where the token's user PIN comes from at connect time. Only the source is kept (an environment variable's name, or
 * a prompt callback); the PIN itself is fetched for the login and then overwritten, never stored.
 */
public sealed interface PinSource {

    /**
     * A fresh copy of the PIN that the caller must zero after use, or {@code null} if none is available (variable
     * unset, prompt cancelled).
     */
    char[] obtain();

    /** Text for messages and logs; never contains the PIN. */
    String describe();

    /** Reads the PIN from the process environment variable {@code variable}. */
    static PinSource environment(String variable) {
        return new EnvironmentVariable(variable, System::getenv);
    }

    /** Asks {@code prompt} for the PIN on each connect; the returned array is zeroed after the login. */
    static PinSource prompt(Supplier<char[]> prompt) {
        return new Prompt(prompt);
    }

    /**
     * The PIN is in an environment variable. Java cannot wipe the variable's String; this source only copies it into
     * a char array that is zeroed after the login, so no further copy outlives the connect.
     */
    record EnvironmentVariable(String variable, Function<String, String> environment) implements PinSource {
        public EnvironmentVariable {
            if (variable == null || !variable.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("not an environment variable name: " + variable);
            }
            Objects.requireNonNull(environment, "environment");
        }

        @Override
        public char[] obtain() {
            String value = environment.apply(variable);
            return value == null || value.isEmpty() ? null : value.toCharArray();
        }

        @Override
        public String describe() {
            return "environment variable " + variable;
        }

        @Override
        public String toString() {
            return "PinSource[" + describe() + "]";
        }
    }

    /** The PIN is typed by the user when connecting; the callback owns the dialog. */
    record Prompt(Supplier<char[]> prompt) implements PinSource {
        public Prompt {
            Objects.requireNonNull(prompt, "prompt");
        }

        @Override
        public char[] obtain() {
            char[] pin = prompt.get();
            return pin == null || pin.length == 0 ? null : pin;
        }

        @Override
        public String describe() {
            return "prompt";
        }

        @Override
        public String toString() {
            return "PinSource[prompt]";
        }
    }
}
