package dev.kmslab.ui.flows;

import dev.kmslab.flow.Payload;
import dev.kmslab.flow.Step;
import dev.kmslab.ui.common.WholeWordsLabel;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The real bytes of the current step's payloads, in hex and base64; secrets are highlighted. */
final class BytesPanel extends VBox {

    /** Bytes shown per payload; longer payloads are cut with a note, the export has them in full (up to 512). */
    static final int SHOWN_BYTES = 48;

    BytesPanel() {
        getStyleClass().add("bytes-panel");
        setId("bytes-panel");
    }

    void show(Step step) {
        getChildren().clear();
        Label heading = new Label("Bytes");
        heading.getStyleClass().add("panel-heading");
        getChildren().add(heading);
        if (step == null || step.payloads().isEmpty()) {
            Label none = new Label("This step carries no data: it happens inside KMS or is a request by name.");
            none.getStyleClass().add("muted");
            none.setWrapText(true);
            getChildren().add(none);
            return;
        }
        for (Payload p : step.payloads()) {
            getChildren().add(box(p));
        }
    }

    private static VBox box(Payload p) {
        // In a narrow panel (presenter mode, a large zoom) the name wraps, so the SECRET badge beside it stays in; a
        // long suite name ("Algorithm ID = 0x0578 ALG_AES_256_GCM_HKDF_…") wraps after an underscore, not mid-part.
        Label name = new WholeWordsLabel(WholeWordsLabel.breakAfterUnderscores(p.name()));
        name.setGraphic(Visuals.chip(p).getGraphic());
        name.setAccessibleText(p.name());
        name.getStyleClass().add("payload-name");
        name.setMinHeight(Region.USE_PREF_SIZE);
        Label size = new Label(p.sizeText() + " · " + p.kind().label());
        size.getStyleClass().addAll("muted", "payload-size");
        // "144 bytes · encryption context" wraps in a narrow panel rather than ending in "...".
        size.setWrapText(true);
        size.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox header = new HBox(name);
        header.getStyleClass().add("payload-header");
        if (p.secret()) {
            Label badge = new Label("SECRET");
            badge.setMinWidth(Region.USE_PREF_SIZE);
            badge.getStyleClass().add("secret-badge");
            header.getChildren().add(badge);
        }
        VBox box = new VBox(header, size);
        box.getStyleClass().addAll("payload-box", Visuals.styleClass(p.kind()));
        if (p.secret()) {
            box.getStyleClass().add("secret");
        }
        String text = p.textOrEmpty();
        if (!text.isEmpty() && p.size() <= 200) {
            // Whole words: a JSON key in the text is never broken mid-word, the panel keeps the widest one's width.
            Label preview = new WholeWordsLabel(WholeWordsLabel.breakAfterUnderscores("“" + text + "”"));
            preview.getStyleClass().add("payload-text");
            preview.setMinHeight(Region.USE_PREF_SIZE);
            box.getChildren().add(preview);
        }
        box.getChildren().addAll(bytes("hex", hex(p)), bytes("base64", base64(p)));
        return box;
    }

    private static HBox bytes(String label, String value) {
        Label l = new Label(label);
        l.getStyleClass().add("bytes-label");
        Label v = new Label(value);
        // Hex and Base64 have no words: they may wrap anywhere in a narrow panel.
        v.getStyleClass().addAll("bytes-value", "may-break");
        v.setWrapText(true);
        v.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(v, Priority.ALWAYS);
        return new HBox(l, v);
    }

    /** Hex in 4-byte groups so it wraps at group boundaries. */
    static String hex(Payload p) {
        String hex = p.hex();
        int shown = Math.min(p.size(), SHOWN_BYTES) * 2;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < shown; i += 8) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(hex, i, Math.min(shown, i + 8));
        }
        if (p.size() > SHOWN_BYTES) {
            b.append(" … (+").append(p.size() - SHOWN_BYTES).append(" bytes)");
        }
        return b.toString();
    }

    static String base64(Payload p) {
        String b64 = p.base64();
        int limit = 96;
        StringBuilder b = new StringBuilder();
        int shown = Math.min(b64.length(), limit);
        for (int i = 0; i < shown; i += 24) {
            if (i > 0) {
                b.append('\n');
            }
            b.append(b64, i, Math.min(shown, i + 24));
        }
        if (b64.length() > limit) {
            b.append(" …");
        }
        return b.toString();
    }
}
