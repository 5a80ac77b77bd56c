package dev.kmslab.ui.flows;

import dev.kmslab.flow.ActorKind;
import dev.kmslab.flow.Payload;
import dev.kmslab.flow.PayloadKind;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Icons, style classes and payload chips shared by the player's panels, so every panel draws a thing the same way. */
final class Visuals {

    private Visuals() {
    }

    static Ikon icon(ActorKind kind) {
        return switch (kind) {
            case CLIENT -> Feather.MONITOR;
            case KMS -> Feather.KEY;
            case HSM -> Feather.CPU;
            case STORAGE -> Feather.DATABASE;
            case SERVICE -> Feather.CLOUD;
            case CLOUDTRAIL -> Feather.LIST;
        };
    }

    static Ikon icon(PayloadKind kind) {
        return switch (kind) {
            case DATA_KEY -> Feather.UNLOCK;
            case ENCRYPTED_DATA_KEY, CIPHERTEXT -> Feather.LOCK;
            case PLAINTEXT -> Feather.FILE_TEXT;
            case IV -> Feather.SHUFFLE;
            case CONTEXT -> Feather.TAG;
            case KEY_ID -> Feather.HASH;
            case SIGNATURE -> Feather.EDIT_3;
            case OTHER -> Feather.SLASH;
        };
    }

    static String styleClass(PayloadKind kind) {
        return "packet-" + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** A small labelled chip for one payload: an open padlock for usable keys, closed for wrapped bytes. */
    static Label chip(Payload p) {
        Label chip = new Label(shortName(p), new FontIcon(icon(p.kind())));
        chip.getStyleClass().addAll("packet", styleClass(p.kind()));
        if (p.secret()) {
            chip.getStyleClass().add("secret");
        }
        if (p.kind().isKey()) {
            // A key is drawn as a key with its padlock beside it, so the lock state reads at a glance.
            FontIcon key = new FontIcon(Feather.KEY);
            FontIcon lock = new FontIcon(p.kind().isLocked() ? Feather.LOCK : Feather.UNLOCK);
            HBox both = new HBox(2, key, lock);
            chip.setGraphic(both);
        }
        return chip;
    }

    /**
     * One chip per kind of payload, "data ×9" for nine of a kind, with their names in its tooltip: the AWS Encryption
     * SDK header step carries 21 fields, whose chips took four rows under the arrow and ran out of the lane area at
     * 150% zoom. The Bytes card lists every field.
     */
    static java.util.List<Label> chips(java.util.List<Payload> payloads) {
        java.util.Map<String, java.util.List<Payload>> kinds = new java.util.LinkedHashMap<>();
        for (Payload p : payloads) {
            kinds.computeIfAbsent(shortName(p) + "|" + p.kind() + "|" + p.secret(), k -> new java.util.ArrayList<>())
                    .add(p);
        }
        java.util.List<Label> chips = new java.util.ArrayList<>();
        for (java.util.List<Payload> same : kinds.values()) {
            Label chip = chip(same.get(0));
            if (same.size() > 1) {
                chip.setText(chip.getText() + " ×" + same.size());
                chip.setTooltip(new javafx.scene.control.Tooltip(String.join("\n",
                        same.stream().map(Payload::name).toList())));
            }
            chips.add(chip);
        }
        return chips;
    }

    static String shortName(Payload p) {
        return switch (p.kind()) {
            case DATA_KEY -> p.name().startsWith("Bucket") ? "bucket key"
                    : p.name().startsWith("Key material") ? "key material" : "data key";
            case ENCRYPTED_DATA_KEY -> "encrypted key";
            case CIPHERTEXT -> "ciphertext";
            case PLAINTEXT -> "plaintext";
            case IV -> "IV";
            case CONTEXT -> "context";
            case KEY_ID -> "key id";
            case SIGNATURE -> "signature";
            case OTHER -> p.name().contains("erasing") ? "zeroed"
                    : p.name().toLowerCase(java.util.Locale.ROOT).contains("public key") ? "public key"
                    : p.name().equals("Import token") ? "import token" : "data";
        };
    }
}
