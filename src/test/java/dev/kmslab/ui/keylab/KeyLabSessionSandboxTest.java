package dev.kmslab.ui.keylab;

import dev.kmslab.ui.UiTests;
import dev.kmslab.ui.keylab.common.KeyLabSession;
import dev.kmslab.ui.keylab.common.LabEngineOpener;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.EngineConfig;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.KmsRegions;
import dev.kmslab.ui.common.UiExecutor;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** The Key Lab can be pointed at a lab's sandbox and back, without touching or closing the learner's engines. */
@ResourceLock(UiTests.JAVAFX)
class KeyLabSessionSandboxTest {

    private final KmsRegions own = KmsRegions.inMemory(EngineConfig.defaults());
    private final KmsRegions sandbox = KmsRegions.inMemory(EngineConfig.defaults());
    private final AtomicInteger closed = new AtomicInteger();

    private KeyLabSession openOwn() {
        KeyLabSession session = new KeyLabSession(UiExecutor.synchronous(), Runnable::run);
        session.open(() -> new LabEngineOpener.Opened(own.defaultEngine(), List.of(), closed::incrementAndGet, own),
                notice -> { });
        return session;
    }

    @Test
    void openSandbox_thenBack_restoresEngineCallerRegionAndKey() {
        KeyLabSession session = openOwn();
        session.callerProperty().set(CallerContext.of("arn:aws:iam::111122223333:role/App"));
        session.regionProperty().set("eu-west-1");
        session.selectedKeyIdProperty().set("own-key");

        session.openSandbox(sandbox, "Lab sandbox: test", CallerContext.root("111122223333"));
        assertThat(session.inSandbox()).isTrue();
        assertThat(session.sandboxLabelProperty().get()).isEqualTo("Lab sandbox: test");
        assertThat(session.engine()).isSameAs(sandbox.engine("eu-west-1"));
        assertThat(session.caller()).isEqualTo(CallerContext.root("111122223333"));
        session.regionProperty().set("us-east-1");
        assertThat(session.engine()).isSameAs(sandbox.defaultEngine());

        session.backToOwnLab();
        assertThat(session.inSandbox()).isFalse();
        assertThat(session.engine()).isSameAs(own.engine("eu-west-1"));
        assertThat(session.caller().principalArn()).isEqualTo("arn:aws:iam::111122223333:role/App");
        assertThat(session.selectedKeyIdProperty().get()).isEqualTo("own-key");
        assertThat(closed.get()).isZero();
    }

    @Test
    void closingWhileInASandbox_closesTheLearnersEngines() {
        KeyLabSession session = openOwn();
        session.openSandbox(sandbox, "Lab sandbox: test", CallerContext.root("111122223333"));
        session.close();
        assertThat(closed.get()).isEqualTo(1);
    }

    @Test
    void theLearnersEnginesArrivingWhileASandboxIsShown_waitForTheWayBack() {
        KeyLabSession session = new KeyLabSession(UiExecutor.synchronous(), Runnable::run);
        session.openSandbox(sandbox, "Lab sandbox: test", CallerContext.root("111122223333"));
        KmsEngine sandboxEngine = session.engine();
        session.open(() -> new LabEngineOpener.Opened(own.defaultEngine(), List.of(), closed::incrementAndGet, own),
                notice -> { });
        assertThat(session.engine()).isSameAs(sandboxEngine);
        session.backToOwnLab();
        assertThat(session.engine()).isSameAs(own.defaultEngine());
    }
}
