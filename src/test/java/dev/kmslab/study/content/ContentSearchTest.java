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
    void findsConceptsServicesAndChecklistItems_titleMatchesFirst() {
        List<ContentSearch.Hit> hits = new ContentSearch(content).search("rotation", 10);
        assertThat(hits).extracting(ContentSearch.Hit::kind)
                .containsExactly(ContentSearch.Kind.CHECKLIST_ITEM, ContentSearch.Kind.CONCEPT);
        assertThat(hits.get(1).id()).isEqualTo("key-rotation");
        assertThat(hits.get(0).context()).isEqualTo("SAA checklist");
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
