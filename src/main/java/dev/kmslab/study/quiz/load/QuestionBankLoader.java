package dev.kmslab.study.quiz.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kmslab.study.quiz.Question;
import dev.kmslab.study.quiz.QuestionBank;
import dev.kmslab.study.quiz.TrackCatalog;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Loads the built-in bank ({@code quizzes/*.json} on the classpath) and instructor packs
 * ({@code <data dir>/quizzes/*.json}) with the same validation. A file that is not valid JSON or lacks the
 * {@code questions} array is reported and skipped; a question with problems is reported and skipped; everything else
 * loads. Built-in files load first, so a pack cannot replace a built-in question by reusing its id.
 */
public final class QuestionBankLoader {

    public static final String BANK_DIR = "quizzes";

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final TrackCatalog catalog;
    private final ClassLoader builtInLoader;
    private final String builtInDir;
    private final ObjectMapper mapper = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    public QuestionBankLoader(TrackCatalog catalog) {
        this(catalog, QuestionBankLoader.class.getClassLoader(), BANK_DIR);
    }

    /** A loader whose built-in bank is {@code builtInDir} on the given class loader (tests use fixtures). */
    public QuestionBankLoader(TrackCatalog catalog, ClassLoader builtInLoader, String builtInDir) {
        this.catalog = catalog;
        this.builtInLoader = builtInLoader;
        this.builtInDir = builtInDir;
    }

    /** Built-in bank plus the instructor packs in {@code dataDir/quizzes}. */
    public LoadResult load(Path dataDir) {
        List<BankFile> files = new ArrayList<>();
        List<LoadProblem> problems = new ArrayList<>();
        files.addAll(builtInFiles(problems));
        Path packs = dataDir.resolve(BANK_DIR);
        try {
            files.addAll(BankSources.directory(packs, packs.toString() + File.separator));
        } catch (IOException e) {
            problems.add(new LoadProblem(packs.toString(), "", 0, 0, "cannot read instructor packs: " + e));
        }
        return load(files, problems);
    }

    /** Only the built-in bank. */
    public LoadResult loadBuiltIn() {
        List<LoadProblem> problems = new ArrayList<>();
        return load(builtInFiles(problems), problems);
    }

    /** Every {@code *.json} under a classpath directory, e.g. test fixtures. */
    public LoadResult loadClasspath(ClassLoader loader, String dir) {
        try {
            return load(BankSources.classpath(loader, dir, TrackCatalog.RESOURCE));
        } catch (IOException e) {
            return new LoadResult(new QuestionBank(catalog, List.of()),
                    List.of(new LoadProblem(dir, "", 0, 0, "cannot list question files: " + e)));
        }
    }

    public LoadResult load(List<BankFile> files) {
        return load(files, new ArrayList<>());
    }

    private List<BankFile> builtInFiles(List<LoadProblem> problems) {
        try {
            return BankSources.classpath(builtInLoader, builtInDir, TrackCatalog.RESOURCE);
        } catch (IOException e) {
            problems.add(new LoadProblem(builtInDir, "", 0, 0, "cannot list the built-in question bank: " + e));
            return List.of();
        }
    }

    private LoadResult load(List<BankFile> files, List<LoadProblem> problems) {
        QuestionReader reader = new QuestionReader(catalog);
        Map<String, String> idSources = new HashMap<>();
        Map<String, String> stemIds = new HashMap<>();
        List<Question> questions = new ArrayList<>();
        for (BankFile file : files) {
            FileProblems fileProblems = new FileProblems(file.name());
            Optional<JsonNode> array = questionsArray(file, fileProblems, problems);
            if (array.isEmpty()) {
                continue;
            }
            JsonPath qp = JsonPath.root().field("questions");
            for (int i = 0; i < array.get().size(); i++) {
                JsonPath at = qp.index(i);
                reader.read(array.get().get(i), at, file.name(), fileProblems)
                        .filter(q -> unique(q, at, idSources, stemIds, fileProblems))
                        .ifPresent(questions::add);
            }
            problems.addAll(fileProblems.resolve(file.content()));
        }
        return new LoadResult(new QuestionBank(catalog, questions), problems);
    }

    private Optional<JsonNode> questionsArray(BankFile file, FileProblems fileProblems, List<LoadProblem> problems) {
        JsonNode root;
        try {
            root = mapper.readTree(file.content());
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            problems.add(new LoadProblem(file.name(), "", loc == null ? 0 : loc.getLineNr(),
                    loc == null ? 0 : loc.getColumnNr(), "not valid JSON: " + e.getOriginalMessage()));
            return Optional.empty();
        } catch (IOException e) {
            problems.add(new LoadProblem(file.name(), "", 0, 0, "cannot read: " + e.getMessage()));
            return Optional.empty();
        }
        if (root == null || !root.isObject() || !root.path("questions").isArray()) {
            problems.add(new LoadProblem(file.name(), "", 1, 1,
                    "expected an object {\"questions\": [ ... ]}; the file was skipped"));
            return Optional.empty();
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!name.equals("questions")) {
                fileProblems.add(JsonPath.root().field(name), "unknown top-level field; expected only \"questions\"");
            }
        }
        return Optional.of(root.get("questions"));
    }

    private static boolean unique(Question q, JsonPath at, Map<String, String> idSources, Map<String, String> stemIds,
                                  FileProblems problems) {
        String earlier = idSources.putIfAbsent(q.id(), q.source());
        if (earlier != null) {
            problems.add(at.field("id"), "duplicate id \"" + q.id() + "\" (already defined in " + earlier
                    + "); the question was skipped");
            return false;
        }
        String stem = normalise(q.stem());
        String sameStem = stemIds.putIfAbsent(stem, q.id());
        if (sameStem != null) {
            idSources.remove(q.id());
            problems.add(at.field("stem"), "same stem as question \"" + sameStem + "\"; the question was skipped");
            return false;
        }
        return true;
    }

    private static String normalise(String stem) {
        return SPACES.matcher(stem.trim()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }
}
