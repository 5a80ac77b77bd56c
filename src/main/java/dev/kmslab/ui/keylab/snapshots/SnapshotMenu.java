package dev.kmslab.ui.keylab.snapshots;

import dev.kmslab.ui.keylab.common.ErrorBox;
import dev.kmslab.ui.keylab.common.LabSnapshots;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Snapshots menu of the Key Lab's clock bar (it sits with the time-travel buttons and moves under them on a
 * narrow window, so it never takes room from the tabs): a name and Save, the saved snapshots to restore, and Reset.
 * What happened shows in {@link #messages()} under the bar.
 */
public final class SnapshotMenu extends MenuButton {

    private final VBox messages;

    public SnapshotMenu(SnapshotsViewModel model) {
        super("Snapshots", new FontIcon(Feather.CAMERA));
        setId("snapshots-menu");
        setMinWidth(Region.USE_PREF_SIZE);
        setTooltip(new Tooltip("Save the whole lab (keys, policies, grants, principals, clock, audit) under a name, "
                + "restore it later, or reset to a fresh lab."));
        TextField name = new TextField();
        name.setId("snapshot-name");
        name.setPromptText("Snapshot name, e.g. before-demo");
        name.setPrefColumnCount(16);
        name.textProperty().bindBidirectional(model.nameProperty());
        Button save = new Button("Save", new FontIcon(Feather.SAVE));
        save.setId("snapshot-save");
        save.disableProperty().bind(model.nameProperty().isEmpty());
        save.setOnAction(e -> {
            model.save();
            hide();
        });
        name.setOnAction(e -> save.fire());
        HBox saveRow = new HBox(6, name, save);
        saveRow.setAlignment(Pos.CENTER_LEFT);
        CustomMenuItem saveItem = new CustomMenuItem(saveRow, false);
        saveItem.setId("snapshot-save-item");
        MenuItem reset = new MenuItem("Reset to a fresh lab…", new FontIcon(Feather.ROTATE_CCW));
        reset.setId("snapshot-reset");
        reset.setOnAction(e -> model.reset());
        Runnable rebuild = () -> {
            getItems().setAll(saveItem, new SeparatorMenuItem());
            if (model.snapshots().isEmpty()) {
                MenuItem none = new MenuItem("No snapshots yet");
                none.setDisable(true);
                getItems().add(none);
            }
            for (LabSnapshots.Snapshot s : model.snapshots()) {
                MenuItem item = new MenuItem("Restore " + SnapshotsViewModel.describe(s),
                        new FontIcon(Feather.CORNER_UP_LEFT));
                item.setId("snapshot-restore-" + s.name().replace(' ', '_'));
                item.setOnAction(e -> model.restore(s));
                getItems().add(item);
            }
            getItems().addAll(new SeparatorMenuItem(), reset);
        };
        model.snapshots().addListener((javafx.collections.ListChangeListener<LabSnapshots.Snapshot>) c ->
                rebuild.run());
        rebuild.run();
        setOnShowing(e -> model.refresh());
        model.refresh();
        Label status = new Label();
        status.setId("snapshot-status");
        status.getStyleClass().add("lab-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        status.managedProperty().bind(status.textProperty().isNotEmpty());
        status.visibleProperty().bind(status.managedProperty());
        messages = new VBox(status, new ErrorBox("snapshot-error", model.errorProperty()));
    }

    /** The status line and error box, for the clock bar to show under its row. */
    public VBox messages() {
        return messages;
    }
}
