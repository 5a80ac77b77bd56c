package dev.kmslab.engine.crypto.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configuration values and the SunPKCS11 configuration text; needs no token. */
class Pkcs11ConfigTest {

    private static final Path MODULE = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    private static final PinSource PIN = PinSource.environment("KMSLAB_PIN");

    @Test
    void of_withExactlyOneSlotSetting_choosesThatSelector() {
        assertThat(Pkcs11Config.of("lab", MODULE, 7L, null, null, PIN).slot()).isEqualTo(new SlotSelector.SlotId(7));
        assertThat(Pkcs11Config.of("lab", MODULE, null, 2, null, PIN).slot())
                .isEqualTo(new SlotSelector.SlotListIndex(2));
        assertThat(Pkcs11Config.of("lab", MODULE, null, null, " kmslab-test ", PIN).slot())
                .isEqualTo(new SlotSelector.TokenLabel("kmslab-test"));
    }

    @Test
    void of_withNoneOrSeveralSlotSettings_isRejected() {
        assertThatThrownBy(() -> Pkcs11Config.of("lab", MODULE, null, null, null, PIN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exactly one")
                .hasMessageContaining("0 given");
        assertThatThrownBy(() -> Pkcs11Config.of("lab", MODULE, 1L, 0, "x", PIN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 given");
    }

    @Test
    void invalidValues_areRejectedWithPreciseMessages() {
        assertThatThrownBy(() -> new Pkcs11Config("has space", MODULE, new SlotSelector.SlotId(0), PIN))
                .hasMessageContaining("name must be");
        assertThatThrownBy(() -> new Pkcs11Config("lab", Path.of("libsofthsm2.so"), new SlotSelector.SlotId(0), PIN))
                .hasMessageContaining("absolute");
        assertThatThrownBy(() -> new Pkcs11Config("lab", Path.of("/a\"b.so"), new SlotSelector.SlotId(0), PIN))
                .hasMessageContaining("quotes");
        assertThatThrownBy(() -> new SlotSelector.SlotId(-1)).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> new SlotSelector.SlotListIndex(-1)).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> new SlotSelector.TokenLabel(" ")).hasMessageContaining("blank");
        assertThatThrownBy(() -> new SlotSelector.TokenLabel("x".repeat(33))).hasMessageContaining("32");
        assertThatThrownBy(() -> PinSource.environment("NOT-A-NAME")).hasMessageContaining("environment variable");
    }

    @Test
    void configText_selectsSlotAndMakesGeneratedKeysSensitiveAndUnextractable() {
        String text = SunPkcs11ConfigText.render("lab", Path.of("/opt/my hsm/lib.so"),
                SunPkcs11ConfigText.slotListIndexLine(3));

        assertThat(text).startsWith("name = lab\n")
                .contains("library = \"/opt/my hsm/lib.so\"\n", "slotListIndex = 3\n",
                        "destroyTokenAfterLogout = true\n", "showInfo = true\n",
                        "attributes(generate, CKO_SECRET_KEY, CKK_AES) = {\n", "  CKA_TOKEN = false\n",
                        "  CKA_SENSITIVE = true\n", "  CKA_EXTRACTABLE = false\n", "  CKA_WRAP = false\n")
                .doesNotContain("slot = ");
        assertThat(SunPkcs11ConfigText.slotIdLine(123456789L)).isEqualTo("slot = 123456789");
        assertThat(new Pkcs11Config("lab", MODULE, new SlotSelector.SlotId(1), PIN).providerName())
                .isEqualTo("SunPKCS11-lab");
    }

    @Test
    void environmentPin_isReadAtObtainTime_andNeverShown() {
        Map<String, String> env = new java.util.HashMap<>(Map.of("KMSLAB_PIN", "s3cret-pin"));
        PinSource source = new PinSource.EnvironmentVariable("KMSLAB_PIN", env::get);

        assertThat(source.obtain()).containsExactly("s3cret-pin".toCharArray());
        assertThat(source.toString()).isEqualTo("PinSource[environment variable KMSLAB_PIN]");
        env.put("KMSLAB_PIN", "");
        assertThat(source.obtain()).isNull();
        env.remove("KMSLAB_PIN");
        assertThat(source.obtain()).isNull();
        Pkcs11Config config = new Pkcs11Config("lab", MODULE, new SlotSelector.SlotId(1), source);
        env.put("KMSLAB_PIN", "s3cret-pin");
        assertThat(config.toString()).doesNotContain("s3cret-pin");
    }

    @Test
    void promptPin_asksEachTime_andTreatsCancelAsNoPin() {
        int[] asked = {0};
        PinSource prompt = PinSource.prompt(() -> {
            asked[0]++;
            return asked[0] == 1 ? "1234".toCharArray() : null;
        });

        assertThat(prompt.obtain()).containsExactly('1', '2', '3', '4');
        assertThat(prompt.obtain()).isNull();
        assertThat(asked[0]).isEqualTo(2);
        assertThat(prompt.toString()).isEqualTo("PinSource[prompt]");
    }

    @Test
    void keyLabel_formatsAndParsesKeyIdAndVersion() {
        Pkcs11KeyLabel label = new Pkcs11KeyLabel("1234abcd-12ab-34cd-56ef-1234567890ab", 3);

        assertThat(label.text()).isEqualTo("kmslab:1234abcd-12ab-34cd-56ef-1234567890ab:3");
        assertThat(Pkcs11KeyLabel.parse(label.text())).isEqualTo(label);
        assertThatThrownBy(() -> Pkcs11KeyLabel.parse("other:abc:1")).hasMessageContaining("not a kmslab key label");
        assertThatThrownBy(() -> Pkcs11KeyLabel.parse("kmslab:abc:x")).hasMessageContaining("not a kmslab key label");
        assertThatThrownBy(() -> new Pkcs11KeyLabel("abc", 0)).hasMessageContaining("version");
        assertThatThrownBy(() -> new Pkcs11KeyLabel("a:b", 1)).hasMessageContaining("key id");
    }
}
