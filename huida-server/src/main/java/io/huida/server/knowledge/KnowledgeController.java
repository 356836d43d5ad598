package io.huida.server.knowledge;

import io.huida.engine.eval.BatchReport;
import io.huida.engine.eval.BatchTest;
import io.huida.engine.kb.Faq;
import io.huida.engine.kb.FaqFormat;
import io.huida.engine.kb.FaqWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The knowledge-base API: import, export, browse, edit, versions, publish, batch test. Admins only. */
@RestController
@RequestMapping("/api/v1/kb")
class KnowledgeController {

    private final KnowledgeService service;
    private final BotHolder holder;
    private final ImportProgress progress;

    KnowledgeController(KnowledgeService service, BotHolder holder, ImportProgress progress) {
        this.service = service;
        this.holder = holder;
        this.progress = progress;
    }

    @PostMapping(path = "/faqs/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    KnowledgeService.ImportResult importFaqs(@RequestPart("file") MultipartFile file,
                                             @RequestParam(name = "mode", required = false) String mode,
                                             Principal principal) throws IOException {
        if (file.isEmpty()) {
            throw new IllegalArgumentException("the uploaded file '" + file.getOriginalFilename() + "' is empty");
        }
        return service.importFaqs(file.getBytes(), file.getOriginalFilename(), mode, principal.getName());
    }

    /** What a flows import produced. */
    record FlowsImport(long version, int flows, int clarifications) {
    }

    /**
     * Imports a flows file (YAML, see docs/flows.md) as a new version with the published FAQs and publishes it; an
     * invalid file gets 400 with the line and the reason.
     */
    @PostMapping(path = "/flows/import", consumes = {"application/yaml", "application/x-yaml", "text/yaml", "text/plain"})
    FlowsImport importFlows(@RequestBody String yaml, java.security.Principal principal) {
        long version = service.importFlows(yaml, principal.getName());
        var flows = holder.current().orElseThrow().dialog().flows();
        return new FlowsImport(version, flows.flows().size(), flows.clarifications().size());
    }

    /** The published flows file. */
    @GetMapping(path = "/flows", produces = "application/yaml")
    String flows() {
        String yaml = service.publishedFlows();
        if (yaml == null) {
            throw new NotFoundException("the published version has no flows; import them with POST /api/v1/kb/flows/import");
        }
        return yaml;
    }

    @GetMapping("/import/progress")
    ImportProgress.Snapshot importProgress() {
        return progress.snapshot();
    }

    @GetMapping("/faqs/export")
    ResponseEntity<byte[]> export(@RequestParam(name = "format", defaultValue = "csv") String format,
                                  @RequestParam(name = "version", required = false) Long version) {
        FaqFormat f = FaqFormat.named(format);
        List<Faq> faqs = version == null ? service.publishedFaqs() : service.faqs(version);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new FaqWriter().write(faqs, f, out);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"huida-faqs." + f.extension() + "\"")
                .contentType(MediaType.parseMediaType(f.mediaType() + (f == FaqFormat.XLSX ? "" : ";charset=UTF-8")))
                .body(out.toByteArray());
    }

    /** A page of FAQs of the published version (or {@code version}), filtered by a search text. */
    record FaqPage(List<FaqView> items, int total, int page, int size) {
    }

    /** A FAQ as the API shows and accepts it. */
    record FaqView(String id, String category, String question, List<String> similarQuestions, String answer,
                   List<io.huida.engine.kb.AnswerVariant> variants, java.time.Instant validFrom,
                   java.time.Instant validUntil, Boolean enabled) {

        static FaqView of(Faq f) {
            return new FaqView(f.id(), f.category(), f.question(), f.similarQuestions(), f.answer(), f.variants(),
                    f.validFrom(), f.validUntil(), f.enabled());
        }

        Faq toFaq(String id) {
            return new Faq(id, category, question, similarQuestions, answer, variants, validFrom, validUntil,
                    enabled == null || enabled);
        }
    }

    @GetMapping("/faqs")
    FaqPage faqs(@RequestParam(name = "q", defaultValue = "") String q,
                 @RequestParam(name = "page", defaultValue = "0") int page,
                 @RequestParam(name = "size", defaultValue = "20") int size,
                 @RequestParam(name = "version", required = false) Long version) {
        if (page < 0 || size < 1 || size > 500) {
            throw new IllegalArgumentException("page must be >= 0 and size 1..500, got page=" + page + " size=" + size);
        }
        String needle = q.strip().toLowerCase(Locale.ROOT);
        List<Faq> all = (version == null ? service.publishedFaqs() : service.faqs(version)).stream()
                .filter(f -> needle.isEmpty() || matches(f, needle)).toList();
        int from = Math.min(all.size(), page * size);
        return new FaqPage(all.subList(from, Math.min(all.size(), from + size)).stream().map(FaqView::of).toList(),
                all.size(), page, size);
    }

    @PutMapping("/faqs/{id}")
    Map<String, Object> saveFaq(@PathVariable("id") String id, @RequestBody FaqView body, Principal principal) {
        long version = service.saveFaq(body.toFaq(id), principal.getName());
        return Map.of("version", version, "status", "DRAFT");
    }

    @DeleteMapping("/faqs/{id}")
    Map<String, Object> deleteFaq(@PathVariable("id") String id, Principal principal) {
        return Map.of("version", service.deleteFaq(id, principal.getName()), "status", "DRAFT");
    }

    @GetMapping("/versions")
    List<KbVersion> versions() {
        return service.versions();
    }

    @PostMapping("/versions/{version}/publish")
    Map<String, Object> publish(@PathVariable("version") long version) {
        return Map.of("version", service.publish(version));
    }

    /**
     * What is answering now.
     *
     * @param intentCount intents of the knowledge base's intent model (FAQs plus custom intents; 0 when it has none)
     */
    record Status(Long publishedVersion, int faqCount, int textCount, boolean ready, Map<String, Double> calibration,
                  java.time.Instant builtAt, int intentCount) {
    }

    @GetMapping("/status")
    Status status() {
        return holder.current().map(c -> {
            Map<String, Double> calibration = new java.util.LinkedHashMap<>();
            calibration.put("answerThreshold", c.bot().calibration().answerThreshold());
            calibration.put("clarifyThreshold", c.bot().calibration().clarifyThreshold());
            c.bot().intents().ifPresent(m -> calibration.put("intentThreshold", m.threshold()));
            return new Status(c.version(), c.bot().index().faqs().size(), c.bot().index().textCount(), true, calibration,
                    c.builtAt(), c.bot().intents().map(m -> m.intents().size()).orElse(0));
        }).orElse(new Status(null, 0, 0, false, Map.of(), null, 0));
    }

    @PostMapping(path = "/batch-test", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    BatchReport batchTest(@RequestPart("file") MultipartFile file) throws IOException {
        var current = holder.current().orElseThrow(() -> new NotReadyException("no knowledge base is published yet"));
        return BatchTest.run(current.bot(), BatchTest.parse(file.getBytes()));
    }

    private static boolean matches(Faq f, String needle) {
        return f.id().toLowerCase(Locale.ROOT).contains(needle) || f.question().toLowerCase(Locale.ROOT).contains(needle)
                || f.category().toLowerCase(Locale.ROOT).contains(needle) || f.answer().toLowerCase(Locale.ROOT).contains(needle)
                || f.similarQuestions().stream().anyMatch(s -> s.toLowerCase(Locale.ROOT).contains(needle));
    }
}
