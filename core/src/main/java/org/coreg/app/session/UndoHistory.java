package org.coreg.app.session;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** Bounded undo and redo stacks of states; recording a new state clears redo. */
public final class UndoHistory<T> {
    private final int limit;
    private final Deque<T> undo = new ArrayDeque<>();
    private final Deque<T> redo = new ArrayDeque<>();

    public UndoHistory(int limit) {
        this.limit = limit;
    }

    /** Remembers {@code before}, the state just replaced by a new edit. */
    public void record(T before) {
        undo.push(before);
        while (undo.size() > limit) {
            undo.removeLast();
        }
        redo.clear();
    }

    /** The state to return to, given the {@code current} one (which becomes redoable); empty if nothing to undo. */
    public Optional<T> undo(T current) {
        if (undo.isEmpty()) {
            return Optional.empty();
        }
        redo.push(current);
        return Optional.of(undo.pop());
    }

    /** The state to go forward to, given the {@code current} one; empty if nothing to redo. */
    public Optional<T> redo(T current) {
        if (redo.isEmpty()) {
            return Optional.empty();
        }
        undo.push(current);
        return Optional.of(redo.pop());
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    public void clear() {
        undo.clear();
        redo.clear();
    }
}
