package dev.kmslab.ui.checklists;

import dev.kmslab.io.AtomicFile;
import dev.kmslab.study.checklist.ChecklistProgress;
import dev.kmslab.study.content.Checklist;
import dev.kmslab.study.content.StudyContent;
import dev.kmslab.study.content.Track;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The exam checklists: the chosen track, the ticks, progress per track and overall, reset and export. */
public final class ChecklistViewModel {

    private final ChecklistProgress progress;
    private final javafx.beans.property.ReadOnlyObjectWrapper<StudyContent> content = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyStringWrapper track = new javafx.beans.property.ReadOnlyStringWrapper("SAA");
    private final javafx.beans.property.ReadOnlyIntegerWrapper ticked = new javafx.beans.property.ReadOnlyIntegerWrapper();
    private final javafx.beans.property.ReadOnlyIntegerWrapper total = new javafx.beans.property.ReadOnlyIntegerWrapper();
    private final javafx.beans.property.ReadOnlyDoubleWrapper fraction = new javafx.beans.property.ReadOnlyDoubleWrapper();
    private final javafx.beans.property.ReadOnlyDoubleWrapper overall = new javafx.beans.property.ReadOnlyDoubleWrapper();
    private final javafx.beans.property.ReadOnlyStringWrapper error = new javafx.beans.property.ReadOnlyStringWrapper();
    private final javafx.beans.property.ReadOnlyStringWrapper highlighted = new javafx.beans.property.ReadOnlyStringWrapper();

    private final dev.kmslab.ui.common.DialogService dialogs;
    private final javafx.beans.property.ReadOnlyIntegerWrapper resets = new javafx.beans.property.ReadOnlyIntegerWrapper();

    public ChecklistViewModel(ChecklistProgress progress, dev.kmslab.ui.common.DialogService dialogs) {
        this.progress = progress;
        this.dialogs = dialogs;
        content.addListener((obs, was, now) -> recount());
        track.addListener((obs, was, now) -> recount());
    }

    public javafx.beans.property.ReadOnlyObjectProperty<StudyContent> contentProperty() {
        return content.getReadOnlyProperty();
    }

    /** The study content, once it has loaded. */
    public void setContent(StudyContent value) {
        content.set(value);
    }

    /** The selected track id, e.g. {@code DVA}. */
    public javafx.beans.property.ReadOnlyStringProperty trackProperty() {
        return track.getReadOnlyProperty();
    }

    /** Shows the checklist of the track {@code value} (an id such as "SAA"). */
    public void showTrack(String value) {
        track.set(value);
    }

    public javafx.beans.property.ReadOnlyIntegerProperty tickedProperty() {
        return ticked.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyDoubleProperty overallProperty() {
        return overall.getReadOnlyProperty();
    }

    /** The last failure (a save that did not work), shown inline; null when all is well. */
    public javafx.beans.property.ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The item a search jumped to, to scroll to and flash. */
    public javafx.beans.property.ReadOnlyStringProperty highlightedProperty() {
        return highlighted.getReadOnlyProperty();
    }

    public Optional<Checklist> checklist() {
        return content.get() == null ? Optional.empty() : content.get().checklist(track.get());
    }

    public Optional<Track> trackInfo() {
        return content.get() == null ? Optional.empty() : content.get().track(track.get());
    }

    public List<Checklist> checklists() {
        return content.get() == null ? List.of() : content.get().checklists();
    }

    public boolean isTicked(String itemId) {
        return progress.isTicked(itemId);
    }

    public int tickedCount(Checklist checklist) {
        return progress.tickedCount(checklist);
    }

    /** Ticks or unticks an item; returns whether the change was saved (if not, the tick is undone and explained). */
    public boolean setTicked(String itemId, boolean value) {
        try {
            progress.setTicked(itemId, value);
            error.set(null);
            return true;
        } catch (IOException e) {
            error.set("Your tick could not be saved (" + e.getMessage() + "); it was undone so nothing is lost.");
            return false;
        } finally {
            recount();
        }
    }

    public void reset() {
        checklist().ifPresent(list -> {
            try {
                progress.reset(list);
                error.set(null);
            } catch (IOException e) {
                error.set("The reset could not be saved (" + e.getMessage() + "); your ticks are unchanged.");
            }
        });
        recount();
    }

    /** Counts the resets done, so the view redraws the ticks after one. */
    public javafx.beans.property.ReadOnlyIntegerProperty resetsProperty() {
        return resets.getReadOnlyProperty();
    }

    /** Asks before unticking every item of the selected track; resets only if the learner confirms. */
    public void askReset() {
        dev.kmslab.ui.common.DialogService.Confirmation question = new dev.kmslab.ui.common.DialogService.Confirmation(
                "Reset the " + track.get() + " checklist",
                "Untick every item of this track? Other tracks keep their ticks.", "Reset");
        dialogs.confirm(question, () -> {
            reset();
            resets.set(resets.get() + 1);
        });
    }

    /** Asks where to save the selected track as Markdown and writes it there; a failed write shows as the error. */
    public void export() {
        dev.kmslab.ui.common.DialogService.FileRequest request = new dev.kmslab.ui.common.DialogService.FileRequest(
                "Export checklist as Markdown", suggestedExportName(),
                List.of(new dev.kmslab.ui.common.DialogService.FileType("Markdown", "*.md")));
        dialogs.chooseFileToSave(request).ifPresent(file -> {
            try {
                exportTo(file);
                error.set(null);
            } catch (IOException e) {
                error.set("Could not write " + file + ": " + e.getMessage());
            }
        });
    }

    public String exportMarkdown() {
        return checklist().map(progress::exportMarkdown).orElse("");
    }

    public String suggestedExportName() {
        return "kms-lab-" + track.get().toLowerCase(Locale.ROOT) + "-checklist.md";
    }

    public void exportTo(Path file) throws IOException {
        AtomicFile.write(file, exportMarkdown().getBytes(StandardCharsets.UTF_8));
    }

    public void jumpTo(String trackId, String itemId) {
        track.set(trackId);
        highlighted.set(null);
        highlighted.set(itemId);
    }

    private void recount() {
        Optional<Checklist> list = checklist();
        ticked.set(list.map(progress::tickedCount).orElse(0));
        total.set(list.map(Checklist::size).orElse(0));
        fraction.set(list.map(progress::fraction).orElse(0.0));
        overall.set(progress.overallFraction(checklists()));
    }
}
