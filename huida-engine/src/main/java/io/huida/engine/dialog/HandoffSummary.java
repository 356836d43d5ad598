package io.huida.engine.dialog;

import io.huida.engine.dialog.flow.Flow;
import io.huida.engine.dialog.flow.Slot;
import io.huida.engine.nlu.emotion.EmotionTrend;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The summary an agent reads when a conversation is handed over, built from the conversation state without a
 * language model: why, who, what the customer asked, what they told us, what the bot answered, how they feel and
 * what is still open. Personal data is masked.
 */
final class HandoffSummary {

    private static final Map<String, String[]> REASONS = Map.of(
            "customer_request", new String[]{"客户要求转人工", "the customer asked for a human"},
            "repeated_failure", new String[]{"机器人连续未能解答", "the bot could not answer repeatedly"},
            "anger", new String[]{"客户情绪激动", "the customer is angry"},
            "risk", new String[]{"检测到风险", "a risk was detected"},
            "vip", new String[]{"VIP 客户优先人工服务", "VIP customer"},
            "business_call_failed", new String[]{"业务系统调用失败", "a business system call failed"},
            "slot_failed", new String[]{"多次未能获取必要信息", "the bot could not collect required details"},
            "flow", new String[]{"业务流程需人工办理", "the flow needs an agent"});

    private static final Map<String, String> MOODS_ZH = Map.of("angry", "愤怒", "anxious", "焦虑", "sad", "难过",
            "satisfied", "满意", "neutral", "平静");

    private HandoffSummary() {
    }

    /** The reason in words. */
    static String reason(String code, boolean zh) {
        String[] r = REASONS.get(code);
        return r == null ? code : r[zh ? 0 : 1];
    }

    static String build(Facts f, UnaryOperator<String> masker) {
        boolean zh = f.zh();
        List<String> lines = new ArrayList<>();
        lines.add(label(zh, "转人工原因", "Reason") + reason(f.reason(), zh) + (f.detail() == null ? "" : "（" + f.detail() + "）"));
        Customer c = f.customer();
        String who = c.name() != null ? c.name() : c.id() != null ? c.id() : (zh ? "访客" : "visitor");
        lines.add(label(zh, "客户", "Customer") + who + (c.vip() ? " · VIP" : c.segment() != null ? " · " + c.segment() : ""));
        List<Turn> asked = f.state().transcript().stream().filter(Turn::customer).toList();
        if (!asked.isEmpty()) {
            lines.add(label(zh, "诉求", "Asked") + clip(asked.get(0).text())
                    + (asked.size() > 1 ? (zh ? "；最近：" : "; latest: ") + clip(asked.get(asked.size() - 1).text()) : ""));
        }
        if (f.intent() != null) {
            lines.add(label(zh, "意图", "Intent") + f.intent());
        }
        if (!f.facts().isEmpty()) {
            List<String> kv = new ArrayList<>();
            f.facts().forEach((k, v) -> {
                if (!k.startsWith("customer.") && v != null && !v.isBlank()) {
                    kv.add(k + "=" + masker.apply(v));
                }
            });
            if (!kv.isEmpty()) {
                lines.add(label(zh, "关键信息", "Details") + String.join("，", kv));
            }
        }
        List<Turn> answers = f.state().transcript().stream().filter(t -> !t.customer()).toList();
        if (!answers.isEmpty()) {
            List<String> last = answers.subList(Math.max(0, answers.size() - 2), answers.size()).stream()
                    .map(t -> t.type() + " " + clip(t.text())).toList();
            lines.add(label(zh, "机器人已答复", "Bot said") + String.join(" | ", last));
        }
        EmotionTrend t = f.trend();
        String mood = t.current().name().toLowerCase(Locale.ROOT);
        lines.add(label(zh, "情绪", "Emotion") + (zh ? MOODS_ZH.getOrDefault(mood, mood) : mood)
                + (t.escalating() ? (zh ? "，持续升级" : ", escalating") : "")
                + String.format(Locale.ROOT, zh ? "（负面度 %.2f）" : " (negativity %.2f)", t.negativity()));
        if (f.flow() != null && f.active() != null) {
            List<String> open = new ArrayList<>();
            for (Slot s : f.flow().slots()) {
                if (!f.active().variables().containsKey(s.name()) && s.required()) {
                    open.add(s.name());
                }
            }
            lines.add(label(zh, "未完成流程", "Open flow") + f.flow().name().in(zh)
                    + (open.isEmpty() ? "" : (zh ? "，待提供：" : ", missing: ") + String.join(", ", open)));
        }
        if (!f.risks().isEmpty()) {
            lines.add(label(zh, "风险", "Risks") + String.join("，", f.risks()));
        }
        f.state().workOrders().forEach(w -> lines.add(label(zh, "工单", "Work order") + w.id() + " " + w.title()));
        return String.join("\n", lines);
    }

    /** The transcript as text lines for a summarizer (already masked). */
    static String transcript(ConversationState s, boolean zh) {
        StringBuilder out = new StringBuilder();
        for (Turn t : s.transcript()) {
            out.append(t.customer() ? (zh ? "客户：" : "Customer: ") : (zh ? "机器人：" : "Bot: ")).append(t.text()).append('\n');
        }
        return out.toString();
    }

    /**
     * What the summary is made of.
     *
     * @param facts  variables and entities collected (raw; masked when written)
     * @param flow   the flow in progress at handoff, or null (with {@code active} its state)
     * @param risks  risk types found
     */
    record Facts(String reason, String detail, Customer customer, ConversationState state, String intent,
                 Map<String, String> facts, EmotionTrend trend, Flow flow, ActiveFlow active, List<String> risks, boolean zh) {
    }

    private static String label(boolean zh, String cn, String en) {
        return zh ? cn + "：" : en + ": ";
    }

    private static String clip(String s) {
        String one = s.replace('\n', ' ');
        return one.length() <= 80 ? one : one.substring(0, 79) + "…";
    }
}
