package dev.kmslab.engine.crypto;

import dev.kmslab.engine.model.KeySpec;

/** Test access to material constructors that production code does not need. */
public final class TestMaterials {

    private TestMaterials() {
    }

    /** HMAC material of any key length, as the RFC 4231 vectors use (production material has the spec's length). */
    public static HmacKeyMaterial hmacOfAnyLength(KeySpec spec, byte[] key) {
        return new HmacKeyMaterial(spec, key.clone());
    }
}
