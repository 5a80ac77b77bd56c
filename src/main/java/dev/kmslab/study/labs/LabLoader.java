package dev.kmslab.study.labs;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kmslab.study.quiz.TrackCatalog;
import dev.kmslab.study.quiz.load.BankFile;
import dev.kmslab.study.quiz.load.BankSources;
import dev.kmslab.study.quiz.load.FileProblems;
import dev.kmslab.study.quiz.load.LoadProblem;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads the built-in labs ({@code content/labs/*.json} on the classpath) and instructors' labs
 * ({@code <data dir>/labs/*.json}) with the same validation, the way the question banks load: every problem is
 * reported as {@code file:line:column: field: what was expected}, a file with problems is skipped whole, the rest
 * loads. Built-in labs load first, so an instructor's lab cannot replace one by reusing its id.
 */
public final class LabLoader {

    public static final String BUILT_IN_DIR = "content/labs";
    /** The folder under the data directory that instructors put their labs in. */
    public static final String INSTRUCTOR_DIR = "labs";
    static final String CONCEPT_INDEX = "content/concepts/index.json";

    private final TrackCatalog tracks;
    private final Set<String> conceptIds;
    private final ObjectMapper mapper = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    public LabLoader(TrackCatalog tracks) {
        this(tracks, conceptIdsFromClasspath());
    }

    /** @param conceptIds the concept page ids a lab may name; empty accepts any */
    public LabLoader(TrackCatalog tracks, Set<String> conceptIds) {
        this.tracks = tracks;
        this.conceptIds = Set.copyOf(conceptIds);
    }

    /** Built-in labs plus the instructors' labs in {@code dataDir/labs}. */
    public LabLoadResult load(Path dataDir) {
        List<LoadProblem> problems = new ArrayList<>();
        List<BankFile> files = new ArrayList<>(builtInFiles(problems));
        Path dir = dataDir.resolve(INSTRUCTOR_DIR);
        try {
            files.addAll(BankSources.directory(dir, dir.toString() + File.separator));
        } catch (IOException e) {
            problems.add(new LoadProblem(dir.toString(), "", 0, 0, "cannot read instructors' labs: " + e));
        }
        return load(files, problems);
    }

    public LabLoadResult loadBuiltIn() {
        List<LoadProblem> problems = new ArrayList<>();
        return load(builtInFiles(problems), problems);
    }

    public LabLoadResult load(List<BankFile> files) {
        return load(files, new ArrayList<>());
    }

    private List<BankFile> builtInFiles(List<LoadProblem> problems) {
        try {
            return BankSources.classpath(LabLoader.class.getClassLoader(), BUILT_IN_DIR, TrackCatalog.RESOURCE);
        } catch (IOException e) {
            problems.add(new LoadProblem(BUILT_IN_DIR, "", 0, 0, "cannot list the built-in labs: " + e));
            return List.of();
        }
    }

    private LabLoadResult load(List<BankFile> files, List<LoadProblem> problems) {
        List<Lab> labs = new ArrayList<>();
        Map<String, String> idSources = new HashMap<>();
        for (BankFile file : files) {
            FileProblems fileProblems = new FileProblems(file.name());
            Optional<JsonNode> root = parse(file, problems);
            if (root.isEmpty()) {
                continue;
            }
            Optional<Lab> lab = new LabReader(tracks, conceptIds, fileProblems, file.name()).read(root.get());
            if (lab.isPresent()) {
                String earlier = idSources.putIfAbsent(lab.get().id(), file.name());
                if (earlier != null) {
                    fileProblems.add(dev.kmslab.study.quiz.load.JsonPath.root().field("id"), "duplicate lab id \""
                            + lab.get().id() + "\" (already defined in " + earlier + ")");
                }
            }
            if (fileProblems.count() > 0) {
                problems.addAll(fileProblems.resolve(file.content()));
                problems.add(new LoadProblem(file.name(), "", 0, 0, "the lab was skipped; fix the problems above"));
            } else {
                lab.ifPresent(labs::add);
            }
        }
        return new LabLoadResult(new LabCatalogue(labs), problems);
    }

    private Optional<JsonNode> parse(BankFile file, List<LoadProblem> problems) {
        try {
            JsonNode root = mapper.readTree(file.content());
            if (root == null || !root.isObject()) {
                problems.add(new LoadProblem(file.name(), "", 1, 1, "expected one lab as a JSON object "
                        + "{\"id\": ..., \"title\": ...}; the file was skipped"));
                return Optional.empty();
            }
            return Optional.of(root);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            problems.add(new LoadProblem(file.name(), "", loc == null ? 0 : loc.getLineNr(),
                    loc == null ? 0 : loc.getColumnNr(), "not valid JSON: " + e.getOriginalMessage()
                    + "; the file was skipped"));
        } catch (IOException e) {
            problems.add(new LoadProblem(file.name(), "", 0, 0, "cannot read: " + e.getMessage()));
        }
        return Optional.empty();
    }

    private static Set<String> conceptIdsFromClasspath() {
        try (InputStream in = LabLoader.class.getClassLoader().getResourceAsStream(CONCEPT_INDEX)) {
            if (in == null) {
                return Set.of();
            }
            Set<String> ids = new HashSet<>();
            new ObjectMapper().readTree(in).path("concepts").forEach(c -> ids.add(c.path("id").asText()));
            return ids;
        } catch (IOException e) {
            return Set.of();
        }
    }
}
