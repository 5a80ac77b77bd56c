package dev.kmslab.ui;

import dev.kmslab.App;
import dev.kmslab.ui.flows.FlowPlayerModel;
import dev.kmslab.ui.shell.MainView;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Measures how smoothly the flow player animates: plays the envelope-encryption flow in the real app and counts the
 * frames JavaFX renders per second while arrows and packets move. Needs a display, e.g.
 * {@code xvfb-run -a -s "-screen 0 1280x800x24" java -cp <test classpath> dev.kmslab.ui.FlowPlayerFrameRate}.
 * Prints {@code BENCH flows.player_fps <fps> fps} and the slowest frame; JavaFX caps rendering at 60 frames a second.
 */
public final class FlowPlayerFrameRate {

    private FlowPlayerFrameRate() {
    }

    public static void main(String[] args) throws IOException {
        Application.launch(MeasuringApp.class, "--data-dir", Files.createTempDirectory("kmslab-fps").toString());
    }

    /** The app, which plays a flow once it is ready and measures the frames. */
    public static final class MeasuringApp extends App {

        private static final double SECONDS = 6;

        @Override
        protected void onReady(MainView view, Stage stage) {
            view.showFlow("envelope-encryption");
            PauseTransition recorded = new PauseTransition(Duration.seconds(2));
            recorded.setOnFinished(e -> measure(view.flows().player()));
            recorded.play();
        }

        private void measure(FlowPlayerModel player) {
            player.toStart();
            player.play();
            new AnimationTimer() {
                private long first;
                private long last;
                private long worst;
                private int frames;

                @Override
                public void handle(long now) {
                    if (first == 0) {
                        first = now;
                    } else {
                        worst = Math.max(worst, now - last);
                        frames++;
                    }
                    last = now;
                    if (player.indexProperty().get() >= player.flowProperty().get().steps().size() - 1) {
                        player.toStart();
                        player.play();
                    }
                    if (now - first >= SECONDS * 1e9) {
                        stop();
                        double fps = frames / ((now - first) / 1e9);
                        System.out.println(String.format(Locale.ROOT, "BENCH flows.player_fps %.1f fps", fps));
                        System.out.println(String.format(Locale.ROOT, "INFO flows.player_fps slowest_frame=%.1fms",
                                worst / 1e6));
                        Platform.exit();
                    }
                }
            }.start();
        }
    }
}
