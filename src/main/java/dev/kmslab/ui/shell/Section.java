package dev.kmslab.ui.shell;

import java.util.function.Supplier;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;

/** A sidebar entry: its view is built the first time it is shown so start-up only pays for the first screen. */
public final class Section {

    private final String id;
    private final String title;
    private final Ikon icon;
    private final Supplier<Node> factory;
    private final javafx.beans.value.ObservableStringValue heading;
    private Node view;

    public Section(String id, String title, Ikon icon, Supplier<Node> factory) {
        this(id, title, icon, factory, null);
    }

    /** @param heading what the header shows while the section is open (e.g. the page's title); null: its title */
    public Section(String id, String title, Ikon icon, Supplier<Node> factory,
                   javafx.beans.value.ObservableStringValue heading) {
        this.heading = heading;
        this.id = id;
        this.title = title;
        this.icon = icon;
        this.factory = factory;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public Ikon icon() {
        return icon;
    }

    /** The header's text while the section is shown; follows the page for sections with several pages. */
    public javafx.beans.value.ObservableStringValue heading() {
        return heading != null ? heading : new javafx.beans.property.SimpleStringProperty(title);
    }

    public Node view() {
        if (view == null) {
            view = factory.get();
        }
        return view;
    }

    public boolean built() {
        return view != null;
    }
}
