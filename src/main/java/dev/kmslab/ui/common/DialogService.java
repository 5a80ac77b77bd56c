package dev.kmslab.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What view models ask of the learner through a dialog: a confirmation before a destructive action, a message, or a
 * file to open or save. View models hold this interface, so tests answer the dialogs with {@code ScriptedDialogs}
 * and the app shows real ones with {@link FxDialogService}.
 */
public interface DialogService {

    /** A question before a destructive action; {@code confirmLabel} names the action ("Schedule deletion"). */
    record Confirmation(String title, String text, String confirmLabel) {
        public Confirmation {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(confirmLabel, "confirmLabel");
        }
    }

    /** A message; {@code copyable} (may be empty) is shown in a read-only text box the learner can copy from. */
    record Message(String title, String text, String copyable) {
        public Message {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(text, "text");
            copyable = copyable == null ? "" : copyable;
        }
    }

    /** One entry of a file chooser's type list, e.g. {@code new FileType("Markdown", "*.md")}. */
    record FileType(String description, String pattern) {
    }

    /** A file chooser: its title, the suggested file name (may be empty) and the file types offered. */
    record FileRequest(String title, String initialName, List<FileType> types) {
        public FileRequest {
            Objects.requireNonNull(title, "title");
            initialName = initialName == null ? "" : initialName;
            types = List.copyOf(types);
        }
    }

    /**
     * Asks {@code question}; {@code onConfirm} runs only if the learner picks the confirm button (Cancel is the safe
     * default). Does not block: the answer may come after this method returns.
     */
    void confirm(Confirmation question, Runnable onConfirm);

    /** Shows a message without waiting for it to be closed. */
    void showInformation(Message message);

    /** Shows an error without waiting for it to be closed. */
    void showError(String title, String text);

    /** The file the learner chose to open, or empty if they cancelled. */
    Optional<Path> chooseFileToOpen(FileRequest request);

    /** The file the learner chose to save to, or empty if they cancelled. */
    Optional<Path> chooseFileToSave(FileRequest request);

    /**
     * A folder the learner chose (for example where class handouts go), or empty if they cancelled. Services that
     * cannot show a folder chooser refuse rather than pretend the learner cancelled.
     */
    default Optional<Path> chooseFolder(String title) {
        throw new UnsupportedOperationException("This dialog service cannot choose folders: " + title);
    }
}
