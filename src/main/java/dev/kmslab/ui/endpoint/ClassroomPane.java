package dev.kmslab.ui.endpoint;

import dev.kmslab.server.classroom.StudentPolicy;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Under the endpoint switch: "For a class" (HTTPS on every interface, no published key), the policy template for new
 * students, and "Enrol a class…", which reads a roster and writes one handout per student.
 */
public final class ClassroomPane extends VBox {

    public ClassroomPane(ClassroomViewModel model) {
        super(4);
        EndpointViewModel endpoint = model.endpoint();
        // Short enough for the sidebar at 1024 px; the tooltip says what the mode changes.
        CheckBox forClass = new CheckBox("For a class");
        forClass.setId("endpoint-class-mode");
        forClass.setTooltip(new javafx.scene.control.Tooltip("Serve over HTTPS on every network interface, refuse "
                + "the published test/test key and limit each access key's request rate."));
        forClass.setWrapText(true);
        forClass.getStyleClass().add("small");
        forClass.selectedProperty().bindBidirectional(endpoint.forClassProperty());
        forClass.disableProperty().bind(endpoint.runningProperty());
        ComboBox<StudentPolicy> policy = new ComboBox<>();
        policy.getItems().setAll(model.policies());
        policy.setId("endpoint-class-policy");
        policy.valueProperty().bindBidirectional(model.policyProperty());
        Label policyLabel = new Label("Students get");
        policyLabel.setLabelFor(policy);
        policyLabel.getStyleClass().add("muted");
        HBox policyRow = new HBox(6, policyLabel, policy);
        Button enrol = new Button("Enrol a class…");
        enrol.setId("endpoint-enrol-class");
        enrol.getStyleClass().addAll("small", "flat");
        enrol.setOnAction(e -> model.enrolClass());
        VBox whileRunning = new VBox(4, policyRow, enrol);
        whileRunning.visibleProperty().bind(endpoint.runningProperty());
        whileRunning.managedProperty().bind(whileRunning.visibleProperty());
        endpoint.runningProperty().addListener((obs, was, now) -> {
            if (now) {
                model.showClassNotice();
            }
        });
        getChildren().addAll(forClass, whileRunning);
    }
}
