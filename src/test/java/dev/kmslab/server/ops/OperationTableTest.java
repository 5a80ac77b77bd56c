package dev.kmslab.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.KmsOperation;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Keeps the wire in step with the engine: a new engine operation without an endpoint fails here. */
class OperationTableTest {

    @Test
    void everyEngineOperation_hasAnEndpoint() {
        assertThat(OperationTable.standard().names()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(KmsOperation.values()).map(Enum::name).collect(Collectors.toList()));
    }

    @Test
    void everyEndpoint_isARealAwsKmsOperation() {
        assertThat(OperationTable.AWS_KMS_OPERATIONS).containsAll(OperationTable.standard().names());
    }
}
