package io.huida.engine.dialog;

import io.huida.engine.bot.Bot;
import io.huida.engine.bot.TestKb;
import io.huida.engine.dialog.flow.Clarification;
import io.huida.engine.dialog.flow.Condition;
import io.huida.engine.dialog.flow.Flow;
import io.huida.engine.dialog.flow.FlowSet;
import io.huida.engine.dialog.flow.LocalizedText;
import io.huida.engine.dialog.flow.Slot;
import io.huida.engine.dialog.flow.Step;
import io.huida.engine.nlu.MessageAnalyzer;
import io.huida.engine.retrieval.Calibrator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** A dialog engine over the sample knowledge base with a few flows written in code, shared by tests. */
final class TestDialog {

    static final FlowSet FLOWS = new FlowSet(List.of(
            flow("order_status", "查询订单", List.of("我的快递到哪了", "查一下我的订单", "帮我查查订单物流", "我买的东西到哪了", "订单什么时候到", "where is my parcel"),
                    List.of(slot("order", "order_number", "请提供您的订单号。")),
                    List.of(http("GET", "/orders/{order}", Map.of("status", "/status")),
                            new Step.Answer(Condition.ALWAYS, t("订单 {order} 当前状态：{status}。"))), null),
            flow("change_address", "修改收货地址", List.of("我要改收货地址", "帮我修改订单的收货地址", "收货地址写错了要改一下", "换个收货地址", "change my delivery address"),
                    List.of(slot("order", "order_number", "请提供要修改的订单号。"), slot("address", "text", "请告诉我新的收货地址。")),
                    List.of(new Step.Confirm(Condition.ALWAYS, t("确认把订单 {order} 的收货地址改为 {address} 吗？"), "confirmed", t("好的，地址保持不变。")),
                            http("POST", "/orders/{order}/address", Map.of()),
                            new Step.Answer(Condition.ALWAYS, t("已将订单 {order} 的收货地址改为 {address}。"))), null),
            flow("broadband", "宽带故障", List.of("家里宽带坏了", "宽带上不了网", "宽带网速特别慢", "宽带老是掉线", "报修宽带", "my broadband is down"),
                    List.of(new Slot("fault", "choice", t("请问是哪种故障？"), true, 2, null, null, List.of("无法上网", "网速慢", "经常掉线"), Condition.ALWAYS),
                            slot("region", "location", "请问宽带在哪个区域？"), slot("phone", "phone", "请留一个联系电话。")),
                    List.of(new Step.Answer(eq("fault", "无法上网"), t("请先重启光猫和路由器。")),
                            new Step.Answer(eq("fault", "网速慢"), t("请检查是否有设备在大量下载。")),
                            new Step.Answer(eq("fault", "经常掉线"), t("请检查网线是否松动。")),
                            new Step.Confirm(Condition.ALWAYS, t("按上面的步骤操作后，问题解决了吗？"), "resolved", null),
                            new Step.Ticket(eq("resolved", "no"), "宽带故障", t("{region} 宽带{fault}"), t("已为您创建报修工单 {ticket_id}，师傅会联系 {phone}。")),
                            new Step.Answer(eq("resolved", "yes"), t("太好了，祝您上网愉快！"))), null),
            flow("bill_current", "本月账单", List.of("查本月账单", "这个月账单多少钱", "本月账单", "当月账单是多少"),
                    List.of(), List.of(new Step.Answer(Condition.ALWAYS, t("您本月账单 128.00 元。"))), null),
            flow("bill_history", "历史账单", List.of("查历史账单", "以前的账单", "上个月的账单", "历史账单查询"),
                    List.of(slot("month", "datetime", "请问查询哪个月的账单？")),
                    List.of(new Step.Answer(Condition.ALWAYS, t("{month} 的账单为 99.00 元。"))), null),
            flow("card_loss", "信用卡挂失", List.of("我的信用卡丢了", "信用卡被偷了", "信用卡挂失", "卡丢了怎么办赶紧冻结", "lost my credit card"),
                    List.of(), List.of(new Step.Handoff(Condition.ALWAYS, "信用卡挂失", "信用卡", t("已为您紧急转接信用卡专员办理挂失。"))), "card_loss")),
            List.of(new Clarification("bill", List.of("查账单", "我要看账单", "账单", "帮我查下账单"), t("您想查询哪一类账单？"),
                    List.of(new Clarification.Choice(t("本月账单"), List.of("本月", "这个月", "当月"), "bill_current", null, null),
                            new Clarification.Choice(t("历史账单"), List.of("历史", "以前", "上个月"), "bill_history", null, null)))));

    private static DialogEngine engine;

    private TestDialog() {
    }

    static synchronized DialogEngine engine() {
        if (engine == null) {
            engine = build(Calibrator.Settings.defaults());
        }
        return engine;
    }

    /** The same knowledge base and flows with the default settings but the answer threshold shifted by {@code shift}. */
    static DialogEngine engineWithShift(double shift) {
        Calibrator.Settings d = Calibrator.Settings.defaults();
        return build(new Calibrator.Settings(d.weights(), d.maxSamples(), d.outOfScopeWeight(), shift, d.clarifyGap(),
                d.clarifyMargin(), d.seed(), d.faqOffsetWeight(), d.ranker()));
    }

    private static DialogEngine build(Calibrator.Settings settings) {
        Bot bot = Bot.build(TestKb.faqs(), TestKb.pipeline(), new Calibrator(settings), null,
                FlowIntents.examples(FLOWS), MessageAnalyzer.defaults());
        return new DialogEngine(bot, FLOWS, DialogOptions.of(new FakeActions()));
    }

    /** The same bot and flows with other options. */
    static DialogEngine engine(DialogOptions options) {
        return new DialogEngine(engine().bot(), FLOWS, options);
    }

    static LocalizedText t(String zh) {
        return LocalizedText.of(zh);
    }

    static Condition eq(String var, String value) {
        return new Condition() {
            @Override
            public boolean test(Map<String, String> v) {
                return value.equals(v.get(var));
            }

            @Override
            public String source() {
                return var + " == " + value;
            }
        };
    }

    private static Slot slot(String name, String entity, String prompt) {
        return new Slot(name, entity, t(prompt), true, 2, null, null, List.of(), Condition.ALWAYS);
    }

    private static Step.Http http(String method, String url, Map<String, String> fields) {
        return new Step.Http(Condition.ALWAYS, method, url, Map.of(), null, Duration.ofSeconds(2), 0, fields,
                t("抱歉，业务系统暂时无法访问。"));
    }

    private static Flow flow(String id, String name, List<String> triggers, List<Slot> slots, List<Step> steps, String risk) {
        return new Flow(id, t(name), triggers, slots, steps, Duration.ofMinutes(30), risk);
    }

    /** Business calls answered from memory; {@code fail} makes them fail. */
    static final class FakeActions implements FlowActions {
        final List<String> calls = new ArrayList<>();
        final boolean fail;
        private int orders;

        FakeActions() {
            this(false);
        }

        FakeActions(boolean fail) {
            this.fail = fail;
        }

        @Override
        public synchronized StepCall call(Step.Http step, Map<String, String> variables) {
            String url = FlowRunner.render(step.url(), variables);
            calls.add(step.method() + " " + url + (variables.containsKey("address") ? " " + variables.get("address") : ""));
            return fail ? new StepCall(false, Map.of(), "HTTP 503") : new StepCall(true,
                    step.fields().isEmpty() ? Map.of() : Map.of("status", "运输中"), null);
        }

        @Override
        public synchronized String createWorkOrder(WorkOrder draft) {
            return "WO" + (++orders);
        }
    }
}
