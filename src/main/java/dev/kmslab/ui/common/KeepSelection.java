package dev.kmslab.ui.common;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;

/**
 * Keeps a chooser's selection when its items are replaced by a refresh. Every Key Lab action reloads the lists, and
 * a replaced list makes JavaFX clear the selection even when the same thing is still there, which left choosers
 * blank (and buttons that need a selection disabled) right after an action. The selection is matched by identity
 * (an id, an ARN), never by position.
 */
public final class KeepSelection {

    private KeepSelection() {
    }

    /**
     * Shows {@code wanted} again after the combo box's items change, when it is still among them. The skin's popup
     * list clears the value after every other listener has run, so the value is put back in a later pulse.
     */
    public static <T> void inComboBox(ComboBox<T> box, Supplier<T> wanted) {
        box.getItems().addListener((ListChangeListener<T>) change -> Platform.runLater(() -> {
            T want = wanted.get();
            if (want != null && box.getItems().contains(want) && box.getValue() != want) {
                box.setValue(want);
            }
        }));
    }

    /**
     * Selects again, after the list's items change, the item with the identity of the last one selected; when it is
     * gone the list is left without a selection and {@code onVanished} hears the lost identity.
     */
    public static <T, K> void inListView(ListView<T> list, Function<T, K> identity, Consumer<K> onVanished) {
        Object[] last = new Object[1];
        list.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null) {
                last[0] = identity.apply(now);
            }
        });
        list.getItems().addListener((ListChangeListener<T>) change -> {
            if (last[0] == null) {
                return;
            }
            T current = list.getSelectionModel().getSelectedItem();
            if (current != null && Objects.equals(identity.apply(current), last[0])) {
                return;
            }
            for (T item : list.getItems()) {
                if (Objects.equals(identity.apply(item), last[0])) {
                    list.getSelectionModel().select(item);
                    return;
                }
            }
            @SuppressWarnings("unchecked")
            K lost = (K) last[0];
            last[0] = null;
            onVanished.accept(lost);
        });
    }
}
