package dev.kmslab.engine.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An audit file read back: the events of {@code <file>.1} (the rotated, older part) then of {@code <file>}, oldest
 * first, and what could not be read. Reading never fails on a bad line: a line cut off by a crash in the middle of a
 * write (a torn line: its JSON ends too soon), NUL bytes a crash left where a line should be, and a damaged line
 * are each reported with the file and line number and skipped, and the rest is read. Nothing is ever written to the
 * files here.
 *
 * @param events   the events read, oldest first (in the order they were written)
 * @param problems the lines skipped, in file order
 */
public record AuditTrail(List<AuditEvent> events, List<Problem> problems) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public AuditTrail {
        events = List.copyOf(events);
        problems = List.copyOf(problems);
    }

    /**
     * A line that was skipped.
     *
     * @param fileName the file's name ({@code audit.jsonl} or {@code audit.jsonl.1})
     * @param line     its line number, from 1
     * @param reason   what is wrong, naming the field where one is
     * @param torn     true for a line cut off by a crash (expected after a kill; not damage)
     * @param rotated  true when the line is in the rotated part {@code <file>.1}
     */
    public record Problem(String fileName, int line, String reason, boolean torn, boolean rotated) {

        /** One sentence for the learner, naming the file and the line. */
        public String message() {
            return torn ? fileName + " line " + line + " was cut off by a crash in the middle of a write (" + reason
                    + "); it was skipped."
                    : fileName + " line " + line + " is damaged (" + reason + "); it was skipped and the file is kept "
                    + "as it is.";
        }
    }

    /** True when a line other than a torn one was skipped. */
    public boolean damaged() {
        return problems.stream().anyMatch(p -> !p.torn());
    }

    /**
     * Reads the newest {@code max} lines of the audit file (with its rotated part when the file itself has fewer):
     * older lines are not read at all, so opening a lab with a long history costs no more than {@code max} events.
     * No file gives an empty trail.
     *
     * @throws IOException only when a file exists but cannot be read
     */
    public static AuditTrail read(Path file, int max) throws IOException {
        Path rotated = file.resolveSibling(file.getFileName() + ".1");
        List<Line> newer = lines(file, false);
        List<Line> all = newer;
        // A line per event: the newest max lines are the newest max events (skipped lines count against the bound).
        if (newer.size() < max) {
            all = new ArrayList<>(lines(rotated, true));
            all.addAll(newer);
        }
        List<AuditEvent> events = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        int from = Math.max(0, all.size() - max);
        for (Line line : all.subList(from, all.size())) {
            if (!line.complete) {
                problems.add(new Problem(line.fileName, line.number, "the line has no end", true, line.rotated));
                continue;
            }
            String text = line.text;
            if (text.indexOf('\0') >= 0) {
                // NUL bytes where a line should be: blocks a crash (power loss) left allocated but never filled.
                problems.add(new Problem(line.fileName, line.number, (text.length() - text.replace("\0", "").length())
                        + " bytes were never written", true, line.rotated));
                text = text.replace("\0", "").strip();
                if (text.isEmpty()) {
                    continue;
                }
            }
            try {
                events.add(AuditEventJson.fromNode(JSON.readTree(text)));
            } catch (IOException | IllegalArgumentException e) {
                // JSON that stops short (input ends inside a value or object) is a write cut off by a crash.
                boolean torn = stopsShort(text, e);
                problems.add(new Problem(line.fileName, line.number, torn ? "its JSON stops short"
                        : firstLine(e.getMessage()), torn, line.rotated));
            }
        }
        return new AuditTrail(events, problems);
    }

    private record Line(String fileName, int number, String text, boolean complete, boolean rotated) {
    }

    /** The non-blank lines of a file, numbered from 1; the last is incomplete when the file does not end a line. */
    private static List<Line> lines(Path file, boolean rotated) throws IOException {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        String name = file.getFileName().toString();
        List<Line> lines = new ArrayList<>();
        int start = 0;
        int number = 1;
        for (int i = 0; i <= raw.length; i++) {
            boolean end = i < raw.length && raw[i] == '\n';
            if (end || i == raw.length) {
                String text = new String(raw, start, i - start, StandardCharsets.UTF_8).strip();
                if (!text.isEmpty()) {
                    lines.add(new Line(name, number, text, end, rotated));
                }
                start = i + 1;
                number++;
            }
        }
        return lines;
    }

    /** Whether the parser failed because the input ended (inside a value, a name or an object), not on a wrong byte. */
    private static boolean stopsShort(String text, Exception e) {
        if (e instanceof JsonEOFException) {
            return true;
        }
        if (e instanceof JsonProcessingException parse) {
            String message = parse.getOriginalMessage();
            if (message != null && message.startsWith("Unexpected end-of-input")) {
                return true;
            }
            // Cut inside a literal: the parser names the partial token ("Unrecognized token 'nu'").
            int start = text.length();
            while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
                start--;
            }
            String tail = text.substring(start);
            return !tail.isEmpty() && ("null".startsWith(tail) || "true".startsWith(tail) || "false".startsWith(tail))
                    && !List.of("null", "true", "false").contains(tail);
        }
        return false;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "not an audit event";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
