package dev.kmslab.engine.crypto.pkcs11;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Parses the secret key objects in the output of {@code pkcs11-tool --list-objects --type secrkey} (OpenSC), e.g.
 * <pre>
 * Secret Key Object; AES length 32
 *   label:      kmslab:k:1
 *   Usage:      encrypt, decrypt
 *   Access:     sensitive, always sensitive, never extractable, local
 * </pre>
 */
record Pkcs11ToolListing(List<SecretKeyObject> keys) {

    record SecretKeyObject(String type, String label, List<String> usage, List<String> access) {
    }

    static Pkcs11ToolListing parse(String output) {
        List<SecretKeyObject> keys = new ArrayList<>();
        String type = null;
        String label = "";
        List<String> usage = List.of();
        List<String> access = List.of();
        for (String line : output.split("\\R")) {
            if (line.startsWith("Secret Key Object; ")) {
                if (type != null) {
                    keys.add(new SecretKeyObject(type, label, usage, access));
                }
                type = line.substring("Secret Key Object; ".length()).strip();
                label = "";
                usage = List.of();
                access = List.of();
            } else if (type != null && line.strip().startsWith("label:")) {
                label = value(line);
            } else if (type != null && line.strip().startsWith("Usage:")) {
                usage = list(value(line));
            } else if (type != null && line.strip().startsWith("Access:")) {
                access = list(value(line));
            }
        }
        if (type != null) {
            keys.add(new SecretKeyObject(type, label, usage, access));
        }
        return new Pkcs11ToolListing(keys);
    }

    Optional<SecretKeyObject> find(String label) {
        return keys.stream().filter(k -> k.label().equals(label)).findFirst();
    }

    List<String> labels() {
        return keys.stream().map(SecretKeyObject::label).collect(Collectors.toList());
    }

    private static String value(String line) {
        return line.substring(line.indexOf(':') + 1).strip();
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toList());
    }
}
