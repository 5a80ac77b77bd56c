package dev.kmslab.study.packs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmslab.study.labs.LabLoader;
import dev.kmslab.study.packs.PackFileImporter.ImportException;
import dev.kmslab.study.packs.PackFileImporter.Imported;
import dev.kmslab.study.packs.PackFileImporter.Kind;
import dev.kmslab.study.quiz.QuestionJson;
import dev.kmslab.study.quiz.TrackCatalog;
import dev.kmslab.study.quiz.load.QuestionBankLoader;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackFileImporterTest {

    private static final TrackCatalog TRACKS = TrackCatalog.fromClasspath();

    @TempDir
    Path home;
    @TempDir
    Path data;

    private final PackFileImporter importer = new PackFileImporter(TRACKS);

    /** A lab as an instructor would write one: a built-in lab under a new id. */
    static byte[] labJson(String id) throws Exception {
        try (InputStream in = PackFileImporter.class.getClassLoader()
                .getResourceAsStream("content/labs/automatic-rotation-period.json")) {
            ObjectNode lab = (ObjectNode) QuestionJson.MAPPER.readTree(in);
            lab.put("id", id);
            lab.put("title", "Our own rotation lab");
            return QuestionJson.pretty(lab);
        }
    }

    static byte[] packJson(String... ids) {
        ObjectNode[] questions = new ObjectNode[ids.length];
        for (int i = 0; i < ids.length; i++) {
            questions[i] = QuestionJson.single(ids[i]);
        }
        return QuestionJson.file("x", questions).content();
    }

    @Test
    void aPackFile_isValidated_andCopiedIntoTheQuizzesFolderAsJson_whereTheQuizLoadsIt() throws Exception {
        Path pack = Files.write(home.resolve("Week 3 quiz.kmslab-pack"), packJson("wk3-1", "wk3-2"));
        Imported imported = importer.importFile(pack, data);
        assertThat(imported.kind()).isEqualTo(Kind.QUESTION_PACK);
        assertThat(imported.questions()).isEqualTo(2);
        assertThat(imported.installedAs()).isEqualTo(data.resolve("quizzes/Week-3-quiz.json"));
        assertThat(imported.replaced()).isFalse();
        assertThat(Files.readAllBytes(imported.installedAs())).isEqualTo(Files.readAllBytes(pack));
        var loaded = new QuestionBankLoader(TRACKS).load(data);
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.bank().byId("wk3-1")).isPresent();
        // Opening the same file again changes nothing; a new version of it replaces the copy.
        assertThat(importer.importFile(pack, data).replaced()).isFalse();
        Files.write(pack, packJson("wk3-1", "wk3-2", "wk3-3"));
        Imported again = importer.importFile(pack, data);
        assertThat(again.replaced()).isTrue();
        assertThat(again.questions()).isEqualTo(3);
        assertThat(Files.list(data.resolve("quizzes"))).hasSize(1);
    }

    @Test
    void aJsonFile_isRecognisedByItsContent_asAPackOrALab() throws Exception {
        Imported pack = importer.importFile(Files.write(home.resolve("pack.json"), packJson("j-1")), data);
        assertThat(pack.kind()).isEqualTo(Kind.QUESTION_PACK);
        assertThat(pack.installedAs()).isEqualTo(data.resolve("quizzes/pack.json"));
        Imported lab = importer.importFile(Files.write(home.resolve("our-lab.json"), labJson("our-rotation")), data);
        assertThat(lab.kind()).isEqualTo(Kind.LAB);
        assertThat(lab.labId()).isEqualTo("our-rotation");
        assertThat(lab.labTitle()).isEqualTo("Our own rotation lab");
        assertThat(lab.installedAs()).isEqualTo(data.resolve("labs/our-lab.json"));
        var labs = new LabLoader(TRACKS).load(data);
        assertThat(labs.problems()).isEmpty();
        assertThat(labs.catalogue().lab("our-rotation")).isPresent();
    }

    @Test
    void aLabFile_isALabWhateverItsContent() throws Exception {
        Path file = Files.write(home.resolve("rotation.kmslab-lab"), labJson("rotation-2"));
        Imported lab = importer.importFile(file, data);
        assertThat(lab.kind()).isEqualTo(Kind.LAB);
        assertThat(lab.installedAs()).isEqualTo(data.resolve("labs/rotation.json"));
        // A pack given the lab extension is checked as a lab, and refused as one.
        Path wrong = Files.write(home.resolve("wrong.kmslab-lab"), packJson("w-1"));
        assertThatThrownBy(() -> importer.importFile(wrong, data)).isInstanceOf(ImportException.class)
                .hasMessageStartingWith(wrong + ": this lab has ").hasMessageContaining("was not imported");
        assertThat(data.resolve("labs/wrong.json")).doesNotExist();
    }

    @Test
    void badFiles_areRefusedWithTheFileAndWhatIsWrong_andNothingIsCopied() throws Exception {
        Path missing = home.resolve("gone.kmslab-pack");
        assertThatThrownBy(() -> importer.importFile(missing, data))
                .hasMessage(missing + ": no such file.");
        Path typo = Files.writeString(home.resolve("typo.kmslab-pack"), "{\"questions\": [\n  {\"id\": \"x\",}\n]}");
        assertThatThrownBy(() -> importer.importFile(typo, data))
                .hasMessageStartingWith(typo + ": this question pack has 1 problem and was not imported:\n" + typo
                        + ":2:")
                .hasMessageContaining("not valid JSON");
        ObjectNode noAnswer = QuestionJson.single("bad-1");
        noAnswer.remove("answer");
        Path invalid = Files.write(home.resolve("invalid.kmslab-pack"),
                QuestionJson.file("x", QuestionJson.single("good-1"), noAnswer).content());
        assertThatThrownBy(() -> importer.importFile(invalid, data)).isInstanceOf(ImportException.class)
                .hasMessageStartingWith(invalid + ": this question pack has ")
                .hasMessageContaining("questions[1]").hasMessageContaining("answer");
        Path empty = Files.write(home.resolve("empty.kmslab-pack"), packJson());
        assertThatThrownBy(() -> importer.importFile(empty, data))
                .hasMessage(empty + ": this question pack has no questions.");
        Path text = Files.writeString(home.resolve("notes.txt"), "hello");
        assertThatThrownBy(() -> importer.importFile(text, data))
                .hasMessageStartingWith(text + ":1:1: not valid JSON");
        Path array = Files.writeString(home.resolve("list.json"), "[1, 2]");
        assertThatThrownBy(() -> importer.importFile(array, data))
                .hasMessageContaining(array + ": expected a question pack {\"questions\": [ ... ]} or a lab");
        assertThatThrownBy(() -> importer.importFile(home, data))
                .hasMessage(home + ": this is a folder, not a question pack or lab file.");
        Path big = home.resolve("big.kmslab-pack");
        try (var out = Files.newOutputStream(big)) {
            out.write(new byte[(int) PackFileImporter.MAX_BYTES + 1]);
        }
        assertThatThrownBy(() -> importer.importFile(big, data)).hasMessageContaining("at most 4194304 bytes");
        assertThat(data.resolve("quizzes")).doesNotExist();
        assertThat(data.resolve("labs")).doesNotExist();
    }

    @Test
    void aQuestionIdAlreadyUsed_byTheBuiltInBankOrAnotherPack_isRefused() throws Exception {
        Files.write(home.resolve("first.kmslab-pack"), packJson("shared-1"));
        importer.importFile(home.resolve("first.kmslab-pack"), data);
        Path second = Files.write(home.resolve("second.kmslab-pack"), packJson("shared-1"));
        assertThatThrownBy(() -> importer.importFile(second, data))
                .hasMessageStartingWith(second + ": this question pack has 1 problem")
                .hasMessageContaining("shared-1");
        Path lab = Files.write(home.resolve("clash.kmslab-lab"), labJson("automatic-rotation-period"));
        assertThatThrownBy(() -> importer.importFile(lab, data))
                .hasMessageContaining("duplicate lab id \"automatic-rotation-period\"");
    }

    @Test
    void theCopysNameKeepsOnlySafeCharacters() {
        assertThat(PackFileImporter.targetName(Path.of("/x/KMS week 1 (v2).kmslab-pack")))
                .isEqualTo("KMS-week-1--v2-.json");
        assertThat(PackFileImporter.targetName(Path.of("/x/.kmslab-lab"))).isEqualTo("kmslab-lab.json");
        assertThat(PackFileImporter.targetName(Path.of("/x/../..json"))).isEqualTo("imported.json");
        assertThat(PackFileImporter.targetName(Path.of("/x/labs.JSON"))).isEqualTo("labs.json");
    }
}
