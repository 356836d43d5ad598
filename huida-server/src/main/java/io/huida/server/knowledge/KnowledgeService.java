package io.huida.server.knowledge;

import io.huida.engine.bot.Bot;
import io.huida.engine.bot.BotIntents;
import io.huida.engine.bot.BotMessages;
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
    private final ReentrantLock lock = new ReentrantLock();

    KnowledgeService(KbRepository repository, BotHolder holder, ImportProgress progress, TextPipeline pipeline,
                     Calibrator calibrator, CachingEmbedder embedder, HuidaProperties properties, TransactionTemplate tx,
                     MessageAnalyzer analyzer, CustomIntents customIntents) {
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
            long version = buildSaveAndPublish(faqs, user, "import:" + (fileName == null ? "upload" : fileName) + " (" + mode.name().toLowerCase() + ")");
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
            return tx.execute(s -> repository.insertVersion(user, "edit:" + faq.id(), faqs, KbVersion.Status.DRAFT));
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
            return tx.execute(s -> repository.insertVersion(user, "delete:" + id, faqs, KbVersion.Status.DRAFT));
        });
    }

    /** Publishes an existing version (a draft, or an older one to roll back to). */
    public long publish(long version) {
        return exclusively(() -> {
            KbVersion v = repository.version(version)
                    .orElseThrow(() -> new NotFoundException("knowledge-base version " + version + " does not exist"));
            progress.start();
            Bot bot = build(repository.faqs(v.version()));
            progress.phase(ImportProgress.Phase.SAVING, "publishing version " + version);
            tx.executeWithoutResult(s -> repository.markPublished(version));
            holder.swap(new BotHolder.Current(bot, version, Instant.now()));
            progress.phase(ImportProgress.Phase.DONE, "version " + version + " published");
            return version;
        });
    }

    /** Builds the bot of the published version at start-up; loads the demo knowledge base on a first start. */
    public void startUp(java.util.function.Supplier<byte[]> demoCsv) {
        var published = repository.published();
        if (published.isPresent()) {
            long version = published.get().version();
            Bot bot = build(repository.faqs(version));
            holder.swap(new BotHolder.Current(bot, version, Instant.now()));
            progress.phase(ImportProgress.Phase.DONE, "version " + version + " is answering");
            log.info("Knowledge base version {} is answering ({} FAQs)", version, bot.index().faqs().size());
        } else if (properties.demoData() && repository.versions(1).isEmpty()) {
            ImportResult result = importFaqs(demoCsv.get(), "demo-kb.csv", "replace", "system");
            log.info("Loaded the demo knowledge base: {} FAQs as version {}", result.imported(), result.version());
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

    private List<Faq> newestFaqs() {
        return repository.versions(1).stream().findFirst().map(v -> repository.faqs(v.version())).orElse(List.of());
    }

    private long buildSaveAndPublish(List<Faq> faqs, String user, String source) {
        Bot bot = build(faqs);
        progress.phase(ImportProgress.Phase.SAVING, "saving " + faqs.size() + " FAQs");
        Long version = tx.execute(s -> {
            long v = repository.insertVersion(user, source, faqs, KbVersion.Status.PUBLISHED);
            repository.markPublished(v);
            return v;
        });
        holder.swap(new BotHolder.Current(bot, version, Instant.now()));
        progress.phase(ImportProgress.Phase.DONE, faqs.size() + " FAQs published as version " + version);
        return version;
    }

    private Bot build(List<Faq> faqs) {
        progress.phase(ImportProgress.Phase.INDEXING, "indexing " + faqs.size() + " FAQs");
        KnowledgeIndex index = KnowledgeIndex.build(faqs, pipeline, progress::indexing);
        progress.phase(ImportProgress.Phase.CALIBRATING, "calibrating on " + index.textCount() + " texts");
        var calibration = calibrator.calibrate(index);
        progress.phase(ImportProgress.Phase.CALIBRATING, "training the intent model on " + index.faqs().size() + " FAQs");
        Bot bot = new Bot(index, calibration, BotMessages.defaults(), BotIntents.train(index, customIntents.examples()).orElse(null), analyzer);
        try {
            embedder.save(properties.dataDir().resolve("embeddings.bin"));
        } catch (RuntimeException e) {
            log.warn("Could not save the embedding cache: {}", e.getMessage());
        }
        return bot;
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
