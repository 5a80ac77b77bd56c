package dev.kmslab.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The persistent map behaves like a LinkedHashMap that is copied on every change, and diff finds exactly the changes. */
class PersistentOrderedMapTest {

    @Test
    void randomEdits_matchACopiedLinkedHashMap_atEveryStep_andOldVersionsStayIntact() {
        Random random = new Random(18);
        // "Aa" and "BB" share a hash code, as do "AaAa", "AaBB", "BBAa" and "BBBB": collisions are exercised too.
        List<String> names = new ArrayList<>(List.of("Aa", "BB", "AaAa", "AaBB", "BBAa", "BBBB"));
        for (int i = 0; i < 3000; i++) {
            names.add("key-" + i);
        }
        PersistentOrderedMap<Integer> map = PersistentOrderedMap.empty();
        Map<String, Integer> model = new LinkedHashMap<>();
        List<PersistentOrderedMap<Integer>> versions = new ArrayList<>();
        List<Map<String, Integer>> models = new ArrayList<>();
        for (int step = 0; step < 6000; step++) {
            String name = names.get(random.nextInt(step < 3000 ? names.size() : 200));
            if (random.nextInt(5) == 0) {
                map = map.without(name);
                model.remove(name);
            } else {
                int value = random.nextInt(1000);
                map = map.with(name, value);
                model.put(name, value);
            }
            if (step % 500 == 0) {
                versions.add(map);
                models.add(new LinkedHashMap<>(model));
            }
        }
        assertThat(new ArrayList<>(map.entrySet())).containsExactlyElementsOf(model.entrySet());
        assertThat(map).hasSize(model.size());
        for (String name : names) {
            assertThat(map.get(name)).isEqualTo(model.get(name));
            assertThat(map.containsKey(name)).isEqualTo(model.containsKey(name));
        }
        for (int v = 0; v < versions.size(); v++) {
            assertThat(new ArrayList<>(versions.get(v).entrySet())).containsExactlyElementsOf(models.get(v).entrySet());
        }
    }

    @Test
    void diff_reportsAddedReplacedAndRemovedKeys_whetherRelatedOrNot() {
        PersistentOrderedMap<String> base = PersistentOrderedMap.empty();
        for (int i = 0; i < 2000; i++) {
            base = base.with("k" + i, "v" + i);
        }
        PersistentOrderedMap<String> next = base.with("k5", "changed").without("k1500").with("new", "n")
                .with("k7", base.get("k7"));

        Set<String> changed = new LinkedHashSet<>();
        Set<String> removed = new LinkedHashSet<>();
        PersistentOrderedMap.diff(base, next, changed::add, removed::add);
        assertThat(changed).containsExactly("k5", "new");
        assertThat(removed).containsExactly("k1500");

        changed.clear();
        removed.clear();
        PersistentOrderedMap.diff(PersistentOrderedMap.copyOf(new LinkedHashMap<>(base)), next, changed::add,
                removed::add);
        assertThat(changed).containsExactlyInAnyOrder("k5", "new");
        assertThat(removed).containsExactly("k1500");
    }

    @Test
    void newKeysGoLast_replacedKeysKeepTheirPlace_andTheMapIsReadOnly() {
        PersistentOrderedMap<Integer> map = PersistentOrderedMap.<Integer>empty().with("b", 1).with("a", 2)
                .with("c", 3).with("b", 4).without("a").with("a", 5);

        assertThat(map.keySet()).containsExactly("b", "c", "a");
        assertThat(map.get("b")).isEqualTo(4);
        assertThatThrownBy(() -> map.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.entrySet().iterator().next().setValue(9))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
