package dev.kmslab.study.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContentSearchTest {

    private final StudyContent content = new StudyContent("# Overview", List.of(), List.of(),
            List.of(new Concept("key-rotation", "Key rotation", "r.md", "New key material each year", List.of())),
            Map.of("key-rotation", "# Key rotation\n\nRotation keeps **old material** so old ciphertext decrypts."),
            List.of(new ServiceEntry("s3", "Amazon S3", "SSE-KMS · Bucket Keys", "Objects", "Bucket Keys cut requests",
                    List.of("GenerateDataKey"), List.of("SAA"), List.of(), "", null)),
            List.of(new Checklist("SAA", "SAA", "", List.of(new Checklist.Group("Design Secure Architectures",
                    List.of(new Checklist.Item("saa-1", "Enable rotation for customer managed keys",
                            "Automatic rotation every 90 to 2560 days", "key-rotation")))))),
            List.of());

    @Test
    void findsConceptsServicesAndChecklistItems_moreMentionsFirstAmongTitleMatches() {
        List<ContentSearch.Hit> hits = new ContentSearch(content).search("rotation", 10);
        assertThat(hits).extracting(ContentSearch.Hit::kind)
                .containsExactly(ContentSearch.Kind.CONCEPT, ContentSearch.Kind.CHECKLIST_ITEM);
        assertThat(hits.get(0).id()).isEqualTo("key-rotation");
        assertThat(hits.get(1).context()).isEqualTo("SAA checklist");
    }

    @Test
    void aTitleMatchRanksAboveAnyAmountOfBodyText_andLabsFlowsAndQuestionsAreFound() {
        List<ContentSearch.Entry> more = List.of(
                new ContentSearch.Entry(ContentSearch.Kind.QUESTION, "q-1",
                        "A company must rotate keys yearly. Which rotation setting…", "Quiz question · SAA",
                        "A company must rotate keys yearly. Which rotation setting meets it? rotation rotation "
                                + "rotation rotation rotation rotation", false),
                new ContentSearch.Entry(ContentSearch.Kind.FLOW, "rotation", "Key rotation", "Flow",
                        "Rotate on demand and watch old ciphertext decrypt"),
                new ContentSearch.Entry(ContentSearch.Kind.LAB, "rotation-lab", "Rotation periods and on-demand rotation",
                        "Lab · SCS", "Turn on automatic rotation with a 180-day period, then rotate on demand."));
        List<ContentSearch.Hit> hits = new ContentSearch(content, more).search("rotation", 10);
        // Every title holding the word comes first (one starting with it first of all, then by mentions, then by
        // title); the question, whose only title is its stem, comes last although its text says "rotation" 7 times.
        assertThat(hits).extracting(ContentSearch.Hit::id)
                .containsExactly("rotation-lab", "key-rotation", "saa-1", "rotation", "q-1");
        assertThat(hits.get(hits.size() - 1).kind()).isEqualTo(ContentSearch.Kind.QUESTION);
        assertThat(new ContentSearch(content, more).search("on demand", 10)).extracting(ContentSearch.Hit::kind)
                .containsExactly(ContentSearch.Kind.LAB, ContentSearch.Kind.FLOW);
    }

    @Test
    void theMatchIsMarkedInTitleAndSnippet_everyWordCaseInsensitively() {
        ContentSearch.Hit hit = new ContentSearch(content).search("OLD ciphertext", 10).get(0);
        assertThat(hit.snippet())
                .isEqualTo("…l each year Key rotation Rotation keeps old material so old ciphertext decrypts.");
        assertThat(hit.snippetMatches()).containsExactly(new ContentSearch.Match(41, 44),
                new ContentSearch.Match(57, 60), new ContentSearch.Match(61, 71));
        assertThat(hit.snippetMatches()).extracting(m -> hit.snippet().substring(m.start(), m.end()))
                .containsExactly("old", "old", "ciphertext");
        ContentSearch.Hit titled = new ContentSearch(content).search("rotation", 10).get(0);
        assertThat(titled.titleMatches()).extracting(m -> titled.title().substring(m.start(), m.end()))
                .containsExactly("rotation");
    }

    @Test
    void overlappingMatchesMerge() {
        assertThat(ContentSearch.matches("Encryption context", new String[] {"encrypt", "cryption con"}))
                .containsExactly(new ContentSearch.Match(0, 14));
    }

    @Test
    void everyWordMustMatch_caseInsensitively() {
        ContentSearch search = new ContentSearch(content);
        assertThat(search.search("BUCKET keys", 10)).extracting(ContentSearch.Hit::id).containsExactly("s3");
        assertThat(search.search("bucket rotation", 10)).isEmpty();
        assertThat(search.search("   ", 10)).isEmpty();
    }

    @Test
    void snippetShowsPlainTextAroundTheMatch() {
        ContentSearch.Hit hit = new ContentSearch(content).search("ciphertext", 10).get(0);
        assertThat(hit.snippet()).contains("old material so old ciphertext decrypts").doesNotContain("**");
    }
}
