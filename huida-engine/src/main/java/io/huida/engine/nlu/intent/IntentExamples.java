package io.huida.engine.nlu.intent;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads labelled examples from TSV: {@code text<TAB>intent} per line; blank lines and {@code #} comments are skipped. */
public final class IntentExamples {

    private IntentExamples() {
    }

    /**
     * Reads all examples of {@code reader}.
     *
     * @param source names the input in error messages (e.g. a file name)
     * @throws IllegalArgumentException naming the source and line of the first malformed line
     */
    public static List<IntentExample> readTsv(BufferedReader reader, String source) throws IOException {
        List<IntentExample> out = new ArrayList<>();
        String line;
        int lineNo = 0;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.lastIndexOf('\t');
            if (tab <= 0 || line.substring(0, tab).isBlank() || line.substring(tab + 1).isBlank()) {
                throw new IllegalArgumentException(source + " line " + lineNo + ": expected text<TAB>intent, got '" + line + "'");
            }
            out.add(new IntentExample(line.substring(0, tab).strip(), line.substring(tab + 1).strip()));
        }
        return out;
    }
}
