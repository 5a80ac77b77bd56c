package dev.kmslab.ui.keylab;

import dev.kmslab.ui.keylab.common.KeyLabSession;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Region chooser beside "Act as": which simulated Region every Key Lab screen works in. The session is its
 * model; choosing a Region switches the engine all screens follow.
 */
public final class RegionSwitcher extends HBox {

    public RegionSwitcher(KeyLabSession session) {
        super(10);
        setId("region-bar");
        setAlignment(Pos.CENTER_LEFT);
        Label title = new Label("Region", new FontIcon(Feather.GLOBE));
        title.getStyleClass().add("act-as-title");
        title.setMinWidth(USE_PREF_SIZE);
        ComboBox<String> chooser = new ComboBox<>(session.regionChoices());
        chooser.setId("region-switcher");
        chooser.setTooltip(new Tooltip("Each Region has its own keys, policies, grants and audit events. A "
                + "multi-Region key has the same id and key material in every Region it is replicated to."));
        chooser.valueProperty().bindBidirectional(session.regionProperty());
        // Wide enough for the longest Region name; never squeezed by the Act as bar beside it.
        chooser.setPrefWidth(150);
        chooser.setMinWidth(USE_PREF_SIZE);
        setMinWidth(USE_PREF_SIZE);
        getChildren().addAll(title, chooser);
    }
}
