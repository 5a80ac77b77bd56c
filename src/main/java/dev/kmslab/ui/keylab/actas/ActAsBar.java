package dev.kmslab.ui.keylab.actas;

import dev.kmslab.ui.keylab.common.ErrorBox;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The "Act as" chooser under the clock bar: always visible, so the learner knows whose rights every call uses. */
public final class ActAsBar extends VBox {

    public ActAsBar(ActAsViewModel model) {
        setId("act-as-bar");
        getStyleClass().add("act-as-bar");
        Label title = new Label("Act as", new FontIcon(Feather.USER));
        title.getStyleClass().add("act-as-title");
        title.setMinWidth(USE_PREF_SIZE);
        ComboBox<PrincipalChoice> chooser = new ComboBox<>(model.choices());
        chooser.setId("act-as");
        // Its widths are in keylab.css, in em, so they grow with the zoom: the description beside it shortens
        // first, so the principal's name stays readable.
        chooser.setTooltip(new Tooltip("Every Key Lab call runs as this principal. Key policies, IAM policies and "
                + "grants decide what it may do."));
        model.selectedProperty().addListener((obs, was, now) -> chooser.setValue(now));
        chooser.setValue(model.selectedProperty().get());
        // A reload (after creating a role, say) replaces the choices; the principal acted as stays shown.
        dev.kmslab.ui.common.KeepSelection.inComboBox(chooser, model.selectedProperty()::get);
        chooser.valueProperty().addListener((obs, was, now) -> model.actAs(now));
        Tooltip arn = new Tooltip();
        // The whole description (the bar may shorten it on a narrow window) and the principal's ARN.
        arn.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                model.selectedProperty().get() == null ? "" : model.descriptionProperty().get() + "\n\n"
                        + model.selectedProperty().get().arn(),
                model.selectedProperty(), model.descriptionProperty()));
        Label description = new Label();
        description.setId("act-as-description");
        description.getStyleClass().add("muted");
        description.setWrapText(true);
        description.textProperty().bind(model.descriptionProperty());
        HBox.setHgrow(description, Priority.ALWAYS);
        description.setTooltip(arn);
        ComboBox<String> account = new ComboBox<>(model.accounts());
        account.setId("act-as-account");
        // Narrow by default so the bar still fits a 1024-pixel window; the account id is 12 digits.
        // Wide enough for "111122223333 (home)" and the arrow, never squeezed (the row has room at 1024 px).
        // (keylab.css, in em so it follows the zoom).
        account.setTooltip(new Tooltip("Whose keys the Key Lab shows: your home account or the Partner account. "
                + "Switching acts as that account's root; pick another principal above to act as it."));
        account.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String id) {
                return ActAsViewModel.accountLabel(id, model.accounts().isEmpty() ? null : model.accounts().get(0));
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        account.setValue(model.accountProperty().get());
        model.accountProperty().addListener((obs, was, now) -> account.setValue(now));
        account.valueProperty().addListener((obs, was, now) -> model.switchAccount(now));
        Label accountTitle = new Label("Account");
        accountTitle.setMinWidth(USE_PREF_SIZE);
        // Shown once a second account is open (the learner's own lab; a lab sandbox has one account).
        account.visibleProperty().bind(model.accountSwitchable());
        account.managedProperty().bind(account.visibleProperty());
        accountTitle.visibleProperty().bind(account.visibleProperty());
        accountTitle.managedProperty().bind(account.visibleProperty());
        HBox row = new HBox(10, title, chooser, description);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox accountRow = new HBox(10, accountTitle, account);
        accountRow.setAlignment(Pos.CENTER_LEFT);
        accountRow.visibleProperty().bind(model.accountSwitchable());
        accountRow.managedProperty().bind(accountRow.visibleProperty());
        // Compact (a short window): the description, which the chooser's tooltip also gives, makes room for the
        // account beside the principal.
        description.visibleProperty().bind(compact.not());
        description.managedProperty().bind(description.visibleProperty());
        ErrorBox error = new ErrorBox("act-as-error", model.errorProperty());
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(javafx.beans.binding.Bindings.concat(chooser.getTooltip().getText(), "\n\n",
                arn.textProperty()));
        chooser.setTooltip(whole);
        // The account beside the principal while they fit (the description, two lines at most, gives up width
        // first), under it when they do not (a narrow window or a large zoom).
        accountRow.setMinWidth(USE_PREF_SIZE);
        getChildren().addAll(new dev.kmslab.ui.common.SideOrBelow(row, accountRow, 16), error);
    }

    private final javafx.beans.property.BooleanProperty compact = new javafx.beans.property.SimpleBooleanProperty();

    /** Without the principal's description beside the chooser (a short window), so the bar takes one line. */
    public javafx.beans.property.BooleanProperty compactProperty() {
        return compact;
    }
}
