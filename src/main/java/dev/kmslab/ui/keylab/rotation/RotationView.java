package dev.kmslab.ui.keylab.rotation;

import dev.kmslab.ui.common.NumberSpinners;
import dev.kmslab.ui.keylab.common.ErrorBox;
import dev.kmslab.ui.keylab.keys.KeyRow;
import dev.kmslab.ui.keylab.keys.KeysViewModel;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Rotation tab: the key picker, automatic and on-demand rotation, and the drawn timeline. */
public final class RotationView extends ScrollPane {

    public RotationView(RotationViewModel model, KeysViewModel keys) {
        setId("rotation-view");
        setFitToWidth(true);
        ComboBox<KeyRow> picker = new ComboBox<>(keys.rows());
        picker.setId("rotation-key");
        picker.setPromptText("Choose a key");
        picker.setCellFactory(l -> keyCell());
        picker.setButtonCell(keyCell());
        picker.setOnAction(e -> {
            if (picker.getValue() != null) {
                keys.select(picker.getValue());
            }
        });
        keys.selectedProperty().addListener((obs, was, now) -> picker.setValue(now));
        picker.setValue(keys.selectedProperty().get());
        Label key = new Label("Key");
        key.setMinWidth(USE_PREF_SIZE);
        HBox pickRow = new HBox(8, key, picker);
        pickRow.setAlignment(Pos.CENTER_LEFT);

        Label summary = new Label();
        summary.setId("rotation-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());

        CheckBox automatic = new CheckBox("Rotate automatically every");
        automatic.setId("rotation-auto");
        Spinner<Integer> period = new Spinner<>(RotationViewModel.MIN_PERIOD_DAYS, RotationViewModel.MAX_PERIOD_DAYS,
                RotationViewModel.DEFAULT_PERIOD_DAYS);
        period.setId("rotation-period");
        NumberSpinners.editable(period);
        period.setPrefWidth(100);
        model.automaticProperty().addListener((obs, was, now) -> automatic.setSelected(now));
        model.periodDaysProperty().addListener((obs, was, now) -> period.getValueFactory().setValue(now.intValue()));
        automatic.setSelected(model.automaticProperty().get());
        Button apply = new Button("Apply");
        apply.setId("rotation-apply");
        apply.setOnAction(e -> model.setAutomatic(automatic.isSelected(), period.getValue()));
        Label days = new Label("days (90–2560)");
        HBox autoRow = new HBox(8, automatic, period, days, apply);
        autoRow.setAlignment(Pos.CENTER_LEFT);

        Button rotate = new Button("Rotate now", new FontIcon(Feather.REFRESH_CW));
        rotate.setId("rotate-now");
        rotate.getStyleClass().add("accent");
        rotate.setOnAction(e -> model.rotateNow());
        Label remaining = new Label();
        remaining.setId("rotation-remaining");
        remaining.getStyleClass().add("muted");
        remaining.textProperty().bind(model.onDemandRemainingProperty().asString(
                "%d of " + RotationViewModel.ON_DEMAND_LIMIT + " on-demand rotations left for this key"));
        HBox demandRow = new HBox(8, rotate, remaining);
        demandRow.setAlignment(Pos.CENTER_LEFT);
        FlowPane controls = new FlowPane(24, 8, autoRow, demandRow);

        RotationTimeline timeline = new RotationTimeline();
        model.timelineProperty().addListener((obs, was, now) -> timeline.setModel(now));
        timeline.setModel(model.timelineProperty().get());

        Label explain = new Label("Rotation creates new key material inside the same key: the key id, ARN, aliases "
                + "and policy stay. New encryptions use the newest version; the older versions are kept, so what "
                + "they encrypted still decrypts.");
        explain.getStyleClass().add("muted");
        explain.setWrapText(true);

        Label status = new Label();
        status.setId("rotation-status");
        status.getStyleClass().add("lab-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());

        VBox page = new VBox(pickRow, summary, controls, status, new ErrorBox("rotation-error",
                model.errorProperty()), timeline, RotationTimeline.legend(), explain);
        page.getStyleClass().addAll("lab-page");
        setContent(page);
    }

    private static ListCell<KeyRow> keyCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(KeyRow item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.aliases().isEmpty() ? item.keyId()
                        : item.displayName() + "  (" + item.keyId() + ")");
                // A narrow window cuts the key id at the end; the whole name and id are a tooltip away.
                setTooltip(getText() == null ? null : new javafx.scene.control.Tooltip(getText()));
            }
        };
    }
}
