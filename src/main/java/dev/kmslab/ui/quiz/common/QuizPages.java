package dev.kmslab.ui.quiz.common;

import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Building blocks the quiz pages share, so they look alike. */
public final class QuizPages {

    private QuizPages() {
    }

    /** A scrolling page with the usual padding; the returned pane's content is {@code page}. */
    public static ScrollPane scroll(String id, VBox page) {
        page.getStyleClass().add("page");
        ScrollPane scroll = new ScrollPane(page);
        scroll.setId(id);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().addAll("page-scroll", "edge-to-edge");
        return scroll;
    }

    /** Scrolls so that {@code node} starts near the top, once layout has placed it. */
    public static void scrollTo(ScrollPane scroll, Node node) {
        Platform.runLater(() -> {
            Node content = scroll.getContent();
            scroll.layout();
            double y = content.sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
            double range = content.getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(range <= 0 ? 0 : Math.min(1, Math.max(0, (y - 16) / range)));
        });
    }

    public static HBox toolbar(QuizNavigation model, String title) {
        Button back = new Button("Quiz home", new FontIcon(Feather.ARROW_LEFT));
        back.setId("quiz-home-button");
        back.getStyleClass().add("flat");
        back.setOnAction(e -> model.home());
        Label heading = new Label(title);
        heading.setId("quiz-page-title");
        heading.getStyleClass().add("title-3");
        heading.setWrapText(true);
        HBox bar = new HBox(back, heading);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("page-toolbar");
        return bar;
    }
}
