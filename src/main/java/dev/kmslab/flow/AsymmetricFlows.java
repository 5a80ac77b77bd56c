package dev.kmslab.flow;

import java.util.List;

/** Flows for keys beyond symmetric encryption: signing with a key pair held in KMS, and bringing your own material. */
final class AsymmetricFlows {

    private AsymmetricFlows() {
    }

    /**
     * Both run on scratch keys in a private engine ({@code ownKey}): they create keys of their own kind, and the
     * import flow moves the clock past the material's expiry.
     */
    static List<FlowDefinition> all() {
        return List.of(
                new FlowDefinition("sign-verify-offline", "Sign in KMS, verify offline with the public key",
                        "KMS signs with a private key that never leaves it; a partner without AWS credentials "
                                + "verifies with the public key alone, and a tampered message fails.",
                        "Asymmetric keys", true, SignVerifyFlow::record),
                new FlowDefinition("import-key-material", "Bring your own key material",
                        "Import 256 bits of your own material with an expiry; when it expires the key stops "
                                + "working until the same material is imported again.",
                        "Imported key material", true, ImportKeyMaterialFlow::record));
    }
}
