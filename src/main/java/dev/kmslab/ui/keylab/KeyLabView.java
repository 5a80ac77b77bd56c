package dev.kmslab.ui.keylab;

import dev.kmslab.ui.keylab.actas.ActAsBar;
import dev.kmslab.ui.keylab.actas.ActAsViewModel;
import dev.kmslab.ui.keylab.asymmetric.AsymmetricView;
import dev.kmslab.ui.keylab.asymmetric.AsymmetricViewModel;
import dev.kmslab.ui.keylab.audit.AuditView;
import dev.kmslab.ui.keylab.audit.AuditViewModel;
import dev.kmslab.ui.keylab.clock.ClockBar;
import dev.kmslab.ui.keylab.clock.ClockViewModel;
import dev.kmslab.ui.keylab.common.KeyLabSession;
import dev.kmslab.ui.keylab.grants.GrantsView;
import dev.kmslab.ui.keylab.keys.KeysView;
import dev.kmslab.ui.keylab.keystores.CustomKeyStoresView;
import dev.kmslab.ui.keylab.keystores.CustomKeyStoresViewModel;
import dev.kmslab.ui.keylab.keys.KeysViewModel;
import dev.kmslab.ui.keylab.playground.FileEnvelopeViewModel;
import dev.kmslab.ui.keylab.playground.PlaygroundView;
import dev.kmslab.ui.keylab.playground.PlaygroundViewModel;
import dev.kmslab.ui.keylab.playground.WouldItBeAllowedViewModel;
import dev.kmslab.ui.keylab.policies.PoliciesView;
import dev.kmslab.ui.keylab.rotation.RotationView;
import dev.kmslab.ui.keylab.rotation.RotationViewModel;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The Key Lab section: the clock bar, always visible, above one tab per screen. Every screen shares the
 * {@link KeyLabSession}; further screens (policies, grants, act as) join with {@link #addTab}.
 */
public final class KeyLabView extends VBox {

    private final KeyLabSession session;
    private final TabPane tabs = new TabPane();
    private final KeysViewModel keys;

    public KeyLabView(KeyLabSession session) {
        this(session, null);
    }

    /**
     * @param flowOpener opens a catalogue flow recorded with a key ("Watch with this key"); null hides the button
     */
    public KeyLabView(KeyLabSession session, BiConsumer<String, Optional<String>> flowOpener) {
        this(session, flowOpener, null);
    }

    /**
     * @param flowOpener opens a catalogue flow recorded with a key ("Watch with this key"); null hides the button
     * @param eventOpener plays one audit-log event as a flow ("Open as flow"); null hides that button
     */
    public KeyLabView(KeyLabSession session, BiConsumer<String, Optional<String>> flowOpener,
                      java.util.function.Consumer<dev.kmslab.engine.audit.AuditEvent> eventOpener) {
        this.session = session;
        setId("keylab");
        getStyleClass().add("keylab");
        getStylesheets().add(dev.kmslab.ui.common.Stylesheets.url("keylab"));
        // Confirmations open on the main window, which holds this view.
        dev.kmslab.ui.common.DialogService dialogs = new dev.kmslab.ui.common.FxDialogService(this);
        keys = new KeysViewModel(session, dialogs);
        keys.setFlowOpener(flowOpener);
        tabs.setId("keylab-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        addTab("keylab-tab-keys", "Keys", () -> new KeysView(keys));
        addTab("keylab-tab-rotation", "Rotation", () -> new RotationView(new RotationViewModel(session), keys));
        addTab("keylab-tab-playground", "Playground", () -> {
            PlaygroundViewModel playground = new PlaygroundViewModel(session);
            return new PlaygroundView(playground, new FileEnvelopeViewModel(session, dialogs),
                    new WouldItBeAllowedViewModel(session, playground));
        });
        addTab("keylab-tab-asymmetric", "Asymmetric & HMAC", () -> new AsymmetricView(
                new AsymmetricViewModel(session, dialogs)));
        addTab("keylab-tab-policies", "Policies", () -> PoliciesView.create(session, keys));
        addTab("keylab-tab-grants", "Grants", () -> GrantsView.create(session, keys, dialogs));
        addTab("keylab-tab-keystores", "Key stores", () -> new CustomKeyStoresView(
                new CustomKeyStoresViewModel(session, dialogs)));
        addTab("keylab-tab-audit", "Audit log", () -> new AuditView(new AuditViewModel(session, dialogs), eventOpener));
        VBox.setVgrow(tabs, Priority.ALWAYS);
        ActAsBar actAs = new ActAsBar(new ActAsViewModel(session));
        HBox.setHgrow(actAs, Priority.ALWAYS);
        RegionSwitcher region = new RegionSwitcher(session);
        // One band for both choosers: Act as gives up its description text before the Region chooser moves under it
        // (a 1024-pixel window at 150% zoom).
        VBox header = new VBox(band(actAs, region));
        header.getStyleClass().add("lab-header");
        ClockBar clock = new ClockBar(new ClockViewModel(session));
        session.snapshots().ifPresent(store -> {
            dev.kmslab.ui.keylab.snapshots.SnapshotMenu menu = new dev.kmslab.ui.keylab.snapshots.SnapshotMenu(
                    new dev.kmslab.ui.keylab.snapshots.SnapshotsViewModel(session, store,
                            new dev.kmslab.ui.common.FxDialogService(this)));
            // Snapshots restore and reset the learner's own lab, not a lab's sandbox.
            menu.disableProperty().bind(session.sandboxLabelProperty().isNotEmpty());
            clock.addTool(menu, menu.messages());
        });
        getChildren().addAll(sandboxBanner(session), clock, header, tabs);
        // A short window (640 px, or a large zoom) would leave the tabs little more than half of it: the bars above
        // them close up. The Region chooser joins the clock's row, Act as and the account share one line, and the
        // paddings shrink (keylab.css, :compact).
        fontProbe.setManaged(false);
        fontProbe.setVisible(false);
        getChildren().add(fontProbe);
        Runnable arrange = () -> {
            boolean small = getHeight() > 0 && getHeight() < COMPACT_EMS * fontProbe.getFont().getSize();
            if (small == actAs.compactProperty().get() && header.getChildren().size() == 1) {
                return;
            }
            pseudoClassStateChanged(COMPACT, small);
            actAs.compactProperty().set(small);
            if (small) {
                clock.showInRow(region, true);
                header.getChildren().setAll(actAs);
            } else {
                clock.showInRow(region, false);
                header.getChildren().setAll(band(actAs, region));
            }
        };
        heightProperty().addListener((obs, was, now) -> arrange.run());
        fontProbe.fontProperty().addListener((obs, was, now) -> arrange.run());
    }

    private static dev.kmslab.ui.common.SideOrBelow band(ActAsBar actAs, RegionSwitcher region) {
        dev.kmslab.ui.common.SideOrBelow band = new dev.kmslab.ui.common.SideOrBelow(actAs, region, 16);
        band.getStyleClass().add("lab-header-band");
        return band;
    }

    /** Below this height, in ems of the Key Lab's type, the bars above the tabs close up. */
    static final double COMPACT_EMS = 50;

    private static final javafx.css.PseudoClass COMPACT = javafx.css.PseudoClass.getPseudoClass("compact");

    // Follows the zoom (the root's font size), to turn ems into pixels.
    private final Label fontProbe = new Label();

    /** Says, while a lab's sandbox is shown, that these are not the learner's keys, with the way back. */
    private static HBox sandboxBanner(KeyLabSession session) {
        Label text = new Label();
        text.setId("keylab-sandbox-label");
        text.setWrapText(true);
        text.textProperty().bind(javafx.beans.binding.Bindings.concat(session.sandboxLabelProperty(),
                ". Your own keys are not touched."));
        text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        javafx.scene.control.Button back = new javafx.scene.control.Button("Back to my own lab");
        back.setId("keylab-sandbox-back");
        back.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        back.setOnAction(e -> session.backToOwnLab());
        HBox banner = new HBox(12, text, back);
        banner.setId("keylab-sandbox-banner");
        banner.getStyleClass().add("sandbox-banner");
        banner.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        banner.visibleProperty().bind(session.sandboxLabelProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    /**
     * Adds a screen as a tab; its view is built the first time the tab is shown. The tab header node gets
     * {@code id}, so tests can click it.
     */
    public Tab addTab(String id, String title, Supplier<Node> view) {
        Tab tab = new Tab(title);
        tab.setId(id);
        StackPane holder = new StackPane(new Label("Loading…"));
        // A screen that needs more height than a short window has (640 px, or a large zoom) scrolls as a whole
        // instead of being cut at the bottom; with room to spare it fills the tab as before.
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(holder);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("edge-to-edge");
        scroll.getStyleClass().add("tab-scroll");
        tab.setContent(scroll);
        Runnable build = () -> {
            if (holder.getUserData() == null) {
                holder.setUserData(Boolean.TRUE);
                holder.getChildren().setAll(view.get());
            }
        };
        tab.selectedProperty().addListener((obs, was, now) -> {
            if (now) {
                build.run();
            }
        });
        tabs.getTabs().add(tab);
        if (tab.isSelected()) {
            build.run();
        }
        return tab;
    }

    /** Shows the tab with this id (e.g. {@code keylab-tab-rotation}). */
    public void showTab(String id) {
        tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    public KeyLabSession session() {
        return session;
    }

    public KeysViewModel keys() {
        return keys;
    }
}
