package dev.kmslab.ui.keylab.keys;

import dev.kmslab.ui.common.NumberSpinners;
import dev.kmslab.flow.FlowDefinition;
import javafx.collections.FXCollections;
import javafx.util.StringConverter;

import dev.kmslab.engine.model.KeyMetadata;
import dev.kmslab.engine.model.KeyState;
import dev.kmslab.engine.model.Tag;
import dev.kmslab.flow.FlowDefinition;
import dev.kmslab.ui.keylab.common.LabFormat;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The selected key: metadata, aliases, tags, description and the state actions. Rebuilt when the key changes. */
final class KeyDetailsPane extends ScrollPane {

    private final KeysViewModel model;
    private final VBox body = new VBox();

    KeyDetailsPane(KeysViewModel model) {
        this.model = model;
        setId("key-details");
        setFitToWidth(true);
        body.getStyleClass().add("key-details");
        setContent(body);
        model.selectedProperty().addListener((obs, was, now) -> show(now));
        show(model.selectedProperty().get());
    }

    private GridPane grid;

    /** At least as wide as the metadata's widest word needs (the split pane beside the table honours it). */
    @Override
    protected double computeMinWidth(double height) {
        double scrollBar = 16;
        return Math.max(super.computeMinWidth(height), grid == null ? 0 : snappedLeftInset() + snappedRightInset()
                + body.snappedLeftInset() + body.snappedRightInset() + grid.minWidth(-1) + scrollBar);
    }

    private void show(KeyRow row) {
        if (row == null) {
            Label hint = new Label("Select a key to see its details and actions.");
            hint.getStyleClass().add("muted");
            hint.setWrapText(true);
            body.getChildren().setAll(hint);
            grid = null;
            return;
        }
        KeyMetadata m = row.metadata();
        Label title = new Label(row.displayName());
        title.setId("details-title");
        title.getStyleClass().add("details-title");
        title.setWrapText(true);
        grid = metadata(row);
        body.getChildren().setAll(title, grid, heading("Description"), description(m),
                heading("Aliases"), aliases(row), heading("Tags"), tags(row), heading("Key state"), actions(row));
        if (m.origin() == dev.kmslab.engine.model.OriginType.EXTERNAL
                && m.keySpec() == dev.kmslab.engine.model.KeySpec.SYMMETRIC_DEFAULT) {
            body.getChildren().addAll(heading("Imported key material"), importMaterial(row));
        }
        if (m.multiRegion()) {
            body.getChildren().addAll(heading("Multi-Region"), multiRegion(row));
        }
        if (model.canWatchFlows()) {
            body.getChildren().addAll(heading("Watch a flow"), watch(row));
        }
    }

    private GridPane metadata(KeyRow row) {
        KeyMetadata m = row.metadata();
        GridPane grid = new GridPane();
        grid.getStyleClass().add("details-grid");
        int r = 0;
        r = pair(grid, r, "ARN", m.arn());
        r = pair(grid, r, "State", m.keyState().name());
        r = pair(grid, r, "Created", LabFormat.dateTime(m.creationDate()));
        r = pair(grid, r, "Spec / usage", m.keySpec() + " / " + m.keyUsage());
        r = pair(grid, r, "Origin / manager", m.origin() + " / " + m.keyManager());
        if (m.customKeyStoreId() != null) {
            r = pair(grid, r, "Custom key store", m.customKeyStoreId() + " (cluster " + m.cloudHsmClusterId() + ")");
        }
        r = pair(grid, r, "Rotation", row.rotationEnabled() ? row.rotationText() + ", next "
                + LabFormat.dateTime(row.nextRotation()) : row.rotationText());
        if (m.deletionDate() != null) {
            r = pair(grid, r, "Deletion", LabFormat.dateTime(m.deletionDate()) + " (" + m.pendingDeletionWindowInDays()
                    + "-day window)");
        }
        return grid;
    }

    private static int pair(GridPane grid, int row, String name, String value) {
        Label n = new Label(name);
        n.getStyleClass().add("muted");
        n.setMinWidth(Region.USE_PREF_SIZE);
        // "SYMMETRIC_DEFAULT / ENCRYPT_DECRYPT" wraps between its words, never inside one.
        Label v = new dev.kmslab.ui.common.WholeWordsLabel(value);
        v.setId("details-" + name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", "-"));
        grid.addRow(row, n, v);
        return row + 1;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("details-heading");
        return l;
    }

    private Node description(KeyMetadata m) {
        TextField field = new TextField(m.description() == null ? "" : m.description());
        field.setId("details-description-field");
        Button save = new Button("Save");
        save.setId("details-description-save");
        save.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        save.setOnAction(e -> model.updateDescription(field.getText()));
        HBox row = new HBox(6, field, save);
        HBox.setHgrow(field, javafx.scene.layout.Priority.ALWAYS);
        return row;
    }

    private Node aliases(KeyRow row) {
        FlowPane chips = new FlowPane(6, 6);
        for (String alias : row.aliases()) {
            chips.getChildren().add(chip(alias, "Delete alias " + alias + " (the key stays)",
                    () -> model.askToRemoveAlias(alias)));
        }
        TextField name = new TextField();
        name.setId("details-alias-field");
        name.setPromptText("alias/new-name");
        Button add = new Button("Add alias");
        add.setId("details-alias-add");
        add.setMinWidth(Region.USE_PREF_SIZE);
        add.setOnAction(e -> {
            if (!name.getText().isBlank()) {
                model.addAlias(name.getText());
            }
        });
        return new VBox(6, chips, new HBox(6, name, add));
    }

    private Node tags(KeyRow row) {
        FlowPane chips = new FlowPane(6, 6);
        for (Tag tag : row.tags()) {
            chips.getChildren().add(chip(tag.tagKey() + " = " + tag.tagValue(), "Remove tag " + tag.tagKey(),
                    () -> model.removeTag(tag.tagKey())));
        }
        TextField key = new TextField();
        key.setId("details-tag-key");
        key.setPromptText("key");
        key.setPrefColumnCount(5);
        TextField value = new TextField();
        value.setId("details-tag-value");
        value.setPromptText("value");
        value.setPrefColumnCount(5);
        Button add = new Button("Add tag");
        add.setId("details-tag-add");
        add.setMinWidth(Region.USE_PREF_SIZE);
        add.setOnAction(e -> {
            if (!key.getText().isBlank()) {
                model.addTag(key.getText(), value.getText());
            }
        });
        return new VBox(6, chips, new HBox(6, key, value, add));
    }

    private static Node chip(String text, String removeTip, Runnable remove) {
        Label label = new Label(text);
        Button x = new Button(null, new FontIcon(Feather.X));
        x.getStyleClass().addAll("flat", "button-icon");
        x.setTooltip(new Tooltip(removeTip));
        // Icon only: screen readers announce the accessible text ("Remove alias alias/x", say).
        x.setAccessibleText(removeTip + " " + text);
        x.setOnAction(e -> remove.run());
        HBox chip = new HBox(2, label, x);
        chip.setAlignment(Pos.CENTER_LEFT);
        chip.getStyleClass().add("chip");
        return chip;
    }

    /** Where the related keys are, "Replicate to…" on a primary and "Make primary" on a replica. */
    private Node multiRegion(KeyRow row) {
        Label where = new Label(KeysViewModel.multiRegionText(row));
        where.setId("details-multi-region");
        where.setWrapText(true);
        ComboBox<String> target = new ComboBox<>(FXCollections.observableArrayList(model.replicaTargets(row)));
        target.setId("key-replicate-region");
        target.setPromptText("Region");
        if (!target.getItems().isEmpty()) {
            target.setValue(target.getItems().get(0));
        }
        Button replicate = new Button("Replicate to…", new FontIcon(Feather.COPY));
        replicate.setId("key-replicate");
        replicate.setDisable(target.getItems().isEmpty());
        replicate.setOnAction(e -> {
            if (target.getValue() != null) {
                model.replicateTo(target.getValue());
            }
        });
        Button makePrimary = new Button("Make primary", new FontIcon(Feather.STAR));
        makePrimary.setId("key-make-primary");
        makePrimary.setDisable(!KeysViewModel.isReplica(row) || row.state() != KeyState.Enabled);
        makePrimary.setTooltip(new Tooltip("UpdatePrimaryRegion: this replica becomes the primary and the current "
                + "primary becomes a replica. Both keys must be enabled."));
        // ReplicateKey is called on the primary and UpdatePrimaryRegion on a replica, so each key shows only its
        // own action; a FlowPane wraps them in the narrow details column instead of clipping the labels.
        FlowPane line = new FlowPane(6, 6);
        if (KeysViewModel.isReplica(row)) {
            line.getChildren().add(makePrimary);
        } else {
            line.getChildren().addAll(target, replicate);
        }
        return new VBox(6, where, line);
    }

    /** Picks a catalogue flow and records it with this key, so the learner sees their own key's ARN and bytes. */
    private Node watch(KeyRow row) {
        ComboBox<FlowDefinition> flows = new ComboBox<>(FXCollections.observableArrayList(
                KeysViewModel.watchableFlows()));
        flows.setId("key-watch-flow");
        flows.setConverter(new StringConverter<>() {
            @Override
            public String toString(FlowDefinition d) {
                return d == null ? "" : d.title();
            }

            @Override
            public FlowDefinition fromString(String text) {
                return null;
            }
        });
        flows.getSelectionModel().select(flows.getItems().stream()
                .filter(d -> d.id().equals("envelope-encryption")).findFirst().orElse(null));
        Button watch = new Button("Watch with this key", new FontIcon(Feather.PLAY_CIRCLE));
        watch.setId("key-watch");
        boolean usable = KeysViewModel.canWatch(row);
        watch.setDisable(!usable || flows.getValue() == null);
        watch.setOnAction(e -> model.watchFlow(flows.getValue().id()));
        Label hint = new Label(usable ? "Records the flow with real calls on this key; they appear in its audit log."
                : "Flows need an enabled symmetric encryption key.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        FlowPane line = new FlowPane(6, 6, flows, watch);
        line.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, line, hint);
    }

    /** Opens the import wizard on this EXTERNAL key: import, re-import, test or delete its material. */
    private Node importMaterial(KeyRow row) {
        Button open = new Button("Import wizard…", new FontIcon(Feather.UPLOAD));
        open.setId("key-import-wizard");
        open.setOnAction(e -> dev.kmslab.ui.keylab.importing.ImportWizardDialog.show(this, model.session(),
                row.keyId()));
        Label hint = new Label(row.state() == KeyState.PendingImport ? "This key has no key material yet."
                : "Test the key, re-import the same material or delete it.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        return new VBox(6, open, hint);
    }

    private Node actions(KeyRow row) {
        KeyState state = row.state();
        Button enable = new Button("Enable", new FontIcon(Feather.PLAY));
        enable.setId("key-enable");
        enable.setDisable(state != KeyState.Disabled);
        enable.setOnAction(e -> model.enable());
        Button disable = new Button("Disable", new FontIcon(Feather.PAUSE));
        disable.setId("key-disable");
        disable.setDisable(state != KeyState.Enabled);
        disable.setOnAction(e -> model.askToDisable());
        Spinner<Integer> days = new Spinner<>(KeysViewModel.MIN_WINDOW_DAYS, KeysViewModel.MAX_WINDOW_DAYS,
                KeysViewModel.MAX_WINDOW_DAYS);
        days.setId("key-deletion-days");
        NumberSpinners.editable(days);
        days.setPrefWidth(80);
        days.setMinWidth(USE_PREF_SIZE);
        Button schedule = new Button("Schedule deletion", new FontIcon(Feather.TRASH_2));
        schedule.setId("key-schedule-deletion");
        schedule.getStyleClass().add("danger");
        schedule.setDisable(state == KeyState.PendingDeletion || state == KeyState.PendingReplicaDeletion);
        schedule.setOnAction(e -> model.askToScheduleDeletion(days.getValue()));
        Button cancel = new Button("Cancel deletion", new FontIcon(Feather.ROTATE_CCW));
        cancel.setId("key-cancel-deletion");
        cancel.setDisable(state != KeyState.PendingDeletion && state != KeyState.PendingReplicaDeletion);
        cancel.setOnAction(e -> model.cancelDeletion());
        Label waiting = new Label("waiting period (days):");
        waiting.getStyleClass().add("muted");
        HBox period = new HBox(6, waiting, days);
        period.setAlignment(Pos.CENTER_LEFT);
        // Wraps the button under the period in the narrow details column rather than cutting its label.
        String is = "This key is " + state + ". ";
        FlowPane deletion = new FlowPane(6, 6, period, dev.kmslab.ui.common.WhyDisabled.wrap(schedule,
                is + "Its deletion is already scheduled; cancel it to change the waiting period."));
        deletion.setAlignment(Pos.CENTER_LEFT);
        FlowPane onOff = new FlowPane(6, 6,
                dev.kmslab.ui.common.WhyDisabled.wrap(enable, is + "Only a Disabled key can be enabled."),
                dev.kmslab.ui.common.WhyDisabled.wrap(disable, is + "Only an Enabled key can be disabled."),
                dev.kmslab.ui.common.WhyDisabled.wrap(cancel, is + "Only a key pending deletion has a deletion "
                        + "to cancel."));
        return new VBox(8, onOff, deletion);
    }
}
