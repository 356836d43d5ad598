package io.huida.server.knowledge;

import io.huida.engine.bot.Bot;
import io.huida.engine.bot.BotIntents;
import io.huida.engine.bot.BotMessages;
import io.huida.engine.dialog.DialogEngine;
import io.huida.engine.dialog.DialogOptions;
import io.huida.engine.dialog.FlowIntents;
import io.huida.engine.dialog.flow.Clarification;
import io.huida.engine.dialog.flow.FlowParser;
import io.huida.engine.dialog.flow.FlowSet;
import io.huida.engine.nlu.intent.IntentExample;
import io.huida.engine.nlu.MessageAnalyzer;
import io.huida.server.nlu.CustomIntents;
import io.huida.engine.embed.CachingEmbedder;
import io.huida.engine.kb.Faq;
import io.huida.engine.kb.FaqFormat;
import io.huida.engine.kb.FaqReader;
import io.huida.engine.retrieval.Calibrator;
import io.huida.engine.retrieval.KnowledgeIndex;
import io.huida.engine.retrieval.TextPipeline;
import io.huida.server.system.HuidaProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Imports, edits and publishes knowledge-base versions. Every change is a new version; publishing builds the
 * new bot completely before it replaces the old one, and nothing is saved unless the build succeeded.
 */
@Service
public class KnowledgeService {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeService.class);

    private final KbRepository repository;
    private final BotHolder holder;
    private final ImportProgress progress;
    private final TextPipeline pipeline;
    private final Calibrator calibrator;
    private final CachingEmbedder embedder;
    private final HuidaProperties properties;
    private final TransactionTemplate tx;
    private final MessageAnalyzer analyzer;
    private final CustomIntents customIntents;
    private final DialogOptions dialogOptions;
    private final FlowParser flowParser = new FlowParser();
    private final ReentrantLock lock = new ReentrantLock();

    KnowledgeService(KbRepository repository, BotHolder holder, ImportProgress progress, TextPipeline pipeline,
                     Calibrator calibrator, CachingEmbedder embedder, HuidaProperties properties, TransactionTemplate tx,
                     MessageAnalyzer analyzer, CustomIntents customIntents, DialogOptions dialogOptions) {
        this.dialogOptions = dialogOptions;
        this.analyzer = analyzer;
        this.customIntents = customIntents;
        this.repository = repository;
        this.holder = holder;
        this.progress = progress;
        this.pipeline = pipeline;
        this.calibrator = calibrator;
        this.embedder = embedder;
        this.properties = properties;
        this.tx = tx;
    }

    /** The result of an import: how many FAQs the file held and the version now answering. */
    public record ImportResult(int imported, long version) {
    }

    /**
     * Imports a file as a new version and publishes it. All or nothing: an invalid file or a failed build
     * leaves the previous version answering and saves nothing.
     */
    public ImportResult importFaqs(byte[] content, String fileName, String modeText, String user) {
        ImportMode mode = ImportMode.parse(modeText);
        return exclusively(() -> {
            progress.start();
            List<Faq> parsed = new FaqReader().read(content, FaqFormat.detect(fileName, head(content)));
            List<Faq> faqs = mode == ImportMode.MERGE ? merge(publishedFaqs(), parsed) : parsed;
            long version = buildSaveAndPublish(faqs, publishedFlows(), user, "import:" + (fileName == null ? "upload" : fileName) + " (" + mode.name().toLowerCase() + ")");
            return new ImportResult(parsed.size(), version);
        });
    }

    /** Saves a FAQ (new or changed) as a new draft version derived from the newest version. */
    public long saveFaq(Faq faq, String user) {
        return exclusively(() -> {
            List<Faq> faqs = new ArrayList<>(newestFaqs());
            boolean replaced = false;
            for (int i = 0; i < faqs.size(); i++) {
                if (faqs.get(i).id().equals(faq.id())) {
                    faqs.set(i, faq);
                    replaced = true;
                }
            }
            if (!replaced) {
                faqs.add(faq);
            }
            String flows = newestFlows();
            return tx.execute(s -> repository.insertVersion(user, "edit:" + faq.id(), faqs, flows, KbVersion.Status.DRAFT));
        });
    }

    /** Deletes a FAQ in a new draft version derived from the newest version. */
    public long deleteFaq(String id, String user) {
        return exclusively(() -> {
            List<Faq> faqs = new ArrayList<>(newestFaqs());
            if (!faqs.removeIf(f -> f.id().equals(id))) {
                throw new NotFoundException("FAQ '" + id + "' does not exist");
            }
            if (faqs.isEmpty()) {
                throw new IllegalArgumentException("cannot delete '" + id + "': it is the last FAQ of the knowledge base");
            }
            String flows = newestFlows();
            return tx.execute(s -> repository.insertVersion(user, "delete:" + id, faqs, flows, KbVersion.Status.DRAFT));
        });
    }

    /** Publishes an existing version (a draft, or an older one to roll back to). */
    public long publish(long version) {
        return exclusively(() -> {
            KbVersion v = repository.version(version)
                    .orElseThrow(() -> new NotFoundException("knowledge-base version " + version + " does not exist"));
            progress.start();
            DialogEngine bot = build(repository.faqs(v.version()), repository.flows(v.version()));
            progress.phase(ImportProgress.Phase.SAVING, "publishing version " + version);
            tx.executeWithoutResult(s -> repository.markPublished(version));
            holder.swap(new BotHolder.Current(bot, version, Instant.now()));
            progress.phase(ImportProgress.Phase.DONE, "version " + version + " published");
            return version;
        });
    }

    /**
     * Imports a flows file (YAML) as a new version with the published FAQs, and publishes it. An invalid file is
     * rejected with its line and reason; nothing is saved unless the new version was built.
     *
     * @return the new version
     */
    public long importFlows(String yaml, String user) {
        return exclusively(() -> {
            flowParser.parse(yaml); // fail fast, before anything is built
            List<Faq> faqs = publishedFaqs();
            if (faqs.isEmpty()) {
                throw new IllegalArgumentException("import a knowledge base before its flows: flows need published FAQs");
            }
            progress.start();
            return buildSaveAndPublish(faqs, yaml, user, "import:flows");
        });
    }

    /** The flows file of the published version, or null. */
    public String publishedFlows() {
        return repository.published().map(v -> repository.flows(v.version())).orElse(null);
    }

    /** Builds the bot of the published version at start-up; loads the demo knowledge base on a first start. */
    public void startUp(java.util.function.Supplier<byte[]> demoCsv, java.util.function.Supplier<String> demoFlows) {
        var published = repository.published();
        if (published.isPresent()) {
            long version = published.get().version();
            DialogEngine bot = build(repository.faqs(version), repository.flows(version));
            holder.swap(new BotHolder.Current(bot, version, Instant.now()));
            progress.phase(ImportProgress.Phase.DONE, "version " + version + " is answering");
            log.info("Knowledge base version {} is answering ({} FAQs, {} flows)", version, bot.bot().index().faqs().size(),
                    bot.flows().flows().size());
        } else if (properties.demoData() && repository.versions(1).isEmpty()) {
            List<Faq> faqs = new FaqReader().read(demoCsv.get(), FaqFormat.CSV);
            long version = exclusively(() -> {
                progress.start();
                return buildSaveAndPublish(faqs, demoFlows.get(), "system", "import:demo-kb.csv + demo flows");
            });
            log.info("Loaded the demo knowledge base: {} FAQs and its flows as version {}", faqs.size(), version);
        } else {
            log.info("No knowledge base published yet: import one at /admin or POST /api/v1/kb/faqs/import");
        }
    }

    List<Faq> publishedFaqs() {
        return repository.published().map(v -> repository.faqs(v.version())).orElse(List.of());
    }

    List<Faq> faqs(long version) {
        repository.version(version).orElseThrow(() -> new NotFoundException("knowledge-base version " + version + " does not exist"));
        return repository.faqs(version);
    }

    List<KbVersion> versions() {
        return repository.versions(200);
    }

    private String newestFlows() {
        return repository.versions(1).stream().findFirst().map(v -> repository.flows(v.version())).orElse(null);
    }

    private List<Faq> newestFaqs() {
        return repository.versions(1).stream().findFirst().map(v -> repository.faqs(v.version())).orElse(List.of());
    }

    private long buildSaveAndPublish(List<Faq> faqs, String flows, String user, String source) {
        DialogEngine bot = build(faqs, flows);
        progress.phase(ImportProgress.Phase.SAVING, "saving " + faqs.size() + " FAQs");
        Long version = tx.execute(s -> {
            long v = repository.insertVersion(user, source, faqs, flows, KbVersion.Status.PUBLISHED);
            repository.markPublished(v);
            return v;
        });
        holder.swap(new BotHolder.Current(bot, version, Instant.now()));
        progress.phase(ImportProgress.Phase.DONE, faqs.size() + " FAQs published as version " + version);
        return version;
    }

    private DialogEngine build(List<Faq> faqs, String flowsYaml) {
        FlowSet flows = flowsYaml == null || flowsYaml.isBlank() ? FlowSet.empty() : flowParser.parse(flowsYaml);
        checkFaqReferences(flows, faqs);
        progress.phase(ImportProgress.Phase.INDEXING, "indexing " + faqs.size() + " FAQs");
        KnowledgeIndex index = KnowledgeIndex.build(faqs, pipeline, progress::indexing);
        progress.phase(ImportProgress.Phase.CALIBRATING, "calibrating on " + index.textCount() + " texts");
        var calibration = calibrator.calibrate(index);
        progress.phase(ImportProgress.Phase.CALIBRATING, "training the intent model on " + index.faqs().size() + " FAQs");
        List<IntentExample> extra = new ArrayList<>(customIntents.examples());
        extra.addAll(FlowIntents.examples(flows));
        Bot bot = new Bot(index, calibration, BotMessages.defaults(), BotIntents.train(index, extra).orElse(null), analyzer);
        try {
            embedder.save(properties.dataDir().resolve("embeddings.bin"));
        } catch (RuntimeException e) {
            log.warn("Could not save the embedding cache: {}", e.getMessage());
        }
        return new DialogEngine(bot, flows, dialogOptions);
    }

    /** A clarification choice that answers with an FAQ must name one of the knowledge base. */
    private static void checkFaqReferences(FlowSet flows, List<Faq> faqs) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        faqs.forEach(f -> ids.add(f.id()));
        for (Clarification c : flows.clarifications()) {
            for (Clarification.Choice ch : c.choices()) {
                if (ch.faq() != null && !ids.contains(ch.faq())) {
                    throw new IllegalArgumentException("clarification '" + c.id() + "' offers FAQ '" + ch.faq()
                            + "', which is not in the knowledge base");
                }
            }
        }
    }

    private <T> T exclusively(java.util.function.Supplier<T> work) {
        if (!lock.tryLock()) {
            throw new BusyException("another import or publish is running; try again when it has finished");
        }
        try {
            return work.get();
        } catch (RuntimeException e) {
            progress.phase(ImportProgress.Phase.FAILED, e.getMessage());
            throw e;
        } finally {
            lock.unlock();
        }
    }

    private static List<Faq> merge(List<Faq> base, List<Faq> changes) {
        Map<String, Faq> merged = new LinkedHashMap<>();
        base.forEach(f -> merged.put(f.id(), f));
        changes.forEach(f -> merged.put(f.id(), f));
        return List.copyOf(merged.values());
    }

    private static byte[] head(byte[] content) {
        return java.util.Arrays.copyOf(content, Math.min(content.length, 64));
    }
}
