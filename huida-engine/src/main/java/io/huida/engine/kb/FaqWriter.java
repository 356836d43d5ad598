package io.huida.engine.kb;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Writes FAQs as CSV, XLSX or JSON Lines with every column, so that an export imports back unchanged. */
public final class FaqWriter {

    /** Writes {@code faqs} to {@code out} in {@code format}; does not close {@code out}. */
    public void write(List<Faq> faqs, FaqFormat format, OutputStream out) {
        try {
            switch (format) {
                case CSV -> writeCsv(faqs, out);
                case XLSX -> writeXlsx(faqs, out);
                case JSONL -> writeJsonl(faqs, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + format + " failed: " + e.getMessage(), e);
        }
    }

    private void writeCsv(List<Faq> faqs, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(FaqColumns.ALL.toArray(String[]::new)).get());
        for (Faq faq : faqs) {
            printer.printRecord(FaqColumns.toCells(faq).values());
        }
        printer.flush();
    }

    private void writeXlsx(List<Faq> faqs, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet("faqs");
            Row header = sheet.createRow(0);
            for (int i = 0; i < FaqColumns.ALL.size(); i++) {
                header.createCell(i).setCellValue(FaqColumns.ALL.get(i));
            }
            int r = 1;
            for (Faq faq : faqs) {
                Row row = sheet.createRow(r++);
                int c = 0;
                for (String value : FaqColumns.toCells(faq).values()) {
                    row.createCell(c++).setCellValue(value);
                }
            }
            workbook.write(out);
            workbook.dispose();
        }
    }

    private void writeJsonl(List<Faq> faqs, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        for (Faq faq : faqs) {
            Map<String, Object> json = new java.util.LinkedHashMap<>();
            json.put(FaqColumns.ID, faq.id());
            json.put(FaqColumns.CATEGORY, faq.category());
            json.put(FaqColumns.QUESTION, faq.question());
            json.put(FaqColumns.SIMILAR, faq.similarQuestions());
            json.put(FaqColumns.ANSWER, faq.answer());
            json.put(FaqColumns.VARIANTS, faq.variants());
            json.put(FaqColumns.VALID_FROM, faq.validFrom() == null ? null : faq.validFrom().toString());
            json.put(FaqColumns.VALID_UNTIL, faq.validUntil() == null ? null : faq.validUntil().toString());
            json.put(FaqColumns.ENABLED, faq.enabled());
            writer.write(FaqColumns.JSON.writeValueAsString(json));
            writer.write('\n');
        }
        writer.flush();
    }
}
