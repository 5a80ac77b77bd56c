package dev.kmslab.study.packs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kmslab.io.AtomicFile;
import dev.kmslab.study.labs.LabLoadResult;
import dev.kmslab.study.labs.LabLoader;
import dev.kmslab.study.quiz.TrackCatalog;
import dev.kmslab.study.quiz.load.BankFile;
import dev.kmslab.study.quiz.load.BankSources;
import dev.kmslab.study.quiz.load.LoadProblem;
import dev.kmslab.study.quiz.load.LoadResult;
import dev.kmslab.study.quiz.load.QuestionBankLoader;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Imports one question pack or lab file into the data directory, as an instructor would by copying it into
 * {@code <data dir>/quizzes/} or {@code <data dir>/labs/}. The kind is taken from the extension
 * ({@value #PACK_EXTENSION}, {@value #LAB_EXTENSION}); any other file (such as a {@code .json}) is recognised by its
 * content: an object with a {@code questions} array is a question pack, any other object a lab. The file must pass the
 * same validation the quiz and the Labs section apply, against the built-in content and the packs or labs already in
 * the data directory; a file with any problem is refused whole, with every problem as {@code file:line:column: ...}.
 * A valid file is written (atomically) as {@code <name>.json}, replacing an earlier import of the same name.
 */
public final class PackFileImporter {

    /** The extension of a question pack file (the desktop's file association registers it). */
    public static final String PACK_EXTENSION = ".kmslab-pack";
    /** The extension of a lab file. */
    public static final String LAB_EXTENSION = ".kmslab-lab";
    /** Larger files are refused unread: the biggest built-in bank file is a few hundred KiB. */
    public static final long MAX_BYTES = 4L * 1024 * 1024;
    private static final int PROBLEMS_SHOWN = 12;

    /** What a file was recognised as. */
    public enum Kind {
        QUESTION_PACK("question pack"), LAB("lab");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * A file that was imported.
     *
     * @param installedAs where it now is: {@code <data dir>/quizzes/<name>.json} or {@code <data dir>/labs/<name>.json}
     * @param questions   questions in the pack (0 for a lab)
     * @param labId       the lab's id (empty for a pack)
     * @param replaced    true when an earlier file of that name, with other content, was replaced
     */
    public record Imported(Kind kind, Path source, Path installedAs, int questions, String labId, String labTitle,
            boolean replaced) {
    }

    /** A file that cannot be imported; the message names the file and says what is wrong. */
    public static final class ImportException extends Exception {
        private static final long serialVersionUID = 1L;
        private final Path file;

        public ImportException(Path file, String message) {
            super(message);
            this.file = file;
        }

        public Path file() {
            return file;
        }
    }

    private final TrackCatalog tracks;
    private final QuestionBankLoader questions;
    private final LabLoader labs;
    private final ObjectMapper mapper = new ObjectMapper();

    public PackFileImporter(TrackCatalog tracks) {
        this(tracks, new QuestionBankLoader(tracks), new LabLoader(tracks));
    }

    PackFileImporter(TrackCatalog tracks, QuestionBankLoader questions, LabLoader labs) {
        this.tracks = Objects.requireNonNull(tracks, "tracks");
        this.questions = questions;
        this.labs = labs;
    }

    /** Validates {@code file} and copies it into {@code dataDir}; nothing is written when it has a problem. */
    public Imported importFile(Path file, Path dataDir) throws ImportException {
        Path source = file.toAbsolutePath().normalize();
        byte[] content = read(source);
        Kind kind = kind(source, content);
        String name = source.toString();
        Path folder = dataDir.resolve(kind == Kind.QUESTION_PACK ? QuestionBankLoader.BANK_DIR
                : LabLoader.INSTRUCTOR_DIR);
        Path target = folder.resolve(targetName(source));
        List<BankFile> others = existing(folder, target);
        int questionCount = 0;
        String labId = "";
        String labTitle = "";
        if (kind == Kind.QUESTION_PACK) {
            List<BankFile> files = new ArrayList<>(builtIn(QuestionBankLoader.BANK_DIR));
            files.addAll(others);
            files.add(new BankFile(name, content));
            LoadResult result = questions.load(files);
            refuseProblems(source, kind, result.problems());
            questionCount = (int) result.bank().all().stream()
                    .filter(q -> name.equals(q.source())).count();
            if (questionCount == 0) {
                throw new ImportException(source, name + ": this question pack has no questions.");
            }
        } else {
            List<BankFile> files = new ArrayList<>(builtIn(LabLoader.BUILT_IN_DIR));
            files.addAll(others);
            files.add(new BankFile(name, content));
            LabLoadResult result = labs.load(files);
            refuseProblems(source, kind, result.problems());
            labId = json(source, content).path("id").asText();
            labTitle = result.catalogue().lab(labId).map(l -> l.title()).orElse(labId);
        }
        boolean replaced = false;
        if (!source.equals(target.toAbsolutePath().normalize())) {
            try {
                replaced = Files.exists(target) && !Arrays.equals(Files.readAllBytes(target), content);
                Files.createDirectories(folder);
                AtomicFile.write(target, content);
            } catch (IOException e) {
                throw new ImportException(source, name + ": the " + kind.label() + " is valid but could not be "
                        + "copied to " + target + ": " + e.getMessage());
            }
        }
        return new Imported(kind, source, target, questionCount, labId, labTitle, replaced);
    }

    /** {@code <name>.json}: the file's name without its extension, kept to letters, digits, '.', '-' and '_'. */
    static String targetName(Path source) {
        String name = source.getFileName().toString();
        for (String extension : List.of(PACK_EXTENSION, LAB_EXTENSION, ".json")) {
            if (name.toLowerCase(Locale.ROOT).endsWith(extension) && name.length() > extension.length()) {
                name = name.substring(0, name.length() - extension.length());
                break;
            }
        }
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("^[.-]+", "");
        return (safe.isEmpty() ? "imported" : safe) + ".json";
    }

    private static byte[] read(Path source) throws ImportException {
        String name = source.toString();
        try {
            if (Files.isDirectory(source)) {
                throw new ImportException(source, name + ": this is a folder, not a question pack or lab file.");
            }
            long size = Files.size(source);
            if (size > MAX_BYTES) {
                throw new ImportException(source, name + ": the file is " + size + " bytes; a question pack or lab "
                        + "file is at most " + MAX_BYTES + " bytes.");
            }
            return Files.readAllBytes(source);
        } catch (NoSuchFileException e) {
            throw new ImportException(source, name + ": no such file.");
        } catch (IOException e) {
            throw new ImportException(source, name + ": the file cannot be read: " + e.getMessage());
        }
    }

    private Kind kind(Path source, byte[] content) throws ImportException {
        String lower = source.getFileName().toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(PACK_EXTENSION)) {
            return Kind.QUESTION_PACK;
        }
        if (lower.endsWith(LAB_EXTENSION)) {
            return Kind.LAB;
        }
        JsonNode root = json(source, content);
        if (!root.isObject()) {
            throw new ImportException(source, source + ": expected a question pack {\"questions\": [ ... ]} or a lab "
                    + "{\"id\": ..., \"title\": ...}, found JSON that is not an object.");
        }
        return root.has("questions") ? Kind.QUESTION_PACK : Kind.LAB;
    }

    private JsonNode json(Path source, byte[] content) throws ImportException {
        try {
            JsonNode root = mapper.readTree(content);
            if (root == null) {
                throw new ImportException(source, source + ": the file is empty; expected a question pack "
                        + "{\"questions\": [ ... ]} or a lab {\"id\": ..., \"title\": ...}.");
            }
            return root;
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new ImportException(source, source + (at == null ? "" : ":" + at.getLineNr() + ":"
                    + at.getColumnNr()) + ": not valid JSON (" + e.getOriginalMessage() + "); a question pack or "
                    + "lab file is JSON.");
        } catch (IOException e) {
            throw new ImportException(source, source + ": the file cannot be read: " + e.getMessage());
        }
    }

    private static void refuseProblems(Path source, Kind kind, List<LoadProblem> problems) throws ImportException {
        List<String> ours = problems.stream().filter(p -> p.file().equals(source.toString()))
                .map(LoadProblem::toString).collect(Collectors.toList());
        if (ours.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder(source + ": this " + kind.label() + " has " + ours.size()
                + (ours.size() == 1 ? " problem" : " problems") + " and was not imported:");
        ours.stream().limit(PROBLEMS_SHOWN).forEach(p -> text.append('\n').append(p));
        if (ours.size() > PROBLEMS_SHOWN) {
            text.append("\n... and ").append(ours.size() - PROBLEMS_SHOWN).append(" more");
        }
        throw new ImportException(source, text.toString());
    }

    private List<BankFile> builtIn(String dir) throws ImportException {
        try {
            return BankSources.classpath(PackFileImporter.class.getClassLoader(), dir, TrackCatalog.RESOURCE);
        } catch (IOException e) {
            throw new ImportException(Path.of(dir), "The built-in content in " + dir + " cannot be read: " + e);
        }
    }

    /** The files already in {@code folder}, except the one about to be replaced (their ids must not clash). */
    private static List<BankFile> existing(Path folder, Path target) {
        try {
            return BankSources.directory(folder, folder.toString() + File.separator).stream()
                    .filter(f -> !f.name().equals(target.toString()))
                    .collect(Collectors.toList());
        } catch (IOException e) {
            return List.of(); // an unreadable folder is reported when the section loads it
        }
    }

    TrackCatalog tracks() {
        return tracks;
    }
}
