package dev.kmslab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.core.AuditParams;
import dev.kmslab.engine.model.ExpirationModelType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditParamsTest {

    @Test
    void enumsAndTimes_becomePlainText_andNullsAreLeftOut() {
        assertThat(AuditParams.of("keyId", "k", "expirationModel", ExpirationModelType.KEY_MATERIAL_EXPIRES,
                "validTo", Instant.parse("2026-03-11T10:00:00Z"), "grantTokens", null))
                .containsExactly(java.util.Map.entry("keyId", "k"),
                        java.util.Map.entry("expirationModel", "KEY_MATERIAL_EXPIRES"),
                        java.util.Map.entry("validTo", "2026-03-11T10:00:00Z"));
    }
}
