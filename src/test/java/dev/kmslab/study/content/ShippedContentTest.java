package dev.kmslab.study.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The content we ship: complete, consistent and free of broken links. */
class ShippedContentTest {

    private static final StudyContent CONTENT = ContentLoader.loadFromClasspath();
    private static final Pattern LINK = Pattern.compile("\\]\\(((concept|service):[^)\\s]+)\\)");

    @Test
    void loadsWithoutAnyProblem() {
        assertThat(CONTENT.problems()).isEmpty();
    }

    @Test
    void hasEveryConceptPageTheSummaryPromises() {
        assertThat(CONTENT.concepts()).extracting(Concept::id).containsExactly("key-material", "key-types",
                "symmetric-asymmetric", "envelope-encryption", "encryption-context", "key-policies", "key-rotation",
                "key-states", "aliases", "multi-region", "imported-material", "custom-key-stores", "quotas-pricing");
        CONTENT.concepts().forEach(c -> assertThat(CONTENT.conceptPage(c.id())).startsWith("#").hasSizeGreaterThan(1500));
    }

    @Test
    void mapHasTheCoreServices() {
        assertThat(CONTENT.services()).extracting(ServiceEntry::id).contains("s3", "ebs", "rds", "dynamodb",
                "secrets-manager", "lambda", "cloudtrail", "config", "sagemaker");
        CONTENT.services().forEach(s -> {
            assertThat(s.apiCalls()).as(s.id()).isNotEmpty();
            assertThat(s.tracks()).as(s.id()).isNotEmpty().allMatch(t -> CONTENT.track(t).isPresent());
        });
    }

    @Test
    void everyTrackHasAChecklistOfAtLeastTwelveItemsInItsOwnDomains() {
        assertThat(CONTENT.checklists()).extracting(Checklist::track)
                .containsExactly("SAA", "SAP", "DVA", "MLA", "AIP", "SCS", "MLS");
        for (Checklist list : CONTENT.checklists()) {
            Track track = CONTENT.track(list.track()).orElseThrow();
            assertThat(list.size()).as(list.track()).isGreaterThanOrEqualTo(12);
            assertThat(list.domains()).allMatch(g -> track.hasDomain(g.name()));
        }
        assertThat(CONTENT.track("MLS").orElseThrow().retired()).isTrue();
    }

    @Test
    void checklistItemIdsAreUniqueAcrossTracks() {
        List<String> ids = CONTENT.checklists().stream().flatMap(Checklist::items).map(Checklist.Item::id).toList();
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void everyInternalLinkInTheMarkdownResolves() {
        Set<String> concepts = CONTENT.concepts().stream().map(Concept::id).collect(Collectors.toSet());
        Set<String> services = CONTENT.services().stream().map(ServiceEntry::id).collect(Collectors.toSet());
        StringBuilder all = new StringBuilder(CONTENT.overviewMarkdown());
        CONTENT.concepts().forEach(c -> all.append(CONTENT.conceptPage(c.id())));
        CONTENT.services().forEach(s -> all.append(s.details()));
        Matcher m = LINK.matcher(all);
        int links = 0;
        while (m.find()) {
            links++;
            String[] parts = m.group(1).split(":", 2);
            assertThat(parts[0].equals("concept") ? concepts : services).as(m.group(1)).contains(parts[1]);
        }
        assertThat(links).isGreaterThan(20);
    }
}
