package dev.kmslab.server.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.kmslab.engine.model.Tag;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonOutputTagsTest {

    @Test
    void tags_areTagKeyTagValueObjectsInOrder() throws Exception {
        assertThat(write("Tags", List.of(new Tag("team", "blue"), new Tag("env", ""))))
                .isEqualTo("{\"Tags\":[{\"TagKey\":\"team\",\"TagValue\":\"blue\"},"
                        + "{\"TagKey\":\"env\",\"TagValue\":\"\"}]}");
    }

    @Test
    void noTags_isAnEmptyArrayNotAMissingMember() throws Exception {
        assertThat(write("ReplicaTags", List.of())).isEqualTo("{\"ReplicaTags\":[]}");
    }

    private static String write(String member, List<Tag> tags) throws Exception {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = new JsonFactory().createGenerator(text)) {
            out.writeStartObject();
            JsonOutput.tags(out, member, tags);
            out.writeEndObject();
        }
        return text.toString();
    }
}
