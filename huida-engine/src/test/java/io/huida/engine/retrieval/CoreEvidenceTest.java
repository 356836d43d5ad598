package io.huida.engine.retrieval;

import io.huida.engine.bot.TestKb;
import io.huida.engine.kb.Faq;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CoreEvidenceTest {

    private static final Faq A = Faq.of("A", "", "怎么退款", List.of(), "点退款");
    private static final Faq B = Faq.of("B", "", "怎么换货", List.of(), "点换货");

    @Test
    void keepsTheStrongerEvidenceOfEachFaqAndTheWholeMessagesLength() {
        Features whole = new Features(0.5, -0.1, 0.4, 1, 0.2, 0.3, 0.1, 0, 1, 0.9, 0.45);
        Features core = new Features(0.8, 0.2, 0.3, 0.5, 0.6, 0.1, 0.4, 1, 0, 0.4, 0.7);
        List<Candidate> merged = CoreEvidence.merge(
                List.of(new Candidate(A, "怎么退款", whole, Double.NaN)),
                List.of(new Candidate(A, "退款流程", core, Double.NaN), new Candidate(B, "怎么换货", core, Double.NaN)));
        assertThat(merged).extracting(c -> c.faq().id()).containsExactly("A", "B");
        Features a = merged.get(0).features();
        assertThat(a).isEqualTo(new Features(0.8, 0.2, 0.4, 1, 0.6, 0.3, 0.4, 1, 1, 0.9, 0.7));
        assertThat(merged.get(0).matchedQuestion()).isEqualTo("退款流程");
        assertThat(merged.get(1).features()).isEqualTo(core);
    }

    @Test
    void aLongMessageIsScoredOnItsQuestionToo() {
        KnowledgeIndex index = TestKb.bot().index();
        String message = "我上个月买的东西到现在都没人理我，客服电话也打不通，真的气死我了！！！到底怎么申请退款？？？";
        ParsedQuery q = index.parse(message);
        assertThat(q.core()).isNotNull();
        assertThat(q.core().normalized()).isEqualTo("到底怎么申请退款");
        List<Candidate> merged = index.candidates(q, Instant.now());
        List<Candidate> whole = index.candidates(new ParsedQuery(q.text(), q.normalized(), q.language(), q.vector(),
                q.terms(), q.pinyin()), Instant.now());
        double bestMerged = merged.stream().mapToDouble(c -> c.features().semantic()).max().orElseThrow();
        double bestWhole = whole.stream().mapToDouble(c -> c.features().semantic()).max().orElseThrow();
        assertThat(bestMerged).isGreaterThan(bestWhole);
    }

    @Test
    void aCoreHasNoCoreOfItsOwn() {
        ParsedQuery core = new ParsedQuery("a", "a", io.huida.engine.text.Language.EN, new float[0], List.of(), List.of());
        ParsedQuery withCore = new ParsedQuery("b", "b", io.huida.engine.text.Language.EN, new float[0], List.of(), List.of(), core, new float[0]);
        assertThatThrownBy(() -> new ParsedQuery("c", "c", io.huida.engine.text.Language.EN, new float[0], List.of(), List.of(), withCore, new float[0]))
                .hasMessage("a question core has no core of its own: 'b'");
    }
}
