package dev.kmslab.engine.crypto.asymmetric;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.model.KeySpec;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Bouncy Castle is available for what the JDK lacks but never becomes the default provider. */
class ProvidersTest {

    @Test
    void bouncyCastle_isRegisteredLast_andJdkStaysTheDefault() throws Exception {
        Provider bc = Providers.bouncyCastle();
        Provider[] installed = Security.getProviders();

        assertThat(Arrays.asList(installed)).contains(bc);
        assertThat(installed[0].getName()).isNotEqualTo(bc.getName());
        assertThat(Signature.getInstance("SHA256withECDSA").getProvider().getName()).isEqualTo("SunEC");
    }

    @Test
    void onlySecp256k1AndMlDsa_needBouncyCastle() {
        assertThat(Arrays.stream(KeySpec.values()).filter(Providers::needsBouncyCastle))
                .containsExactly(KeySpec.ECC_SECG_P256K1, KeySpec.ML_DSA_44, KeySpec.ML_DSA_65, KeySpec.ML_DSA_87);
    }
}
