package io.huida.engine.kb;

/**
 * One problem in an imported file.
 *
 * @param row     1-based row (line) number in the file, the header being row 1 for CSV and XLSX
 * @param column  the column (field) name, or null when the problem concerns the whole row or file
 * @param message what is wrong, naming the bad value
 */
public record RowError(int row, String column, String message) {

    @Override
    public String toString() {
        return "row " + row + (column == null ? "" : ", column " + column) + ": " + message;
    }
}
