package dev.kmslab.study.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentLoaderTest {

    @TempDir
    Path root;

    @BeforeEach
    void writeMinimalContent() throws IOException {
        write("overview.md", "# KMS\n\nHello.");
        write("tracks.json", """
                {"tracks": [{"id": "SAA", "exam": "SAA-C03", "name": "Architect", "questions": 65,
                  "scoredQuestions": 50, "minutes": 130, "passMark": 720,
                  "domains": [{"name": "Design Secure Architectures", "weight": 30}]}],
                 "topics": [{"id": "rotation", "title": "Key rotation"}]}""");
        write("concepts/index.json", """
                {"concepts": [{"id": "key-rotation", "title": "Rotation", "file": "key-rotation.md",
                  "summary": "New material", "topics": ["rotation"]}]}""");
        write("concepts/key-rotation.md", "# Rotation\n\nText.");
        write("services.json", """
                {"services": [{"id": "s3", "name": "Amazon S3", "edgeLabel": "SSE-KMS", "summary": "Objects",
                  "details": "Uses **data keys**.", "apiCalls": ["GenerateDataKey"], "tracks": ["SAA"],
                  "concepts": ["key-rotation"], "examTip": "Tip",
                  "reference": {"title": "S3 docs", "url": "https://docs.aws.amazon.com/s3"}}]}""");
        write("checklists/saa.json", """
                {"track": "SAA", "title": "SAA list", "intro": "Intro",
                 "domains": [{"name": "Design Secure Architectures", "items": [
                   {"id": "saa-1", "text": "Know rotation", "explanation": "Why", "concept": "key-rotation"}]}]}""");
    }

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private StudyContent load() {
        return new ContentLoader(ContentSource.directory(root)).load();
    }

    @Test
    void wellFormedContent_loadsWithoutProblemsExceptMissingChecklists() {
        StudyContent content = load();
        assertThat(content.tracks()).extracting(Track::exam).containsExactly("SAA-C03");
        assertThat(content.concepts()).extracting(Concept::id).containsExactly("key-rotation");
        assertThat(content.conceptPage("key-rotation")).contains("Text.");
        assertThat(content.services()).extracting(ServiceEntry::name).containsExactly("Amazon S3");
        assertThat(content.checklist("SAA")).hasValueSatisfying(c -> assertThat(c.size()).isEqualTo(1));
        assertThat(content.problems()).extracting(ContentProblem::file).containsExactlyInAnyOrder(
                "content/checklists/sap.json", "content/checklists/dva.json", "content/checklists/mla.json",
                "content/checklists/aip.json", "content/checklists/scs.json", "content/checklists/mls.json");
    }

    @Test
    void malformedJson_namesFileLineAndColumn_andTheRestStillLoads() throws IOException {
        write("services.json", "{\"services\": [\n  {\"id\": \"s3\",,}\n]}");
        StudyContent content = load();
        assertThat(content.services()).isEmpty();
        assertThat(content.concepts()).hasSize(1);
        assertThat(content.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("content/services.json");
            assertThat(p.location()).isEqualTo("line 2, column 15");
            assertThat(p.message()).startsWith("not valid JSON");
        });
    }

    @Test
    void missingField_namesItsJsonPath_andSkipsOnlyThatEntry() throws IOException {
        write("concepts/index.json", """
                {"concepts": [{"id": "a", "title": "A", "file": "a.md"}, {"id": "b", "file": "b.md"}]}""");
        write("concepts/a.md", "# A");
        StudyContent content = load();
        assertThat(content.concepts()).extracting(Concept::id).containsExactly("a");
        assertThat(content.problems()).contains(new ContentProblem("content/concepts/index.json",
                "concepts[1].title", "expected a non-empty string, but it is missing"));
    }

    @Test
    void wrongType_isReportedWithWhatWasFound() throws IOException {
        write("tracks.json", "{\"tracks\": [{\"id\": \"SAA\", \"exam\": 3, \"name\": \"x\", \"domains\": []}]}");
        assertThat(load().problems()).contains(new ContentProblem("content/tracks.json", "tracks[0].exam",
                "expected a non-empty string, found number"));
    }

    @Test
    void missingConceptPage_isReportedAndTheCardExplainsIt() throws IOException {
        Files.delete(root.resolve("concepts/key-rotation.md"));
        StudyContent content = load();
        assertThat(content.conceptPage("key-rotation")).contains("could not be loaded");
        assertThat(content.problems()).contains(
                new ContentProblem("content/concepts/key-rotation.md", "", "file is missing"));
    }

    @Test
    void checklistDomainMustBelongToItsExam() throws IOException {
        write("checklists/saa.json", """
                {"track": "SAA", "domains": [{"name": "Security", "items": []}]}""");
        assertThat(load().problems()).contains(new ContentProblem("content/checklists/saa.json", "domains[0].name",
                "'Security' is not a domain of SAA-C03"));
    }

    @Test
    void brokenConceptLinks_areReported() throws IOException {
        write("checklists/saa.json", """
                {"track": "SAA", "domains": [{"name": "Design Secure Architectures", "items": [
                  {"id": "saa-1", "text": "T", "explanation": "E", "concept": "nope"}]}]}""");
        assertThat(load().problems()).contains(new ContentProblem("content/checklists/saa.json", "item saa-1",
                "links to concept 'nope', which has no page"));
    }

    @Test
    void missingOverview_stillGivesAPageThatPointsAtTheProblems() throws IOException {
        Files.delete(root.resolve("overview.md"));
        StudyContent content = load();
        assertThat(content.overviewMarkdown()).contains("could not be loaded");
        assertThat(content.problems()).contains(new ContentProblem("content/overview.md", "", "file is missing"));
    }
}
