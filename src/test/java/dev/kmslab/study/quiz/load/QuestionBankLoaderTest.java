package dev.kmslab.study.quiz.load;

import static dev.kmslab.study.quiz.QuestionJson.file;
import static dev.kmslab.study.quiz.QuestionJson.single;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.study.quiz.Answer;
import dev.kmslab.study.quiz.Question;
import dev.kmslab.study.quiz.QuestionType;
import dev.kmslab.study.quiz.TrackCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuestionBankLoaderTest {

    private final QuestionBankLoader loader = new QuestionBankLoader(TrackCatalog.fromClasspath());

    @Test
    void goodFixtures_loadEveryTypeWithoutProblems() {
        LoadResult result = loader.loadClasspath(getClass().getClassLoader(), "quiz-fixtures/good");

        assertThat(result.problems()).isEmpty();
        assertThat(result.bank().all()).extracting(Question::id)
                .containsExactly("fx-single", "fx-multiple", "fx-ordering", "fx-matching");
        Question matching = result.bank().byId("fx-matching").orElseThrow();
        assertThat(matching.type()).isEqualTo(QuestionType.MATCHING);
        assertThat(matching.answer()).isEqualTo(new Answer.Matching(Map.of("a", "x", "b", "y", "c", "z")));
        assertThat(matching.domainFor("MLS")).contains("Machine Learning Implementation and Operations");
        assertThat(matching.source()).isEqualTo("quiz-fixtures/good/02-ml.json");
        assertThat(result.bank().byId("fx-multiple").orElseThrow().choose()).isEqualTo(2);
        assertThat(result.bank().byId("fx-single").orElseThrow().labId()).contains("cross-account");
        assertThat(result.bank().byId("fx-ordering").orElseThrow().answer())
                .isEqualTo(Answer.Ordering.of("a", "b", "c", "d"));
    }

    @Test
    void mixedFixtures_badFilesAndQuestionsReportedAndSkipped_restLoads() {
        LoadResult result = loader.loadClasspath(getClass().getClassLoader(), "quiz-fixtures/mixed");

        assertThat(result.bank().all()).extracting(Question::id).containsExactly("fx-single", "fx-multiple",
                "fx-still-good");
        assertThat(result.problems()).hasSize(3);
        LoadProblem syntax = result.problems().get(0);
        assertThat(syntax.file()).isEqualTo("quiz-fixtures/mixed/02-syntax.json");
        assertThat(syntax.line()).isEqualTo(4);
        assertThat(syntax.message()).startsWith("not valid JSON: Unexpected character");
        LoadProblem root = result.problems().get(1);
        assertThat(root.file()).endsWith("03-wrong-root.json");
        assertThat(root.message()).contains("expected an object {\"questions\": [ ... ]}");
        LoadProblem answer = result.problems().get(2);
        assertThat(answer).isEqualTo(new LoadProblem("quiz-fixtures/mixed/04-bad-question.json",
                "questions[0].answer[0]", 12, 14, "\"e\" is not an option id; expected one of [a, b]"));
        assertThat(answer.toString()).isEqualTo("quiz-fixtures/mixed/04-bad-question.json:12:14: "
                + "questions[0].answer[0]: \"e\" is not an option id; expected one of [a, b]");
    }

    @Test
    void instructorPack_loadsBesideBuiltIn_duplicateOfBuiltInIdRejected(@TempDir Path dataDir) throws IOException {
        Path packs = Files.createDirectories(dataDir.resolve("quizzes"));
        Files.write(packs.resolve("pack.json"), file("pack.json", single("pack-1"), single("pack-2")).content());
        Files.writeString(packs.resolve("notes.txt"), "not a bank", StandardCharsets.UTF_8);

        LoadResult first = loader.load(dataDir);
        assertThat(first.bank().byId("pack-1")).isPresent();
        assertThat(first.bank().byId("pack-1").orElseThrow().source()).endsWith("pack.json");

        // A second pack that reuses an id: the later question is rejected, the earlier one kept.
        Files.write(packs.resolve("zz-dup.json"),
                file("zz-dup.json", (com.fasterxml.jackson.databind.node.ObjectNode) single("pack-1")
                        .put("stem", "A different stem")).content());
        LoadResult second = loader.load(dataDir);
        assertThat(second.bank().size()).isEqualTo(first.bank().size());
        assertThat(second.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).endsWith("zz-dup.json");
            assertThat(p.path()).isEqualTo("questions[0].id");
            assertThat(p.message()).isEqualTo("duplicate id \"pack-1\" (already defined in " + packs.resolve("pack.json")
                    + "); the question was skipped");
        });
    }

    @Test
    void instructorPack_reusingABuiltInId_isRejected_builtInKept(@TempDir Path dataDir) throws IOException {
        QuestionBankLoader withFixtureBank = new QuestionBankLoader(TrackCatalog.fromClasspath(),
                getClass().getClassLoader(), "quiz-fixtures/good");
        Path packs = Files.createDirectories(dataDir.resolve("quizzes"));
        com.fasterxml.jackson.databind.node.ObjectNode clash = single("fx-single");
        Files.write(packs.resolve("pack.json"), file("pack.json", clash, single("pack-ok")).content());

        LoadResult result = withFixtureBank.load(dataDir);

        assertThat(result.bank().byId("fx-single").orElseThrow().source()).isEqualTo("quiz-fixtures/good/01-core.json");
        assertThat(result.bank().byId("pack-ok")).isPresent();
        assertThat(result.bank().size()).isEqualTo(5);
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(packs.resolve("pack.json").toString());
            assertThat(p.message()).isEqualTo("duplicate id \"fx-single\" (already defined in "
                    + "quiz-fixtures/good/01-core.json); the question was skipped");
        });
    }

    @Test
    void missingPackDirectory_isNotAProblem(@TempDir Path dataDir) {
        LoadResult result = loader.load(dataDir);
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void classpathInsideJar_isListedThroughTheJarUrl(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("bank.jar");
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            put(out, "content/tracks.json", "{}".getBytes(StandardCharsets.UTF_8));
            put(out, "bank/b.json", file("b", single("jar-b")).content());
            put(out, "bank/a.json", file("a", single("jar-a")).content());
            put(out, "bank/nested/c.json", file("c", single("jar-c")).content());
        }
        try (java.net.URLClassLoader cl = new java.net.URLClassLoader(new java.net.URL[]{jar.toUri().toURL()}, null)) {
            LoadResult result = loader.loadClasspath(cl, "bank");
            assertThat(result.problems()).isEmpty();
            assertThat(result.bank().all()).extracting(Question::id).containsExactly("jar-a", "jar-b");
        }
    }

    @Test
    void classpathInsideJarWithDirectoryEntries_isListedToo(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("bank.jar");
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.jar.JarEntry("bank/"));
            out.closeEntry();
            put(out, "bank/a.json", file("a", single("jar-a")).content());
        }
        try (java.net.URLClassLoader cl = new java.net.URLClassLoader(new java.net.URL[]{jar.toUri().toURL()}, null)) {
            assertThat(cl.getResource("bank/")).as("the directory entry is visible").isNotNull();
            LoadResult result = loader.loadClasspath(cl, "bank");
            assertThat(result.problems()).isEmpty();
            assertThat(result.bank().all()).extracting(Question::id).containsExactly("jar-a");
        }
    }

    @Test
    void builtInBank_listsTheQuizzesDirectory() {
        // The README in quizzes/ is not a bank file; whatever banks are merged must load without listing errors.
        LoadResult result = loader.loadBuiltIn();
        assertThat(result.problems()).noneMatch(p -> p.message().startsWith("cannot list"));
    }

    private static void put(java.util.jar.JarOutputStream out, String name, byte[] content) throws IOException {
        out.putNextEntry(new java.util.jar.JarEntry(name));
        out.write(content);
        out.closeEntry();
    }
}
