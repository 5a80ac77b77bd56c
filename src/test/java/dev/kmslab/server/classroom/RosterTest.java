package dev.kmslab.server.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RosterTest {

    @TempDir
    Path temp;

    @Test
    void readsOneStudentPerLine_skippingCommentsAndBlankLines_withOptionalPolicy() throws Exception {
        Path file = Files.writeString(temp.resolve("roster.txt"), "\uFEFF# Monday group\nalice\n\n  bob\tkms-readonly\n"
                + "carol.diaz   KMS-FULL   \r\n");

        Roster roster = Roster.read(file);

        assertThat(roster.students()).containsExactly(
                new Roster.Student("alice", Optional.empty(), 2),
                new Roster.Student("bob", Optional.of(StudentPolicy.KMS_READONLY), 4),
                new Roster.Student("carol.diaz", Optional.of(StudentPolicy.KMS_FULL), 5));
    }

    @Test
    void everyProblemIsReportedWithFileAndLine() {
        assertThatThrownBy(() -> Roster.parse(Path.of("/class/roster.txt"), """
                alice
                bob smith kms-full
                d@vid!
                eve kms-admin
                ALICE
                """)).isInstanceOf(IllegalArgumentException.class).hasMessage("""
                /class/roster.txt:2: expected a name and at most one policy template, found 3 words: 'bob smith kms-full'
                /class/roster.txt:3: 'd@vid!' is not a valid IAM user name (1-64 letters, digits and + = , . @ _ -)
                /class/roster.txt:4: unknown policy template 'kms-admin' (known: kms-student, kms-readonly, kms-full, none)
                /class/roster.txt:5: student 'ALICE' is already on line 1""");
    }

    @Test
    void anEmptyRosterOrAMissingFile_isAnError() {
        assertThatThrownBy(() -> Roster.parse(Path.of("roster.txt"), "# nobody yet\n\n"))
                .hasMessage("roster.txt: the roster names no students (one name per line)");
        Path missing = temp.resolve("nope.txt");
        assertThatThrownBy(() -> Roster.read(missing)).hasMessage(missing + ": no such roster file");
    }

    @Test
    void aNameLongerThanIamAllows_isRefused() {
        String name = "a".repeat(65);
        assertThatThrownBy(() -> Roster.parse(Path.of("r.txt"), name))
                .hasMessageStartingWith("r.txt:1: '" + name + "' is not a valid IAM user name");
    }
}
