package dev.kmslab.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmslab.study.quiz.Domain;
import dev.kmslab.study.quiz.QuestionJson;
import dev.kmslab.study.quiz.Track;
import dev.kmslab.study.quiz.TrackCatalog;
import dev.kmslab.study.quiz.load.BankFile;
import dev.kmslab.study.quiz.load.LoadResult;
import dev.kmslab.study.quiz.load.QuestionBankLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Loading and validating 1,000 questions (10 files of 100, all four types, every track) from a temp directory must
 * take at most 200 ms. Reports the median of 15 timed runs after 20 warm-up runs (steady state), and the cold first
 * run (class loading and interpreted code: what the app pays once at start-up, off the FX thread) as info.
 */
public final class QuizBenchmarks {

    private static final int QUESTIONS = 1000;
    private static final int PER_FILE = 100;

    private QuizBenchmarks() {
    }

    public static void main(String[] args) throws IOException {
        run();
    }

    public static void run() throws IOException {
        TrackCatalog catalog = TrackCatalog.fromClasspath();
        Path dir = Files.createTempDirectory("kmslab-quiz-bench");
        try {
            writeBank(catalog, dir);
            QuestionBankLoader loader = new QuestionBankLoader(catalog);
            double cold = timeMs(loader, dir);
            for (int i = 0; i < 20; i++) {
                timeMs(loader, dir);
            }
            double[] runs = new double[15];
            for (int i = 0; i < runs.length; i++) {
                runs[i] = timeMs(loader, dir);
            }
            Arrays.sort(runs);
            double median = runs[runs.length / 2];
            Bench.report("quiz.load_validate_1000", median, "ms", 200.0 / median, "target_200ms");
            Bench.info("quiz.load_validate_1000", String.format(java.util.Locale.ROOT,
                    "cold_first_run=%.2fms min=%.2fms max=%.2fms", cold, runs[0], runs[runs.length - 1]));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                    Files.delete(p);
                }
            }
        }
    }

    private static double timeMs(QuestionBankLoader loader, Path dir) throws IOException {
        long start = System.nanoTime();
        List<BankFile> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().collect(Collectors.toList())) {
                files.add(new BankFile(p.getFileName().toString(), Files.readAllBytes(p)));
            }
        }
        LoadResult result = loader.load(files);
        double ms = (System.nanoTime() - start) / 1e6;
        if (!result.clean() || result.bank().size() != QUESTIONS) {
            throw new IllegalStateException("benchmark bank did not load cleanly: " + result.problems());
        }
        return ms;
    }

    private static void writeBank(TrackCatalog catalog, Path dir) throws IOException {
        List<Track> tracks = catalog.tracks();
        for (int f = 0; f < QUESTIONS / PER_FILE; f++) {
            List<ObjectNode> qs = new ArrayList<>();
            for (int i = 0; i < PER_FILE; i++) {
                int n = f * PER_FILE + i;
                Track track = tracks.get(n % tracks.size());
                Domain domain = track.domains().get((n / tracks.size()) % track.domains().size());
                qs.add(question(n, track.id(), domain.name()));
            }
            Files.write(dir.resolve(String.format("bank-%02d.json", f)),
                    QuestionJson.file("bank", qs.toArray(new ObjectNode[0])).content());
        }
    }

    private static ObjectNode question(int n, String track, String domain) {
        String id = "bench-" + n;
        ObjectNode q;
        switch (n % 4) {
            case 0:
                q = QuestionJson.single(id);
                break;
            case 1:
                return QuestionJson.multiple(id, track, domain);
            case 2:
                q = QuestionJson.ordering(id);
                break;
            default:
                q = QuestionJson.matching(id);
        }
        return QuestionJson.forTrack(q, track, domain);
    }
}
