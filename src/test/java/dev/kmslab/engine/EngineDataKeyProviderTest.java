package dev.kmslab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.audit.AuditEvent;
import dev.kmslab.engine.envelope.EnvelopeEncryptor;
import dev.kmslab.engine.envelope.EnvelopeOptions;
import dev.kmslab.engine.envelope.GeneratedDataKey;
import dev.kmslab.engine.error.DisabledException;
import dev.kmslab.engine.error.InvalidCiphertextException;
import dev.kmslab.engine.model.DisableKeyRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineDataKeyProviderTest {

    private final EngineFixture fx = new EngineFixture();
    private final String key = fx.newKey();
    private final EngineDataKeyProvider provider = new EngineDataKeyProvider(fx.engine, EngineFixture.ROOT);

    @Test
    void dataKey_isAes256_andDecryptsOnlyWithItsContext() {
        try (GeneratedDataKey dk = provider.generateDataKey(key, EngineFixture.CONTEXT)) {
            assertThat(dk.plaintext()).hasSize(32);
            assertThat(dk.keyArn()).endsWith(":key/" + key);
            assertThat(provider.decryptDataKey(dk.ciphertextBlob(), EngineFixture.CONTEXT)).isEqualTo(dk.plaintext());
            assertThatThrownBy(() -> provider.decryptDataKey(dk.ciphertextBlob(), Map.of()))
                    .isInstanceOf(InvalidCiphertextException.class);
        }
    }

    @Test
    void envelopeRoundTrip_isAuditedAsTheCaller() throws Exception {
        byte[] data = "a file's worth of bytes".getBytes(StandardCharsets.UTF_8);
        EnvelopeEncryptor envelope = new EnvelopeEncryptor(provider);
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        envelope.encrypt(new ByteArrayInputStream(data), sealed, key, EngineFixture.CONTEXT,
                EnvelopeOptions.defaults());
        ByteArrayOutputStream opened = new ByteArrayOutputStream();
        envelope.decrypt(new ByteArrayInputStream(sealed.toByteArray()), opened, EnvelopeOptions.defaults());
        assertThat(opened.toByteArray()).isEqualTo(data);
        assertThat(fx.audit.all()).filteredOn(e -> !e.eventName().equals("CreateKey"))
                .extracting(AuditEvent::eventName, AuditEvent::principalArn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("GenerateDataKey",
                        EngineFixture.ROOT.principalArn()),
                        org.assertj.core.groups.Tuple.tuple("Decrypt", EngineFixture.ROOT.principalArn()));
    }

    @Test
    void aDisabledKey_stopsEnvelopeEncryption() {
        fx.engine.disableKey(EngineFixture.ROOT, new DisableKeyRequest(key));
        assertThatThrownBy(() -> provider.generateDataKey(key, Map.of())).isInstanceOf(DisabledException.class);
    }
}
