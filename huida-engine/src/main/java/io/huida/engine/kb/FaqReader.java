package io.huida.engine.kb;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import tools.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads FAQ files (CSV, XLSX, JSON Lines) all or nothing: either every row is valid and the FAQs are
 * returned, or a {@link FaqFileException} lists the problems by row and column.
 */
public final class FaqReader {

    /** Most errors reported for one file. */
    public static final int MAX_ERRORS = 100;
    /** Most FAQs in one file. */
    public static final int MAX_FAQS = 100_000;

    /** Reads {@code content} in {@code format}. */
    public List<Faq> read(byte[] content, FaqFormat format) {
        return switch (format) {
            case CSV -> readCsv(decode(content));
            case XLSX -> readXlsx(content);
            case JSONL -> readJsonl(decode(content));
        };
    }

    private List<Faq> readCsv(String text) {
        List<RowError> errors = new ArrayList<>();
        List<Faq> faqs = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setTrim(false).get().parse(new StringReader(text))) {
            List<String> header = null;
            for (CSVRecord record : parser) {
                int row = (int) record.getRecordNumber();
                if (header == null) {
                    header = new ArrayList<>();
                    for (String h : record) {
                        header.add(h.strip().toLowerCase(java.util.Locale.ROOT));
                    }
                    errors.addAll(FaqColumns.checkHeader(header, row));
                    if (!errors.isEmpty()) {
                        throw new FaqFileException(errors);
                    }
                    continue;
                }
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                if (record.size() != header.size()) {
                    errors.add(new RowError(row, null, "has " + record.size() + " fields, the header has " + header.size()));
                } else {
                    Map<String, String> cells = new HashMap<>();
                    for (int i = 0; i < header.size(); i++) {
                        cells.put(header.get(i), record.get(i));
                    }
                    add(FaqColumns.toFaq(cells, row, errors), row, faqs, rows, errors);
                }
                if (errors.size() >= MAX_ERRORS) {
                    break;
                }
            }
            if (header == null) {
                errors.add(new RowError(1, null, "the file is empty; expected a header " + FaqColumns.REQUIRED));
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            errors.add(new RowError(lineOf(e), null, "malformed CSV: " + e.getMessage()));
        }
        return finish(faqs, rows, errors);
    }

    private List<Faq> readXlsx(byte[] content) {
        List<RowError> errors = new ArrayList<>();
        List<Faq> faqs = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            List<String> header = null;
            for (Row r : sheet) {
                int row = r.getRowNum() + 1;
                List<String> values = new ArrayList<>();
                for (int c = 0; c < Math.max(0, r.getLastCellNum()); c++) {
                    Cell cell = r.getCell(c);
                    values.add(cell == null ? "" : formatter.formatCellValue(cell));
                }
                if (values.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (header == null) {
                    header = values.stream().map(v -> v.strip().toLowerCase(java.util.Locale.ROOT)).toList();
                    while (!header.isEmpty() && header.get(header.size() - 1).isEmpty()) {
                        header = header.subList(0, header.size() - 1);
                    }
                    errors.addAll(FaqColumns.checkHeader(header, row));
                    if (!errors.isEmpty()) {
                        throw new FaqFileException(errors);
                    }
                    continue;
                }
                Map<String, String> cells = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    cells.put(header.get(i), i < values.size() ? values.get(i) : "");
                }
                add(FaqColumns.toFaq(cells, row, errors), row, faqs, rows, errors);
                if (errors.size() >= MAX_ERRORS) {
                    break;
                }
            }
            if (header == null) {
                errors.add(new RowError(1, null, "the first sheet is empty; expected a header " + FaqColumns.REQUIRED));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof FaqFileException f) {
                throw f;
            }
            errors.add(new RowError(1, null, "not a readable XLSX workbook: " + e.getMessage()));
        }
        return finish(faqs, rows, errors);
    }

    private List<Faq> readJsonl(String text) {
        List<RowError> errors = new ArrayList<>();
        List<Faq> faqs = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new StringReader(text))) {
            String line;
            int row = 0;
            while ((line = reader.readLine()) != null) {
                row++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = FaqColumns.JSON.readTree(line);
                } catch (RuntimeException e) {
                    errors.add(new RowError(row, null, "not valid JSON: " + firstLine(e.getMessage())));
                    continue;
                }
                if (!node.isObject()) {
                    errors.add(new RowError(row, null, "expected a JSON object, got " + node.getNodeType()));
                    continue;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    String key = field.getKey();
                    JsonNode value = field.getValue();
                    if (!FaqColumns.ALL.contains(key)) {
                        errors.add(new RowError(row, key, "unknown field '" + key + "'; known fields are " + FaqColumns.ALL));
                    } else if (value.isNull()) {
                        cells.put(key, "");
                    } else if (key.equals(FaqColumns.SIMILAR) && value.isArray()) {
                        List<String> parts = new ArrayList<>();
                        value.forEach(v -> parts.add(v.asString()));
                        cells.put(key, String.join(FaqColumns.SIMILAR_SEPARATOR, parts));
                    } else if (key.equals(FaqColumns.VARIANTS)) {
                        cells.put(key, value.toString());
                    } else {
                        cells.put(key, value.isString() ? value.asString() : value.toString());
                    }
                }
                add(FaqColumns.toFaq(cells, row, errors), row, faqs, rows, errors);
                if (errors.size() >= MAX_ERRORS) {
                    break;
                }
            }
        } catch (IOException e) {
            errors.add(new RowError(1, null, "cannot read JSON Lines: " + e.getMessage()));
        }
        return finish(faqs, rows, errors);
    }

    private void add(Faq faq, int row, List<Faq> faqs, List<Integer> rows, List<RowError> errors) {
        if (faq == null) {
            return;
        }
        if (faqs.size() >= MAX_FAQS) {
            errors.add(new RowError(row, null, "more than " + MAX_FAQS + " FAQs in one file"));
            return;
        }
        faqs.add(faq);
        rows.add(row);
    }

    private List<Faq> finish(List<Faq> faqs, List<Integer> rows, List<RowError> errors) {
        Map<String, Integer> firstRow = new HashMap<>();
        // duplicate ids are reported after per-row checks, naming both rows
        List<RowError> all = new ArrayList<>(errors);
        if (errors.isEmpty()) {
            for (int i = 0; i < faqs.size(); i++) {
                Faq f = faqs.get(i);
                Integer prev = firstRow.putIfAbsent(f.id(), i);
                if (prev != null) {
                    all.add(new RowError(rows.get(i), FaqColumns.ID, "duplicate id '" + f.id() + "', first used in row "
                            + rows.get(prev)));
                }
            }
        }
        if (!all.isEmpty()) {
            throw new FaqFileException(all.subList(0, Math.min(MAX_ERRORS, all.size())));
        }
        if (faqs.isEmpty()) {
            throw new FaqFileException(List.of(new RowError(1, null, "the file holds no FAQ")));
        }
        return List.copyOf(faqs);
    }

    private static String decode(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            try {
                return java.nio.charset.Charset.forName("GB18030").newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(content)).toString();
            } catch (CharacterCodingException again) {
                throw new FaqFileException(List.of(new RowError(1, null, "the file is neither UTF-8 nor GB18030 text")));
            }
        }
    }

    private static int lineOf(Exception e) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("line (\\d+)").matcher(String.valueOf(e.getMessage()));
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl > 0 ? s.substring(0, nl) : s;
    }
}
