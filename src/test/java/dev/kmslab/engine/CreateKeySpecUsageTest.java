package dev.kmslab.engine;

import static dev.kmslab.engine.EngineFixture.ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.error.UnsupportedOperationException;
import dev.kmslab.engine.error.ValidationException;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.KeyMetadata;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.OriginType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CreateKey through the facade for every KeySpec and KeyUsage, against the AWS table written out here (not read from
 * the engine's own rules): a pair AWS allows creates a key of that spec and usage, any other pair is refused with a
 * ValidationException naming both, and SM2 is refused outside the China Regions.
 */
class CreateKeySpecUsageTest {

    private static final Set<KeyUsage> ENCRYPT = EnumSet.of(KeyUsage.ENCRYPT_DECRYPT);
    private static final Set<KeyUsage> SIGN = EnumSet.of(KeyUsage.SIGN_VERIFY);

    /** One engine for all pairs: a refused CreateKey leaves nothing behind, an allowed one adds a key. */
    private static final EngineFixture f = new EngineFixture();

    static Set<KeyUsage> awsUsages(KeySpec spec) {
        switch (spec) {
            case SYMMETRIC_DEFAULT:
                return ENCRYPT;
            case RSA_2048:
            case RSA_3072:
            case RSA_4096:
                return EnumSet.of(KeyUsage.ENCRYPT_DECRYPT, KeyUsage.SIGN_VERIFY);
            case ECC_NIST_P256:
            case ECC_NIST_P384:
            case ECC_NIST_P521:
                return EnumSet.of(KeyUsage.SIGN_VERIFY, KeyUsage.KEY_AGREEMENT);
            case HMAC_224:
            case HMAC_256:
            case HMAC_384:
            case HMAC_512:
                return EnumSet.of(KeyUsage.GENERATE_VERIFY_MAC);
            case SM2:
                return EnumSet.of(KeyUsage.ENCRYPT_DECRYPT, KeyUsage.SIGN_VERIFY, KeyUsage.KEY_AGREEMENT);
            default: // ECC_SECG_P256K1, ECC_NIST_EDWARDS25519, ML_DSA_44/65/87
                return SIGN;
        }
    }

    static Stream<Arguments> pairs() {
        List<Arguments> out = new ArrayList<>();
        for (KeySpec spec : KeySpec.values()) {
            for (KeyUsage usage : KeyUsage.values()) {
                out.add(Arguments.of(spec, usage));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("pairs")
    void createKey_followsTheAwsSpecUsageTable(KeySpec spec, KeyUsage usage) {
        // RSA keys are created for import (Origin EXTERNAL): generating RSA pairs would take seconds.
        OriginType origin = spec.family() == KeySpec.Family.RSA ? OriginType.EXTERNAL : null;
        CreateKeyRequest request = new CreateKeyRequest("table", usage, spec, origin, List.of());
        if (!awsUsages(spec).contains(usage)) {
            assertThatThrownBy(() -> f.engine.createKey(ROOT, request)).isInstanceOf(ValidationException.class)
                    .hasMessage("KeyUsage " + usage + " is not compatible with KeySpec " + spec + ".");
        } else if (spec == KeySpec.SM2) {
            assertThatThrownBy(() -> f.engine.createKey(ROOT, request))
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessage("KeySpec SM2 is available only in the AWS China Regions (Beijing and Ningxia).");
        } else {
            KeyMetadata meta = f.engine.createKey(ROOT, request).keyMetadata();
            assertThat(meta.keySpec()).isEqualTo(spec);
            assertThat(meta.keyUsage()).isEqualTo(usage);
        }
    }
}
