package dev.kmslab.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowHtmlExporterTest {

    @TempDir
    Path dir;

    @Test
    void exportedPageKeepsTheSimulationBadgeAndTheConditionContextApart() {
        Flow flow = FlowRecorder.standalone(new java.security.SecureRandom()).record("grant-ebs", Optional.empty());
        String html = FlowHtmlExporter.render(flow);
        assertThat(html).contains("<span class=\"badge\">KMS Lab simulation</span> Assumption:")
                .contains("Condition context KMS evaluates (not a request parameter)</p><table><tr><td>kms:ViaService"
                        + "</td><td>ec2.us-east-1.amazonaws.com</td></tr></table>")
                .doesNotContain("<td>ViaService</td>");
    }

    @Test
    void pageHasEveryStepItsNarrationAndTheRealBytes() throws Exception {
        Flow flow = FlowRecorder.standalone(new java.security.SecureRandom())
                .record("direct-encrypt", Optional.empty());
        Path file = FlowHtmlExporter.write(flow, dir);
        String html = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(file.getFileName().toString()).isEqualTo("direct-encrypt.html");
        for (int i = 0; i < flow.steps().size(); i++) {
            assertThat(html).contains("id=\"step-" + (i + 1) + "\"");
        }
        Payload blob = flow.steps().get(2).payload("Ciphertext blob").orElseThrow();
        assertThat(html).contains(blob.hex()).doesNotContain("<script").doesNotContain("<link");
        assertThat(html).contains("payload secret");
    }

    @Test
    void textIsEscapedAndFailuresAreShown() {
        Step failed = new Step("a", "kms", "Decrypt <x>", true, Map.of("K", "\"v\" & w"), List.of(), "n < m", "",
                List.of(), Optional.of(new Failure("InvalidCiphertextException", "bad")));
        Flow flow = new Flow("t", "T & U", "s", List.of(new Actor("a", "App", ActorKind.CLIENT), Actor.kms()),
                List.of(failed), List.of("tip <b>"));
        String html = FlowHtmlExporter.render(flow);
        assertThat(html).contains("Decrypt &lt;x&gt;").contains("&quot;v&quot; &amp; w").contains("n &lt; m")
                .contains("T &amp; U").contains("tip &lt;b&gt;").contains("class=\"step failed\"")
                .contains("InvalidCiphertextException: bad").doesNotContain("<b>");
    }
}
