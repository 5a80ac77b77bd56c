package dev.kmslab.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The custom key store flow is recorded from real engine calls on a simulated token, and says so. */
class CustomKeyStoreFlowTest {

    private final Flow flow = FlowRecorder.standalone(new SecureRandom()).record("custom-key-store-encrypt",
            Optional.empty());

    @Test
    void theHsmLane_isTheSimulatedToken_andTheCryptoStepsRunThere() {
        assertThat(flow.actors()).filteredOn(a -> a.kind() == ActorKind.HSM).extracting(Actor::name)
                .containsExactly("PKCS#11 token (simulated in memory)");
        assertThat(flow.steps()).filteredOn(s -> s.to().equals("hsm")).extracting(Step::action)
                .containsExactly("Log in", "Generate AES-256 key", "AES-256-GCM encrypt in the token",
                        "AES-256-GCM decrypt in the token", "Log out");
        // What the token does is the lab's stand-in for CloudHSM, so those steps carry the simulation badge.
        assertThat(flow.steps()).filteredOn(s -> s.to().equals("hsm") && !s.action().equals("Log out"))
                .allSatisfy(s -> assertThat(s.simulated()).isTrue());
        assertThat(flow.steps()).filteredOn(s -> s.action().equals("CreateCustomKeyStore"))
                .allSatisfy(s -> assertThat(s.simulation()).contains("PKCS#11 token"));
    }

    @Test
    void theRealCalls_showTheStoreOnTheKey_andTheRefusalWhileDisconnected() {
        Step created = flow.steps().stream().filter(s -> s.action().equals("CreateKey response")).findFirst()
                .orElseThrow();
        assertThat(created.parameters().get("Origin")).isEqualTo("AWS_CLOUDHSM");
        assertThat(created.parameters().get("CustomKeyStoreId")).matches("cks-[0-9a-f]{17}");
        Step refused = flow.steps().stream().filter(s -> s.action().equals("Encrypt error")).findFirst()
                .orElseThrow();
        assertThat(refused.failure().orElseThrow().errorCode()).isEqualTo("KMSInvalidStateException");
        assertThat(refused.failure().orElseThrow().message()).endsWith("is unavailable.");
    }
}
