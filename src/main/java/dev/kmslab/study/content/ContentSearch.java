package dev.kmslab.study.content;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Finds concepts, services and checklist items whose text contains every word of a query. */
public final class ContentSearch {

    public enum Kind { CONCEPT, SERVICE, CHECKLIST_ITEM }

    /** A hit: what it is, its id (concept id, service id or checklist item id), where it lives, and a snippet. */
    public record Hit(Kind kind, String id, String title, String context, String snippet, int score) {
    }

    private record Entry(Kind kind, String id, String title, String context, String body) {
    }

    private final List<Entry> entries = new ArrayList<>();

    public ContentSearch(StudyContent content) {
        for (Concept c : content.concepts()) {
            entries.add(new Entry(Kind.CONCEPT, c.id(), c.title(), "Concept",
                    c.summary() + "\n" + content.conceptPage(c.id())));
        }
        for (ServiceEntry s : content.services()) {
            entries.add(new Entry(Kind.SERVICE, s.id(), s.name(), "Service map",
                    s.edgeLabel() + "\n" + s.summary() + "\n" + s.details() + "\n" + String.join(" ", s.apiCalls())
                            + "\n" + s.examTip()));
        }
        for (Checklist list : content.checklists()) {
            list.items().forEach(i -> entries.add(new Entry(Kind.CHECKLIST_ITEM, i.id(), i.text(),
                    list.track() + " checklist", i.explanation())));
        }
    }

    public List<Hit> search(String query, int limit) {
        String[] words = query.toLowerCase(Locale.ROOT).trim().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            return List.of();
        }
        List<Hit> hits = new ArrayList<>();
        for (Entry e : entries) {
            String title = e.title().toLowerCase(Locale.ROOT);
            String body = e.body().toLowerCase(Locale.ROOT);
            int score = 0;
            boolean all = true;
            for (String w : words) {
                boolean inTitle = title.contains(w);
                boolean inBody = body.contains(w);
                if (!inTitle && !inBody) {
                    all = false;
                    break;
                }
                score += inTitle ? 10 : 1;
            }
            if (all) {
                hits.add(new Hit(e.kind(), e.id(), e.title(), e.context(), snippet(e.body(), words[0]), score));
            }
        }
        hits.sort(Comparator.comparingInt(Hit::score).reversed().thenComparing(Hit::title));
        return hits.subList(0, Math.min(limit, hits.size()));
    }

    // A short window of plain text around the first match, without Markdown markup, to show under the title.
    static String snippet(String body, String word) {
        String plain = body.replaceAll("[#*`>|\\[\\]]", "").replaceAll("\\(concept:[^)]*\\)|\\(service:[^)]*\\)", "")
                .replaceAll("\\s+", " ").trim();
        int at = plain.toLowerCase(Locale.ROOT).indexOf(word);
        if (at < 0) {
            return plain.length() <= 120 ? plain : plain.substring(0, 117) + "…";
        }
        int start = Math.max(0, at - 40);
        int end = Math.min(plain.length(), at + 80);
        return (start > 0 ? "…" : "") + plain.substring(start, end) + (end < plain.length() ? "…" : "");
    }
}
