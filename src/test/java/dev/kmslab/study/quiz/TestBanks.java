package dev.kmslab.study.quiz;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmslab.study.quiz.load.LoadResult;
import dev.kmslab.study.quiz.load.QuestionBankLoader;
import java.util.ArrayList;
import java.util.List;

/** Small banks built from valid generated questions. */
public final class TestBanks {

    public static final TrackCatalog CATALOG = TrackCatalog.fromClasspath();

    private TestBanks() {
    }

    public static QuestionBank of(ObjectNode... questions) {
        LoadResult r = new QuestionBankLoader(CATALOG).load(List.of(QuestionJson.file("test.json", questions)));
        if (!r.clean()) {
            throw new IllegalStateException(r.problems().toString());
        }
        return r.bank();
    }

    /** {@code perDomain[i]} single-answer questions in the i-th domain of {@code trackId}, ids {@code <track>-d<i>-<n>}. */
    public static QuestionBank track(String trackId, int... perDomain) {
        List<ObjectNode> qs = new ArrayList<>();
        List<Domain> domains = CATALOG.requireTrack(trackId).domains();
        for (int d = 0; d < perDomain.length; d++) {
            for (int n = 0; n < perDomain[d]; n++) {
                qs.add(QuestionJson.forTrack(QuestionJson.single(trackId.toLowerCase(java.util.Locale.ROOT) + "-d" + d
                        + "-" + n), trackId, domains.get(d).name()));
            }
        }
        return of(qs.toArray(new ObjectNode[0]));
    }

    /** {@code perDomain[i]} single-answer SAA questions in the i-th SAA domain, ids {@code d<i>-<n>}. */
    public static QuestionBank saa(int... perDomain) {
        List<ObjectNode> qs = new ArrayList<>();
        List<Domain> domains = CATALOG.requireTrack("SAA").domains();
        for (int d = 0; d < perDomain.length; d++) {
            for (int n = 0; n < perDomain[d]; n++) {
                qs.add(QuestionJson.forTrack(QuestionJson.single("d" + d + "-" + n), "SAA", domains.get(d).name()));
            }
        }
        return of(qs.toArray(new ObjectNode[0]));
    }
}
