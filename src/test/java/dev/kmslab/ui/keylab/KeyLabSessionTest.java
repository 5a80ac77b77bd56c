package dev.kmslab.ui.keylab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.ui.UiTests;
import dev.kmslab.ui.common.UiExecutor;
import dev.kmslab.ui.keylab.common.KeyLabSession;
import dev.kmslab.ui.keylab.common.LabEngineOpener;
import dev.kmslab.ui.keylab.common.LabError;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

@ResourceLock(UiTests.JAVAFX)
class KeyLabSessionTest {

    @Test
    void beforeTheEngineOpens_callsFailWithNotReady() {
        KeyLabSession session = new KeyLabSession(UiExecutor.synchronous(), Runnable::run);
        AtomicReference<LabError> error = new AtomicReference<>();
        session.call(KmsEngine::now, t -> { }, error::set);
        assertThat(error.get().code()).isEqualTo("NotReady");
    }

    @Test
    void opening_setsTheEngine_actsAsAccountRoot_andBumpsTheRevision() {
        KeyLabSession session = new KeyLabSession(UiExecutor.synchronous(), Runnable::run);
        KmsEngine engine = KmsEngine.inMemory();
        List<String> notices = new ArrayList<>();
        int before = session.revisionProperty().get();
        session.open(() -> new LabEngineOpener.Opened(engine, List.of("hello"), () -> { }), notices::add);
        assertThat(session.engine()).isSameAs(engine);
        assertThat(session.caller()).isEqualTo(CallerContext.root(engine.account()));
        assertThat(session.revisionProperty().get()).isGreaterThan(before);
        assertThat(notices).containsExactly("hello");
    }

    @Test
    void changingTheCaller_refreshesEveryScreen() {
        LabFixture lab = new LabFixture();
        int before = lab.session.revisionProperty().get();
        lab.session.callerProperty().set(CallerContext.of("arn:aws:iam::111122223333:role/app"));
        assertThat(lab.session.revisionProperty().get()).isEqualTo(before + 1);
    }

    @Test
    void engineErrors_becomeLabErrorsWithTheAwsNameAndAMeaning() {
        LabFixture lab = new LabFixture();
        AtomicReference<LabError> error = new AtomicReference<>();
        lab.session.call(e -> e.describeKey(lab.session.caller(),
                new dev.kmslab.engine.model.DescribeKeyRequest("alias/none")), r -> { }, error::set);
        assertThat(error.get().code()).isEqualTo("NotFoundException");
        assertThat(error.get().message()).contains("alias/none");
        assertThat(error.get().meaning()).startsWith("No key or alias");
    }
}
