package dev.kmslab.ui.common;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A {@link DialogService} for view-model tests: answers are queued before the action ({@link #willConfirm()},
 * {@link #willChoose(Path)}...), and every dialog asked for is recorded so the test can check what the learner saw.
 * A dialog asked for with no answer queued fails the test rather than guessing.
 */
public final class ScriptedDialogs implements DialogService {

    private enum Answer { CONFIRM, CANCEL, HOLD }

    private final Deque<Answer> confirmations = new ArrayDeque<>();
    private final List<Runnable> held = new ArrayList<>();
    private final Deque<Optional<Path>> files = new ArrayDeque<>();
    private final List<Confirmation> asked = new ArrayList<>();
    private final List<FileRequest> fileRequests = new ArrayList<>();
    private final List<Message> messages = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    public ScriptedDialogs willConfirm() {
        confirmations.add(Answer.CONFIRM);
        return this;
    }

    /** Leaves the next confirmation open: the learner answers later, with {@link #confirmHeld()}. */
    public ScriptedDialogs willHold() {
        confirmations.add(Answer.HOLD);
        return this;
    }

    /** Presses the confirm button of the oldest confirmation left open by {@link #willHold()}. */
    public void confirmHeld() {
        if (held.isEmpty()) {
            throw new AssertionError("No confirmation is open");
        }
        held.remove(0).run();
    }

    public ScriptedDialogs willCancel() {
        confirmations.add(Answer.CANCEL);
        return this;
    }

    /** The next file or folder chooser answers {@code file}. */
    public ScriptedDialogs willChoose(Path file) {
        files.add(Optional.of(file));
        return this;
    }

    public ScriptedDialogs willCancelFileChoice() {
        files.add(Optional.empty());
        return this;
    }

    public List<Confirmation> asked() {
        return asked;
    }

    public List<FileRequest> fileRequests() {
        return fileRequests;
    }

    public List<Message> messages() {
        return messages;
    }

    /** Each error as "title: text". */
    public List<String> errors() {
        return errors;
    }

    @Override
    public void confirm(Confirmation question, Runnable onConfirm) {
        asked.add(question);
        if (confirmations.isEmpty()) {
            throw new AssertionError("Unexpected confirmation: " + question);
        }
        Answer answer = confirmations.poll();
        if (answer == Answer.CONFIRM) {
            onConfirm.run();
        } else if (answer == Answer.HOLD) {
            held.add(onConfirm);
        }
    }

    @Override
    public void showInformation(Message message) {
        messages.add(message);
    }

    @Override
    public void showError(String title, String text) {
        errors.add(title + ": " + text);
    }

    @Override
    public Optional<Path> chooseFileToOpen(FileRequest request) {
        return nextFile(request);
    }

    @Override
    public Optional<Path> chooseFileToSave(FileRequest request) {
        return nextFile(request);
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        return nextFile(new FileRequest(title, "", java.util.List.of()));
    }

    private Optional<Path> nextFile(FileRequest request) {
        fileRequests.add(request);
        if (files.isEmpty()) {
            throw new AssertionError("Unexpected file chooser: " + request);
        }
        return files.poll();
    }
}
