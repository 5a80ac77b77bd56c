package dev.kmslab.server.classroom;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A class roster ({@code serve --class roster.txt}): a UTF-8 text file with one student per line.
 *
 * <pre>
 * # Monday group: lines starting with # and blank lines are ignored
 * alice
 * bob        kms-readonly
 * carol.diaz kms-full
 * </pre>
 *
 * Each line is the student's name, which becomes their IAM user name, optionally followed (after spaces or a tab) by
 * the name of a {@link StudentPolicy} template that replaces the roster-wide {@code --student-policy} for that
 * student. A name is 1-64 characters of letters, digits and {@code + = , . @ _ -} (IAM's rule for user names); names
 * are compared ignoring case (IAM user names are unique regardless of case), so a name may appear only once. Every
 * problem is reported as {@code FILE:LINE: what is wrong} (the file as given), all of them at once.
 */
public record Roster(Path file, List<Student> students) {

    /** One roster line: the student's IAM user name and the policy template chosen on that line, if any. */
    public record Student(String name, Optional<StudentPolicy> policy, int line) {
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9+=,.@_-]{1,64}");

    public Roster {
        students = List.copyOf(students);
    }

    /** Reads and checks a roster file. @throws IllegalArgumentException listing every problem with its line */
    public static Roster read(Path file) throws IOException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + ": not UTF-8 text; save the roster as UTF-8", e);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such roster file", e);
        }
        return parse(file, text);
    }

    /** Parses roster text; {@code file} is only used to name the source in errors. */
    public static Roster parse(Path file, String text) {
        String source = file.toString();
        List<String> problems = new ArrayList<>();
        List<Student> students = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = lines[i].strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s+");
            String name = fields[0];
            if (fields.length > 2) {
                problems.add(source + ":" + number + ": expected a name and at most one policy template, found "
                        + fields.length + " words: '" + line + "'");
                continue;
            }
            if (!NAME.matcher(name).matches()) {
                problems.add(source + ":" + number + ": '" + name + "' is not a valid IAM user name (1-64 letters, "
                        + "digits and + = , . @ _ -)");
                continue;
            }
            Optional<StudentPolicy> policy = Optional.empty();
            if (fields.length == 2) {
                Optional<StudentPolicy> found = StudentPolicy.find(fields[1]);
                if (found.isEmpty()) {
                    problems.add(source + ":" + number + ": unknown policy template '" + fields[1] + "' (known: "
                            + StudentPolicy.names() + ")");
                    continue;
                }
                policy = found;
            }
            Integer earlier = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), number);
            if (earlier != null) {
                problems.add(source + ":" + number + ": student '" + name + "' is already on line " + earlier);
                continue;
            }
            students.add(new Student(name, policy, number));
        }
        if (problems.isEmpty() && students.isEmpty()) {
            problems.add(source + ": the roster names no students (one name per line)");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return new Roster(file, students);
    }
}
