package dev.kmslab.engine.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The associated data of the small sealed files (the token-wrapped master key, {@link SealedSecretFile}): the file's
 * magic and version byte followed by a label in UTF-8, so a file made for one purpose, format or version does not
 * open as another. Changing these bytes makes every existing file unreadable.
 */
final class HeaderAad {

    private HeaderAad() {
    }

    /** {@code magic || version || UTF-8(label)}. */
    static byte[] of(byte[] magic, byte version, String label) {
        byte[] labelBytes = label.getBytes(StandardCharsets.UTF_8);
        byte[] aad = Arrays.copyOf(magic, magic.length + 1 + labelBytes.length);
        aad[magic.length] = version;
        System.arraycopy(labelBytes, 0, aad, magic.length + 1, labelBytes.length);
        return aad;
    }
}
