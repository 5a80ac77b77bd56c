package dev.kmslab.ui.common;

import java.nio.file.Path;
import java.util.Optional;

/** {@link DialogService#none()}: every request is an error naming the dialog that was asked for. */
enum NoDialogs implements DialogService {
    INSTANCE;

    @Override
    public void confirm(Confirmation question, Runnable onConfirm) {
        throw refused(question.title());
    }

    @Override
    public void showInformation(Message message) {
        throw refused(message.title());
    }

    @Override
    public void showError(String title, String text) {
        throw refused(title);
    }

    @Override
    public Optional<Path> chooseFileToOpen(FileRequest request) {
        throw refused(request.title());
    }

    @Override
    public Optional<Path> chooseFileToSave(FileRequest request) {
        throw refused(request.title());
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        throw refused(title);
    }

    private static IllegalStateException refused(String title) {
        return new IllegalStateException("No dialogs here: " + title);
    }
}
