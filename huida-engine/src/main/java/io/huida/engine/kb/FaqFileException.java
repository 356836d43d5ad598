package io.huida.engine.kb;

import java.util.List;

/** An imported FAQ file is invalid; nothing of it may be used. Lists every problem found (up to a limit). */
public final class FaqFileException extends RuntimeException {

    private final List<RowError> errors;

    public FaqFileException(List<RowError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    /** The problems, in file order. */
    public List<RowError> errors() {
        return errors;
    }

    private static String summary(List<RowError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a FaqFileException needs at least one error");
        }
        return errors.size() + " error(s) in FAQ file; first: " + errors.get(0);
    }
}
