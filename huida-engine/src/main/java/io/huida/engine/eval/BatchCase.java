package io.huida.engine.eval;

/**
 * One row of a batch test: a query and the FAQ that must answer it, or null when the knowledge base must
 * not answer it (written {@code NONE} or left empty in the file).
 *
 * @param row   1-based row number in the file (header is row 1)
 * @param style optional label for breaking the report down (e.g. {@code typo}); may be null
 */
public record BatchCase(int row, String query, String expectedId, String style) {

    /** True when the knowledge base should answer this query. */
    public boolean inScope() {
        return expectedId != null;
    }
}
