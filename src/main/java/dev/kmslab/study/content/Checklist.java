package dev.kmslab.study.content;

import java.util.List;
import java.util.stream.Stream;

/** One track's exam checklist, its items grouped by that exam's domains. */
public record Checklist(String track, String title, String intro, List<Group> domains) {

    public record Group(String name, List<Item> items) {
        public Group {
            items = List.copyOf(items);
        }
    }

    /** {@code concept} is the id of the concept page that explains the item, or null. */
    public record Item(String id, String text, String explanation, String concept) {
    }

    public Checklist {
        domains = List.copyOf(domains);
    }

    public Stream<Item> items() {
        return domains.stream().flatMap(g -> g.items().stream());
    }

    public int size() {
        return (int) items().count();
    }
}
