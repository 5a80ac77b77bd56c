package dev.kmslab.ui.shell;

import dev.kmslab.ui.common.DialogService;
import dev.kmslab.ui.common.HoverTooltip;
import dev.kmslab.ui.endpoint.ClassroomPane;
import dev.kmslab.ui.endpoint.ClassroomViewModel;
import dev.kmslab.ui.endpoint.EndpointViewModel;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The sidebar's switch that serves the Key Lab's engine to the AWS CLI and SDKs (their calls appear in the Key Lab
 * audit log), its status, and the button that issues an access key for the principal chosen under "Act as".
 */
final class EndpointPanel extends VBox {

    private final EndpointViewModel endpoint;
    private final Supplier<String> principal;
    private final DialogService dialogs;

    EndpointPanel(EndpointViewModel endpoint, DialogService dialogs, Supplier<String> principal) {
        super(4);
        this.endpoint = endpoint;
        this.principal = principal;
        this.dialogs = dialogs;
        atlantafx.base.controls.ToggleSwitch toggle = new atlantafx.base.controls.ToggleSwitch();
        toggle.setId("endpoint-switch");
        Label label = new Label("KMS endpoint");
        label.setId("endpoint-label");
        label.setLabelFor(toggle);
        label.setOnMouseClicked(e -> toggle.setSelected(!toggle.isSelected()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox row = new HBox(label, gap, toggle);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("theme-row");
        Label status = new Label();
        status.setId("endpoint-status");
        status.getStyleClass().addAll("muted", "endpoint-status");
        status.setWrapText(true);
        status.textProperty().bind(endpoint.statusProperty());
        HoverTooltip.install(status, "aws --endpoint-url http://127.0.0.1:4599 kms list-keys");
        toggle.selectedProperty().addListener((obs, was, now) -> {
            if (now && !endpoint.start()) {
                toggle.setSelected(false);
            } else if (!now) {
                endpoint.stop();
            }
        });
        Button issue = new Button("Access key for the Key Lab principal");
        issue.setId("endpoint-issue-key");
        issue.getStyleClass().addAll("small", "flat");
        issue.setWrapText(true);
        issue.visibleProperty().bind(endpoint.runningProperty());
        issue.managedProperty().bind(issue.visibleProperty());
        issue.setOnAction(e -> issueAccessKey());
        getChildren().addAll(row, status, issue,
                new ClassroomPane(new ClassroomViewModel(endpoint, dialogs)));
    }

    // Signs CLI/SDK calls as the principal chosen under "Act as" in the Key Lab; the secret is shown only now.
    private void issueAccessKey() {
        String arn = principal.get();
        try {
            dev.kmslab.server.auth.Credential key = endpoint.issueAccessKey(arn);
            dialogs.showInformation(new DialogService.Message("Access key for " + arn, "Calls signed with it are "
                    + "evaluated as this principal. Copy the secret now: it is not shown again.",
                    "export AWS_ACCESS_KEY_ID=" + key.accessKeyId() + "\nexport AWS_SECRET_ACCESS_KEY="
                            + key.secretAccessKey() + "\nexport AWS_DEFAULT_REGION=us-east-1\n"));
        } catch (java.io.IOException | IllegalStateException ex) {
            dialogs.showError("No access key issued", ex.getMessage());
        }
    }
}
