package io.huida.engine.safety;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses a risk cue table: {@code type} rows (name, severity, hand-off, message, Chinese and English notice) and
 * {@code cue} rows (type, scheme, {@code re:} pattern, optional {@code literal}); {@code {s}} in a pattern stands
 * for any character that does not end a sentence. Errors name the source and line.
 */
final class RiskTable {

    static final String SENTENCE_CHAR = "[^。!?\\n]";

    record Cue(String scheme, Pattern pattern, boolean negatable) {
    }

    record Type(String name, String severity, boolean handoff, String message, String noticeZh, String noticeEn,
                List<Cue> cues) {
    }

    private RiskTable() {
    }

    static List<Type> parse(List<SafetyTable.Row> rows) {
        Map<String, Type> types = new LinkedHashMap<>();
        Map<String, List<Cue>> cues = new LinkedHashMap<>();
        for (SafetyTable.Row row : rows) {
            switch (row.cell(0)) {
                case "type" -> {
                    Type type = type(row);
                    if (types.putIfAbsent(type.name(), type) != null) {
                        throw row.error("risk type '" + type.name() + "' is declared twice");
                    }
                    cues.put(type.name(), new ArrayList<>());
                }
                case "cue" -> {
                    expect(row, 4, 5, "cue, type, scheme, re:pattern, [literal]");
                    List<Cue> list = cues.get(row.cell(1));
                    if (list == null) {
                        throw row.error("cue for undeclared risk type '" + row.cell(1) + "'");
                    }
                    if (!row.cell(3).startsWith("re:")) {
                        throw row.error("cue pattern must start with 're:', got '" + row.cell(3) + "'");
                    }
                    String flag = row.cell(4);
                    if (!flag.isEmpty() && !flag.equals("literal")) {
                        throw row.error("unknown flag '" + flag + "', expected 'literal' or nothing");
                    }
                    List<String> cells = new ArrayList<>(row.cells());
                    cells.set(3, row.cell(3).replace("{s}", SENTENCE_CHAR));
                    SafetyTable.Row expanded = new SafetyTable.Row(row.source(), row.line(), cells);
                    list.add(new Cue(row.cell(2), SafetyTable.pattern(expanded, 3), flag.isEmpty()));
                }
                default -> throw row.error("row kind must be 'type' or 'cue', got '" + row.cell(0) + "'");
            }
        }
        List<Type> out = new ArrayList<>();
        for (Type type : types.values()) {
            out.add(new Type(type.name(), type.severity(), type.handoff(), type.message(), type.noticeZh(),
                    type.noticeEn(), List.copyOf(cues.get(type.name()))));
        }
        return out;
    }

    private static Type type(SafetyTable.Row row) {
        expect(row, 7, 7, "type, name, severity, handoff, message, notice_zh, notice_en");
        String severity = row.cell(2);
        if (!Risk.SEVERITIES.contains(severity)) {
            throw row.error("unknown severity '" + severity + "', expected one of " + Risk.SEVERITIES);
        }
        String handoff = row.cell(3);
        if (!handoff.equals("yes") && !handoff.equals("no")) {
            throw row.error("handoff must be 'yes' or 'no', got '" + handoff + "'");
        }
        for (int i = 1; i <= 6; i++) {
            if (row.cell(i).isEmpty()) {
                throw row.error("column " + (i + 1) + " is empty");
            }
        }
        return new Type(row.cell(1), severity, handoff.equals("yes"), row.cell(4), row.cell(5), row.cell(6), List.of());
    }

    private static void expect(SafetyTable.Row row, int min, int max, String columns) {
        int n = row.cells().size();
        if (n < min || n > max) {
            throw row.error("expected " + (min == max ? String.valueOf(min) : min + " or " + max)
                    + " tab-separated columns (" + columns + "), got " + n);
        }
    }
}
