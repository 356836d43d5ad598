package io.huida.engine.dialog.flow;

/**
 * A flows file that cannot be used, with the line and column (1-based) of the offending node.
 * The message is {@code line 12: <reason>} ({@code <reason>} alone when the problem concerns the whole file).
 */
public final class FlowFormatException extends IllegalArgumentException {

    private final int line;
    private final int column;
    private final String reason;

    /**
     * @param line   1-based line of the offending node, or 0 when the whole file is concerned
     * @param column 1-based column, or 0
     * @param reason what is wrong, naming the bad value
     */
    public FlowFormatException(int line, int column, String reason) {
        super(line > 0 ? "line " + line + ": " + reason : reason);
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    /** The 1-based line of the offending node, or 0 when the whole file is concerned. */
    public int line() {
        return line;
    }

    /** The 1-based column of the offending node, or 0. */
    public int column() {
        return column;
    }

    /** What is wrong, without the line. */
    public String reason() {
        return reason;
    }
}
