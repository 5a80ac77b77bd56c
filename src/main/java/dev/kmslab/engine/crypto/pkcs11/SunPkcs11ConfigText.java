package dev.kmslab.engine.crypto.pkcs11;

import java.nio.file.Path;

/**
 * Writes the SunPKCS11 configuration text (JDK 17 syntax) that {@code Provider.configure("--" + text)} reads.
 *
 * <p>Settings and why:
 * <ul>
 *   <li>{@code slot} or {@code slotListIndex}: JDK 17 has no token-label setting; labels are resolved first.</li>
 *   <li>{@code destroyTokenAfterLogout = true}: logout releases the provider's sessions, so a disconnect really
 *       lets go of the token; the provider instance is then unusable and a reconnect configures a new one.</li>
 *   <li>{@code showInfo = true}: the provider prints the slot id and token label it selected; {@link TokenProbe}
 *       captures that text, which is the only way JDK 17 exposes the token label without internal APIs.</li>
 *   <li>{@code attributes(generate, CKO_SECRET_KEY, CKK_AES)}: every AES key generated through this provider is
 *       sensitive and not extractable from birth (so the token also sets CKA_ALWAYS_SENSITIVE and
 *       CKA_NEVER_EXTRACTABLE), may only encrypt and decrypt, and starts as a session object. It becomes a
 *       labelled, private token object when stored in the PKCS11 KeyStore, which copies it with C_CopyObject;
 *       generating it as a token object directly would leave an unlabelled copy behind.</li>
 * </ul>
 */
final class SunPkcs11ConfigText {

    private SunPkcs11ConfigText() {
    }

    /** Configuration for a slot chosen by id ({@code slotLine} = {@code slot = 12}) or list index. */
    static String render(String name, Path library, String slotLine) {
        return "name = " + name + "\n"
                + "library = \"" + library + "\"\n"
                + slotLine + "\n"
                + "destroyTokenAfterLogout = true\n"
                + "showInfo = true\n"
                + "attributes(generate, CKO_SECRET_KEY, CKK_AES) = {\n"
                + "  CKA_TOKEN = false\n"
                + "  CKA_SENSITIVE = true\n"
                + "  CKA_EXTRACTABLE = false\n"
                + "  CKA_ENCRYPT = true\n"
                + "  CKA_DECRYPT = true\n"
                + "  CKA_WRAP = false\n"
                + "  CKA_UNWRAP = false\n"
                + "  CKA_SIGN = false\n"
                + "  CKA_VERIFY = false\n"
                + "  CKA_DERIVE = false\n"
                + "}\n";
    }

    static String slotIdLine(long slotId) {
        return "slot = " + slotId;
    }

    static String slotListIndexLine(int index) {
        return "slotListIndex = " + index;
    }
}
