package dev.kmslab.ui.flows;

import dev.kmslab.ui.UiTests;
import dev.kmslab.ui.common.UiExecutor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.flow.FlowRecorder;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

@ResourceLock(UiTests.JAVAFX)
class FlowsViewModelTest {

    private final FlowsViewModel vm = new FlowsViewModel(FlowRecorder.standalone(new SecureRandom()),
            UiExecutor.synchronous());

    @Test
    void openRecordsTheFlowAndShowsItsFirstStep() {
        vm.open("direct-encrypt", Optional.empty());
        assertThat(vm.recordingProperty().get()).isFalse();
        assertThat(vm.errorProperty().get()).isNull();
        assertThat(vm.flow()).map(f -> f.id()).contains("direct-encrypt");
        assertThat(vm.player().indexProperty().get()).isZero();
    }

    @Test
    void unknownFlowIsReportedNotThrown() {
        vm.open("no-such-flow", Optional.empty());
        assertThat(vm.errorProperty().get()).contains("no-such-flow");
        assertThat(vm.flow()).isEmpty();
    }

    @Test
    void closeReturnsToTheCatalogueAndLeavesPresenterMode() {
        vm.open("rotation", Optional.empty());
        vm.setPresenter(true);
        vm.close();
        assertThat(vm.openFlowIdProperty().get()).isNull();
        assertThat(vm.presenterProperty().get()).isFalse();
        assertThat(vm.flow()).isEmpty();
    }

    @Test
    void recordingHappensOnTheExecutorAndALateResultIsDropped() {
        Runnable[] pending = new Runnable[2];
        int[] n = {0};
        UiExecutor deferred = new UiExecutor() {
            @Override
            public <T> void submit(java.util.concurrent.Callable<T> work, Consumer<? super T> onSuccess,
                                   Consumer<? super Exception> onError) {
                pending[n[0]++] = () -> {
                    try {
                        onSuccess.accept(work.call());
                    } catch (Exception e) {
                        onError.accept(e);
                    }
                };
            }
        };
        FlowsViewModel slow = new FlowsViewModel(FlowRecorder.standalone(new SecureRandom()), deferred);
        slow.open("rotation", Optional.empty());
        assertThat(slow.recordingProperty().get()).isTrue();
        assertThat(slow.flow()).isEmpty();
        slow.open("direct-encrypt", Optional.empty());
        pending[1].run();
        pending[0].run();
        assertThat(slow.flow()).map(f -> f.id()).contains("direct-encrypt");
        assertThat(slow.recordingProperty().get()).isFalse();
    }

    @Test
    void usesTheLearnersKeyWhenGivenOne() {
        KmsEngine learner = KmsEngine.inMemory();
        String arn = learner.createKey(CallerContext.root(learner.account()), CreateKeyRequest.symmetric())
                .keyMetadata().arn();
        FlowsViewModel withKey = new FlowsViewModel(new FlowRecorder(learner, FlowRecorder::sandboxEngine,
                new SecureRandom()), UiExecutor.synchronous());
        withKey.open("s3-sse-kms", Optional.of(arn));
        assertThat(withKey.flow().orElseThrow().steps().get(0).parameters())
                .containsEntry("x-amz-server-side-encryption-aws-kms-key-id", arn);
    }

    @Test
    void catalogueListsEveryFlow() {
        assertThat(vm.catalogue()).extracting(d -> d.id()).contains("envelope-encryption", "s3-bucket-key",
                "key-deletion");
    }
}
