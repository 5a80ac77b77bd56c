package dev.kmslab.study.content;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Finds study content — concept pages, services, checklist items and whatever else is added (labs, flows, quiz
 * questions) — whose text contains every word of a query. A hit whose title holds query words ranks above one that
 * has them only in its body text; the snippet shows the match with its position so the screen can highlight it.
 */
public final class ContentSearch {

    public enum Kind { CONCEPT, SERVICE, CHECKLIST_ITEM, LAB, FLOW, QUESTION }

    /** A stretch of a title or snippet that matched a query word: {@code [start, end)}. */
    public record Match(int start, int end) {
    }

    /**
     * A hit: what it is, its id (concept id, service id, checklist item id, lab id, flow id or question id), where it
     * lives, a snippet, the matches to highlight in the title and the snippet, and the score it was ranked by.
     */
    public record Hit(Kind kind, String id, String title, String context, String snippet, int score,
                      List<Match> titleMatches, List<Match> snippetMatches) {

        public Hit {
            titleMatches = List.copyOf(titleMatches);
            snippetMatches = List.copyOf(snippetMatches);
        }
    }

    /**
     * Something to search. {@code titleRanks} is false where the title is only a shortened body (a quiz question's
     * stem), so such hits do not outrank real titles.
     */
    public record Entry(Kind kind, String id, String title, String context, String body, boolean titleRanks) {

        public Entry(Kind kind, String id, String title, String context, String body) {
            this(kind, id, title, context, body, true);
        }
    }

    // Every query word found in a title outweighs any amount of body text: titles rank first, as learners expect.
    private static final int TITLE_WORD = 1000;
    private static final int WHOLE_QUERY_IN_TITLE = 500;
    private static final int TITLE_STARTS_WITH_QUERY = 200;
    private static final int MAX_BODY_COUNT = 20;

    private final List<Entry> entries = new ArrayList<>();

    public ContentSearch(StudyContent content) {
        this(content, List.of());
    }

    /** @param more further entries (labs, flows, questions) built by callers that can see them */
    public ContentSearch(StudyContent content, List<Entry> more) {
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
        entries.addAll(more);
    }

    public List<Hit> search(String query, int limit) {
        String[] words = words(query);
        if (words.length == 0) {
            return List.of();
        }
        String phrase = String.join(" ", words);
        List<Hit> hits = new ArrayList<>();
        for (Entry e : entries) {
            String title = e.title().toLowerCase(Locale.ROOT);
            String body = e.body().toLowerCase(Locale.ROOT);
            int score = 0;
            boolean all = true;
            for (String w : words) {
                boolean inTitle = e.titleRanks() && title.contains(w);
                int inBody = count(body, w);
                if (!inTitle && inBody == 0 && !title.contains(w)) {
                    all = false;
                    break;
                }
                score += (inTitle ? TITLE_WORD : 0) + Math.min(MAX_BODY_COUNT, Math.max(inBody, 1));
            }
            if (!all) {
                continue;
            }
            if (e.titleRanks() && title.contains(phrase)) {
                score += WHOLE_QUERY_IN_TITLE;
            }
            if (e.titleRanks() && title.startsWith(words[0])) {
                score += TITLE_STARTS_WITH_QUERY;
            }
            String snippet = snippet(e.body(), words);
            hits.add(new Hit(e.kind(), e.id(), e.title(), e.context(), snippet, score, matches(e.title(), words),
                    matches(snippet, words)));
        }
        hits.sort(Comparator.comparingInt(Hit::score).reversed().thenComparing(Hit::title));
        return hits.subList(0, Math.min(limit, hits.size()));
    }

    static String[] words(String query) {
        String trimmed = query == null ? "" : query.toLowerCase(Locale.ROOT).trim();
        return trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
    }

    private static int count(String text, String word) {
        int n = 0;
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length())) {
            n++;
        }
        return n;
    }

    /** Where the query words occur in a text, in order, overlapping stretches merged. */
    static List<Match> matches(String text, String[] words) {
        String lower = text.toLowerCase(Locale.ROOT);
        boolean[] marked = new boolean[text.length()];
        for (String w : words) {
            for (int at = lower.indexOf(w); at >= 0; at = lower.indexOf(w, at + 1)) {
                for (int i = at; i < at + w.length() && i < marked.length; i++) {
                    marked[i] = true;
                }
            }
        }
        List<Match> out = new ArrayList<>();
        for (int i = 0; i < marked.length; i++) {
            if (marked[i]) {
                int start = i;
                while (i < marked.length && marked[i]) {
                    i++;
                }
                out.add(new Match(start, i));
            }
        }
        return out;
    }

    static String snippet(String body, String word) {
        return snippet(body, new String[] {word});
    }

    // A short window of plain text around the first match of any query word, without Markdown markup.
    static String snippet(String body, String[] words) {
        String plain = body.replaceAll("[#*`>|\\[\\]]", "").replaceAll("\\(concept:[^)]*\\)|\\(service:[^)]*\\)", "")
                .replaceAll("\\s+", " ").trim();
        String lower = plain.toLowerCase(Locale.ROOT);
        int at = -1;
        for (String w : words) {
            int found = lower.indexOf(w);
            if (found >= 0 && (at < 0 || found < at)) {
                at = found;
            }
        }
        if (at < 0) {
            return plain.length() <= 120 ? plain : plain.substring(0, 117) + "…";
        }
        int start = Math.max(0, at - 40);
        int end = Math.min(plain.length(), at + 80);
        return (start > 0 ? "…" : "") + plain.substring(start, end) + (end < plain.length() ? "…" : "");
    }
}
