package dev.kmslab.ui.keylab.playground;

import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * The ciphertext blob byte by byte in hex, each part in its own colour with a tooltip explaining it, and a legend.
 * The byte flipped last is outlined.
 */
final class BlobByteView extends VBox {

    private static final int MAX_SHOWN = 512;

    private final FlowPane bytes = new FlowPane();
    private final FlowPane legend = new FlowPane(10, 4);

    BlobByteView() {
        setId("pg-bytes");
        getStyleClass().add("blob-view");
        bytes.getStyleClass().add("blob-bytes");
        legend.getStyleClass().add("blob-legend");
        getChildren().addAll(legend, bytes);
    }

    void show(byte[] blob, List<BlobSegments.Segment> segments, int flipped) {
        bytes.getChildren().clear();
        legend.getChildren().clear();
        if (blob == null) {
            return;
        }
        for (BlobSegments.Segment s : segments) {
            String style = styleOf(s.kind());
            Label key = new Label(s.kind().title() + " · " + s.length() + (s.length() == 1 ? " byte" : " bytes"));
            key.getStyleClass().addAll("blob-legend-item", style);
            key.setTooltip(tip(s, -1));
            legend.getChildren().add(key);
            Tooltip tip = tip(s, flipped >= s.offset() && flipped < s.offset() + s.length() ? flipped : -1);
            for (int i = s.offset(); i < s.offset() + s.length() && i < MAX_SHOWN; i++) {
                Label b = new Label(String.format(Locale.ROOT, "%02x", blob[i] & 0xff));
                b.getStyleClass().addAll("blob-byte", style);
                if (i == flipped) {
                    b.getStyleClass().add("blob-byte-flipped");
                }
                b.setTooltip(tip);
                bytes.getChildren().add(b);
            }
        }
        if (blob.length > MAX_SHOWN) {
            Label more = new Label("… " + (blob.length - MAX_SHOWN) + " more bytes");
            more.getStyleClass().add("muted");
            bytes.getChildren().add(more);
        }
    }

    static String styleOf(BlobSegments.Kind kind) {
        return "seg-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Tooltip tip(BlobSegments.Segment s, int flipped) {
        String where = "Bytes " + s.offset() + "–" + (s.offset() + s.length() - 1) + ". ";
        Tooltip t = new Tooltip(s.kind().title() + "\n" + where + s.kind().explanation()
                + (flipped >= 0 ? "\nByte " + flipped + " was flipped." : ""));
        t.setWrapText(true);
        t.setMaxWidth(360);
        t.setShowDelay(javafx.util.Duration.millis(150));
        return t;
    }
}
