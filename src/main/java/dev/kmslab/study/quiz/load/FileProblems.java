package dev.kmslab.study.quiz.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonPointer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Problems found in one file, collected by JSON path and given line numbers only once the file is done. */
public final class FileProblems {

    private record Pending(JsonPath path, String message) {
    }

    private final String file;
    private final List<Pending> pending = new ArrayList<>();

    public FileProblems(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    public void add(JsonPath path, String message) {
        pending.add(new Pending(path, message));
    }

    public int count() {
        return pending.size();
    }

    public List<LoadProblem> resolve(byte[] content) {
        if (pending.isEmpty()) {
            return List.of();
        }
        Map<JsonPointer, JsonLocation> locations = LocationIndex.locate(content,
                pending.stream().map(p -> p.path().toPointer()).collect(Collectors.toSet()));
        List<LoadProblem> out = new ArrayList<>();
        for (Pending p : pending) {
            JsonLocation loc = locations.get(p.path().toPointer());
            int line = loc == null ? 0 : loc.getLineNr();
            int column = loc == null ? 0 : loc.getColumnNr();
            out.add(new LoadProblem(file, p.path().toString(), line, column, p.message()));
        }
        return out;
    }
}
