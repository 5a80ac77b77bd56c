package dev.kmslab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.core.SpecMapping;
import dev.kmslab.engine.model.DataKeyPairSpec;
import dev.kmslab.engine.model.EncryptionAlgorithmSpec;
import dev.kmslab.engine.model.KeyAgreementAlgorithmSpec;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.MacAlgorithmSpec;
import dev.kmslab.engine.model.MessageType;
import dev.kmslab.engine.model.SigningAlgorithmSpec;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The public API enums and the crypto layer's enums hold exactly the same constants, so mapping by name is total. */
class SpecMappingTest {

    static Stream<Arguments> pairs() {
        return Stream.of(
                Arguments.of(KeySpec.class, dev.kmslab.engine.crypto.asymmetric.spec.KeySpec.class),
                Arguments.of(KeyUsage.class, dev.kmslab.engine.crypto.asymmetric.spec.KeyUsage.class),
                Arguments.of(SigningAlgorithmSpec.class,
                        dev.kmslab.engine.crypto.asymmetric.spec.SigningAlgorithm.class),
                Arguments.of(EncryptionAlgorithmSpec.class,
                        dev.kmslab.engine.crypto.asymmetric.spec.EncryptionAlgorithm.class),
                Arguments.of(MacAlgorithmSpec.class, dev.kmslab.engine.crypto.asymmetric.spec.MacAlgorithm.class),
                Arguments.of(MessageType.class, dev.kmslab.engine.crypto.asymmetric.spec.MessageType.class),
                Arguments.of(KeyAgreementAlgorithmSpec.class,
                        dev.kmslab.engine.crypto.asymmetric.spec.KeyAgreementAlgorithm.class),
                Arguments.of(DataKeyPairSpec.class, dev.kmslab.engine.crypto.asymmetric.spec.DataKeyPairSpec.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    <A extends Enum<A>, B extends Enum<B>> void everyConstant_hasItsTwin(Class<A> api, Class<B> crypto) {
        assertThat(names(api)).containsExactlyInAnyOrder(names(crypto));
        for (A constant : api.getEnumConstants()) {
            B mapped = SpecMapping.map(constant, crypto);
            assertThat(SpecMapping.map(mapped, api)).isEqualTo(constant);
        }
    }

    private static String[] names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toArray(String[]::new);
    }
}
