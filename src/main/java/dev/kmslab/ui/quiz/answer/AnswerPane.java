package dev.kmslab.ui.quiz.answer;

import dev.kmslab.study.quiz.Option;
import dev.kmslab.study.quiz.QuestionType;
import dev.kmslab.study.quiz.Target;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.SetChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The answer controls for one question, bound to an {@link AnswerDraft}: radio buttons (single), check boxes
 * (multiple), a reorderable list (ordering) or a drop-down per item (matching). Controls are numbered as shown, so
 * keys 1–6 and ids such as {@code #option-2} refer to the same option.
 */
public final class AnswerPane extends VBox {

    private static final DataFormat DRAGGED_OPTION = new DataFormat("application/x-kmslab-option");

    private final AnswerDraft draft;
    private final VBox body = new VBox();

    public AnswerPane(AnswerDraft draft) {
        this.draft = draft;
        getStyleClass().add("answer-pane");
        body.getStyleClass().add("answer-body");
        Label instruction = new Label();
        instruction.setId("answer-instruction");
        instruction.getStyleClass().add("answer-instruction");
        instruction.setWrapText(true);
        instruction.setText(draft.instruction());
        draft.revisionProperty().addListener((obs, was, now) -> instruction.setText(draft.instruction()));
        draft.selected().addListener((SetChangeListener<String>) c -> instruction.setText(draft.instruction()));
        getChildren().addAll(instruction, body);
        switch (draft.type()) {
            case SINGLE:
            case MULTIPLE:
                choices();
                break;
            case ORDERING:
                draft.order().addListener((ListChangeListener<String>) c -> ordering());
                draft.lockedProperty().addListener((obs, was, now) -> ordering());
                ordering();
                break;
            default:
                matching();
        }
    }

    private void choices() {
        List<Option> options = draft.question().options();
        for (int i = 0; i < options.size(); i++) {
            Option option = options.get(i);
            ButtonBase box;
            BooleanProperty on;
            if (draft.type() == QuestionType.SINGLE) {
                RadioButton radio = new RadioButton(option.text());
                box = radio;
                on = radio.selectedProperty();
            } else {
                CheckBox check = new CheckBox(option.text());
                box = check;
                on = check.selectedProperty();
            }
            box.setId("option-" + (i + 1));
            box.getStyleClass().add("answer-option");
            box.setWrapText(true);
            box.setMaxWidth(Double.MAX_VALUE);
            on.set(draft.selected().contains(option.id()));
            box.disableProperty().bind(draft.lockedProperty());
            box.setOnAction(e -> {
                draft.setSelected(option.id(), on.get());
                on.set(draft.selected().contains(option.id()));
            });
            draft.selected().addListener((SetChangeListener<String>) c ->
                    on.set(draft.selected().contains(option.id())));
            body.getChildren().add(numbered(i + 1, box));
        }
    }

    private static HBox numbered(int number, Node control) {
        Label key = new Label(String.valueOf(number));
        key.getStyleClass().add("option-key");
        key.setMinWidth(Label.USE_PREF_SIZE);
        HBox row = new HBox(key, control);
        row.getStyleClass().add("option-row");
        row.setAlignment(Pos.TOP_LEFT);
        HBox.setHgrow(control, Priority.ALWAYS);
        return row;
    }

    private void ordering() {
        body.getChildren().clear();
        List<String> order = draft.order();
        for (int i = 0; i < order.size(); i++) {
            int index = i;
            String id = order.get(i);
            Label text = new Label(draft.optionText(id));
            text.setWrapText(true);
            text.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(text, Priority.ALWAYS);
            Button up = arrow(Feather.ARROW_UP, "order-up-" + (i + 1), "Move up");
            up.setDisable(draft.lockedProperty().get() || i == 0);
            up.setOnAction(e -> draft.move(index, -1));
            up.setAccessibleText("Move step " + (i + 1) + " up: " + text.getText());
            Button down = arrow(Feather.ARROW_DOWN, "order-down-" + (i + 1), "Move down");
            down.setDisable(draft.lockedProperty().get() || i == order.size() - 1);
            down.setOnAction(e -> draft.move(index, 1));
            down.setAccessibleText("Move step " + (i + 1) + " down: " + text.getText());
            Label step = new Label(String.valueOf(i + 1));
            step.getStyleClass().add("option-key");
            step.setMinWidth(Label.USE_PREF_SIZE);
            HBox row = new HBox(step, text, up, down);
            row.setId("order-row-" + (i + 1));
            row.getStyleClass().add("order-row");
            row.setAlignment(Pos.CENTER_LEFT);
            draggable(row, id, index);
            body.getChildren().add(row);
        }
    }

    private static Button arrow(Feather icon, String id, String tip) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.getStyleClass().addAll("flat", "button-icon");
        b.setTooltip(new Tooltip(tip));
        // Icon only: a screen reader announces what the tooltip says (the caller adds which step).
        b.setAccessibleText(tip);
        return b;
    }

    // Drag a row onto another to move it there; the arrows do the same for keyboard and touch users.
    private void draggable(HBox row, String optionId, int index) {
        row.setOnDragDetected(e -> {
            if (draft.lockedProperty().get()) {
                return;
            }
            ClipboardContent content = new ClipboardContent();
            content.put(DRAGGED_OPTION, optionId);
            row.startDragAndDrop(TransferMode.MOVE).setContent(content);
            e.consume();
        });
        row.setOnDragOver(e -> {
            if (e.getDragboard().hasContent(DRAGGED_OPTION)) {
                e.acceptTransferModes(TransferMode.MOVE);
            }
            e.consume();
        });
        row.setOnDragDropped(e -> {
            Object dragged = e.getDragboard().getContent(DRAGGED_OPTION);
            e.setDropCompleted(dragged instanceof String && draft.moveTo((String) dragged, index));
            e.consume();
        });
    }

    private void matching() {
        List<Option> options = draft.question().options();
        for (int i = 0; i < options.size(); i++) {
            Option option = options.get(i);
            Label text = new Label(option.text());
            text.setWrapText(true);
            text.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(text, Priority.ALWAYS);
            ComboBox<Target> combo = new ComboBox<>();
            combo.setId("match-" + (i + 1));
            combo.getStyleClass().add("match-combo");
            combo.getItems().setAll(draft.targets());
            combo.setPromptText("Choose…");
            combo.setCellFactory(list -> new TargetCell());
            combo.setConverter(new StringConverter<>() {
                @Override
                public String toString(Target t) {
                    return t == null ? null : t.text();
                }

                @Override
                public Target fromString(String s) {
                    return null;
                }
            });
            combo.setMaxWidth(Double.MAX_VALUE);
            String chosen = draft.matches().get(option.id());
            draft.targets().stream().filter(t -> t.id().equals(chosen)).findFirst().ifPresent(combo::setValue);
            combo.valueProperty().addListener((obs, was, now) -> draft.match(option.id(), now == null ? null
                    : now.id()));
            combo.disableProperty().bind(draft.lockedProperty());
            HBox row = new HBox(text, combo);
            row.getStyleClass().add("match-row");
            row.setAlignment(Pos.CENTER_LEFT);
            // Fixed shares of the row keep the drop-downs in one column whatever the item's text length.
            text.setMinWidth(0);
            text.prefWidthProperty().bind(row.widthProperty().multiply(0.5));
            HBox.setHgrow(text, Priority.NEVER);
            combo.setMinWidth(0);
            combo.prefWidthProperty().bind(row.widthProperty().multiply(0.47));
            body.getChildren().add(numbered(i + 1, row));
        }
    }

    private static final class TargetCell extends ListCell<Target> {
        @Override
        protected void updateItem(Target item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.text());
            setWrapText(true);
        }
    }
}
