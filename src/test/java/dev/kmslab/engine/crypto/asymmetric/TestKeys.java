package dev.kmslab.engine.crypto.asymmetric;

import dev.kmslab.engine.crypto.KeyMaterial;
import dev.kmslab.engine.model.KeySpec;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Key material shared by the test classes: each spec is generated once per JVM because RSA-4096 is slow. */
final class TestKeys {

    private static final Map<KeySpec, KeyMaterial> CACHE = new ConcurrentHashMap<>();

    private TestKeys() {
    }

    static KeyMaterial of(KeySpec spec) {
        return CACHE.computeIfAbsent(spec, KeyMaterials::generate);
    }

    static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replace(" ", ""));
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static byte[] bytes(int length, int value) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
