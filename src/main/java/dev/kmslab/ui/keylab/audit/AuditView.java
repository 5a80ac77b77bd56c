package dev.kmslab.ui.keylab.audit;

import dev.kmslab.engine.audit.AuditEvent;
import dev.kmslab.ui.keylab.common.ErrorBox;
import dev.kmslab.ui.keylab.common.LabFormat;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Audit log tab: the live table of calls with filters, the selected event's JSON, and export. */
public final class AuditView extends BorderPane {

    private final AuditViewModel model;
    private final java.util.function.Consumer<AuditEvent> eventOpener;

    public AuditView(AuditViewModel model) {
        this(model, null);
    }

    /** @param eventOpener plays the selected event as a flow; null hides the "Open as flow" button */
    public AuditView(AuditViewModel model, java.util.function.Consumer<AuditEvent> eventOpener) {
        this.model = model;
        this.eventOpener = eventOpener;
        setId("audit-view");
        setTop(toolbar());
        TableView<AuditEvent> table = table();
        // Column widths follow the zoom: at 150% "2026-12-06 23:31:36" and "111122223333:root" stay whole.
        dev.kmslab.ui.common.EmColumns.follow(this, table);
        TextArea json = new TextArea();
        json.setId("audit-json");
        json.setEditable(false);
        json.getStyleClass().add("audit-json");
        json.setWrapText(true);
        // About ten lines of the record at any zoom: with the caller above and the explanation below it, a short
        // window scrolls the details instead of squeezing the record to its first two lines.
        json.setPrefRowCount(10);
        json.setMinHeight(USE_PREF_SIZE);
        Label explanation = new Label();
        explanation.setId("audit-explanation");
        explanation.setWrapText(true);
        explanation.setMinHeight(USE_PREF_SIZE);
        explanation.getStyleClass().add("audit-explanation");
        model.selectedProperty().addListener((obs, was, now) -> {
            json.setText(model.selectedJson());
            explanation.setText(now == null ? "Select an event to see its record and how the simulator decided it."
                    : model.selectedExplanation().isEmpty() ? "No authorization explanation was recorded."
                    : model.selectedExplanation());
        });
        explanation.setText("Select an event to see its record and how the simulator decided it.");
        // The record first, as CloudTrail would show it; the simulator's reasoning apart and labelled, because AWS
        // never tells a caller which statement decided.
        Label record = new Label("Event record (CloudTrail-style JSON)");
        record.getStyleClass().add("details-heading");
        record.setWrapText(true);
        record.setMinHeight(USE_PREF_SIZE);
        Label why = new Label("KMS Lab simulation", new FontIcon(Feather.CPU));
        why.setId("audit-simulation-badge");
        why.getStyleClass().add("simulation-badge");
        VBox simulated = new VBox(4, why, explanation);
        simulated.getStyleClass().add("simulation-note");
        // Who called, read off the record's userIdentity: the access key id that signed the request stands out.
        Label identityHeading = new Label("Caller (userIdentity)");
        identityHeading.getStyleClass().add("details-heading");
        javafx.scene.layout.GridPane identity = new javafx.scene.layout.GridPane();
        identity.setId("audit-identity");
        identity.getStyleClass().add("audit-identity");
        VBox caller = new VBox(2, identityHeading, identity);
        caller.setId("audit-caller");
        caller.managedProperty().bind(model.selectedProperty().isNotNull());
        caller.visibleProperty().bind(model.selectedProperty().isNotNull());
        model.selectedProperty().addListener((obs, was, now) -> showIdentity(identity));
        VBox details = new VBox(6, caller, record, json, simulated);
        VBox.setVgrow(json, Priority.ALWAYS);
        details.getStyleClass().add("audit-details");
        // A short window (or a large zoom) scrolls the record and the explanation rather than cutting them off.
        javafx.scene.control.ScrollPane detailsScroll = new javafx.scene.control.ScrollPane(details);
        detailsScroll.setFitToWidth(true);
        detailsScroll.setFitToHeight(true);
        detailsScroll.getStyleClass().add("edge-to-edge");
        SplitPane split = new SplitPane(table, detailsScroll);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.64);
        setCenter(split);
        Label status = new Label();
        status.setId("audit-status");
        status.getStyleClass().add("lab-status");
        status.textProperty().bind(model.statusProperty());
        setBottom(new VBox(status, new ErrorBox("audit-error", model.errorProperty())));
    }

    private javafx.scene.layout.FlowPane toolbar() {
        ComboBox<String> op = new ComboBox<>(model.operations());
        op.setId("audit-operation");
        op.valueProperty().bindBidirectional(model.operationProperty());
        ComboBox<String> who = new ComboBox<>(model.principals());
        who.setId("audit-principal");
        // Its widths, and the operation chooser's and the key field's, are in keylab.css in em (they follow the zoom).
        who.valueProperty().bindBidirectional(model.principalProperty());
        TextField key = new TextField();
        key.setId("audit-key");
        key.setPromptText("Key id or ARN contains…");
        key.textProperty().bindBidirectional(model.keyFilterProperty());
        CheckBox errors = new CheckBox("Errors only");
        errors.setId("audit-errors");
        errors.selectedProperty().bindBidirectional(model.errorsOnlyProperty());
        CheckBox reads = new CheckBox("Hide List/Describe/Get");
        reads.setId("audit-hide-reads");
        reads.selectedProperty().bindBidirectional(model.hideReadsProperty());
        Button export = new Button("Export JSON Lines…", new FontIcon(Feather.DOWNLOAD));
        export.setId("audit-export");
        export.setOnAction(e -> model.exportAs());
        // The filters, then the actions; on a narrow window (1024 px, or a large zoom) the row wraps, so the
        // actions move under the filters instead of being cut off at the window's edge.
        javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(8, 6, op, who, key, errors, reads, export);
        if (eventOpener != null) {
            Button asFlow = new Button("Open as flow", new FontIcon(Feather.PLAY_CIRCLE));
            asFlow.setId("audit-open-flow");
            asFlow.disableProperty().bind(model.selectedProperty().isNull());
            asFlow.setOnAction(e -> eventOpener.accept(model.selectedProperty().get()));
            bar.getChildren().add(bar.getChildren().size() - 1, asFlow);
        }
        bar.getChildren().stream().filter(n -> n instanceof javafx.scene.control.ButtonBase)
                .forEach(n -> ((javafx.scene.control.Control) n).setMinWidth(USE_PREF_SIZE));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("lab-toolbar");
        return bar;
    }

    private TableView<AuditEvent> table() {
        TableView<AuditEvent> table = new TableView<>(model.visibleEvents());
        table.setId("audit-table");
        table.setPlaceholder(new Label("No events yet: every call to the key engine appears here."));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getColumns().add(column("Time (UTC)", e -> LabFormat.seconds(e.eventTime()), 12));
        table.getColumns().add(column("Event", AuditEvent::eventName, 16));
        table.getColumns().add(column("Result", e -> e.isError() ? "Failed" : "Success", 6));
        table.getColumns().add(column("Error", e -> e.errorCode() == null ? "" : e.errorCode(), 15));
        table.getColumns().add(column("Key", e -> e.keyArn() == null ? "" : LabFormat.shortId(e.keyArn()), 7.5));
        table.getColumns().add(column("Principal", e -> shortPrincipal(e.principalArn()), 12));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(AuditEvent item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("audit-failure", "audit-time-jump");
                if (!empty && item != null && item.isError()) {
                    getStyleClass().add("audit-failure");
                }
                // A rule above the first event after the clock moved, with the jump in words for screen readers.
                java.util.Optional<String> jump = empty || item == null ? java.util.Optional.empty()
                        : model.timeJumpBefore(item);
                jump.ifPresent(text -> getStyleClass().add("audit-time-jump"));
                setAccessibleHelp(jump.orElse(null));
                setTooltip(jump.map(javafx.scene.control.Tooltip::new).orElse(null));
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> model.select(now));
        return table;
    }

    private void showIdentity(javafx.scene.layout.GridPane grid) {
        grid.getChildren().clear();
        int row = 0;
        for (java.util.Map.Entry<String, String> field : model.selectedIdentity().entrySet()) {
            Label name = new Label(field.getKey());
            name.getStyleClass().add("param-name");
            name.setMinWidth(USE_PREF_SIZE);
            Label value = new dev.kmslab.ui.common.WholeWordsLabel(field.getValue());
            value.setId("audit-identity-" + field.getKey());
            value.getStyleClass().add("param-value");
            value.setMinHeight(USE_PREF_SIZE);
            javafx.scene.layout.GridPane.setValignment(name, javafx.geometry.VPos.TOP);
            javafx.scene.layout.GridPane.setHgrow(value, Priority.ALWAYS);
            grid.addRow(row++, name, value);
        }
    }

    /** {@code arn:aws:iam::111122223333:root} → {@code 111122223333:root}; roles and users keep their name. */
    static String shortPrincipal(String arn) {
        if (arn == null) {
            return "";
        }
        int iam = arn.indexOf("::");
        return iam < 0 ? arn : arn.substring(iam + 2);
    }

    private static TableColumn<AuditEvent, String> column(String title, Function<AuditEvent, String> value,
                                                          double ems) {
        TableColumn<AuditEvent, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        c.setPrefWidth(ems * 14);
        return c;
    }
}
