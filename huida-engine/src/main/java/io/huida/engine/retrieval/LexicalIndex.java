package io.huida.engine.retrieval;

import io.huida.engine.text.HuidaAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Lucene BM25 index over an FAQ set's questions and similar questions, held in memory. Immutable once
 * built; searches are thread-safe.
 */
final class LexicalIndex {

    static final int MAX_QUERY_TERMS = 512;
    private static final String TEXT = "text";
    private static final String FAQ = "faq";
    private static final String ORDINAL = "ord";

    private final IndexSearcher searcher;
    private final int[] ordinalByDoc;
    private final int[] faqOfText;

    LexicalIndex(List<IndexedText> texts, HuidaAnalyzer analyzer) {
        faqOfText = new int[texts.size()];
        for (IndexedText t : texts) {
            faqOfText[t.ordinal()] = t.faq();
        }
        try {
            ByteBuffersDirectory dir = new ByteBuffersDirectory();
            IndexWriterConfig config = new IndexWriterConfig(analyzer).setSimilarity(new BM25Similarity());
            try (IndexWriter writer = new IndexWriter(dir, config)) {
                for (IndexedText t : texts) {
                    if (t.answer()) {
                        continue;
                    }
                    Document doc = new Document();
                    doc.add(new TextField(TEXT, t.text(), Field.Store.NO));
                    doc.add(new IntPoint(FAQ, t.faq()));
                    doc.add(new IntPoint(ORDINAL, t.ordinal()));
                    doc.add(new StoredField(ORDINAL, t.ordinal()));
                    writer.addDocument(doc);
                }
                writer.forceMerge(1);
            }
            DirectoryReader reader = DirectoryReader.open(dir);
            searcher = new IndexSearcher(reader);
            searcher.setSimilarity(new BM25Similarity());
            searcher.setQueryCache(null); // every query differs; tracking them for caching only costs time
            ordinalByDoc = new int[reader.maxDoc()];
            StoredFields stored = reader.storedFields();
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                ordinalByDoc[doc] = stored.document(doc).getField(ORDINAL).numericValue().intValue();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("building the in-memory index failed: " + e.getMessage(), e);
        }
    }

    /**
     * Scores texts against the query terms.
     *
     * @param excludedFaq     an FAQ ordinal to leave out, or -1
     * @param excludedOrdinal a text ordinal to leave out, or -1
     * @param scores          receives the BM25 score per text ordinal (untouched where not matched)
     */
    /**
     * The best BM25 score of each FAQ's texts among the top {@code limit} hits (0 where none matched), for the FAQs
     * marked {@code active}.
     */
    double[] bestByFaq(List<String> terms, int limit, int excludedFaq, int excludedOrdinal, boolean[] active) {
        float[] bm25 = new float[faqOfText.length];
        search(terms, limit, excludedFaq, excludedOrdinal, bm25);
        double[] byFaq = new double[active.length];
        for (int i = 0; i < bm25.length; i++) {
            int f = faqOfText[i];
            if (bm25[i] > 0 && active[f]) {
                byFaq[f] = Math.max(byFaq[f], bm25[i]);
            }
        }
        return byFaq;
    }

    void search(List<String> terms, int limit, int excludedFaq, int excludedOrdinal, float[] scores) {
        Set<String> unique = new LinkedHashSet<>(terms);
        if (unique.isEmpty()) {
            return;
        }
        BooleanQuery.Builder should = new BooleanQuery.Builder();
        int n = 0;
        for (String term : unique) {
            if (n++ == MAX_QUERY_TERMS) {
                break;
            }
            should.add(new TermQuery(new Term(TEXT, term)), BooleanClause.Occur.SHOULD);
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(should.build(), BooleanClause.Occur.MUST);
        if (excludedFaq >= 0) {
            query.add(IntPoint.newExactQuery(FAQ, excludedFaq), BooleanClause.Occur.MUST_NOT);
        }
        if (excludedOrdinal >= 0) {
            query.add(IntPoint.newExactQuery(ORDINAL, excludedOrdinal), BooleanClause.Occur.MUST_NOT);
        }
        try {
            TopDocs top = searcher.search(query.build(), limit);
            for (ScoreDoc sd : top.scoreDocs) {
                scores[ordinalByDoc[sd.doc]] = sd.score;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("searching the in-memory index failed: " + e.getMessage(), e);
        }
    }
}
