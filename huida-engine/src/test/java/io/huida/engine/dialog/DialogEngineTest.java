package io.huida.engine.dialog;

import io.huida.engine.bot.BotReply;
import io.huida.engine.bot.ReplyType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DialogEngineTest {

    /** A scripted conversation: each {@link #say} sends one message and keeps the state. */
    static final class Chat {
        final DialogEngine engine;
        final Customer customer;
        ConversationState state = ConversationState.NEW;
        Instant now = Instant.parse("2026-11-22T10:00:00Z");
        final List<BotReply> replies = new ArrayList<>();

        Chat(DialogEngine engine, Customer customer) {
            this.engine = engine;
            this.customer = customer;
        }

        Chat() {
            this(TestDialog.engine(), Customer.ANONYMOUS);
        }

        BotReply say(String text) {
            now = now.plusSeconds(20);
            DialogTurn turn = engine.reply(new DialogRequest(text, "web", customer, now), state);
            state = turn.state();
            replies.add(turn.reply());
            return turn.reply();
        }
    }

    @Test
    void asksForTheOrderNumberAndAnswersWhenItComesLater() {
        Chat chat = new Chat();
        BotReply ask = chat.say("我的快递到哪了");
        assertThat(ask.type()).isEqualTo(ReplyType.ASK_SLOT);
        assertThat(ask.flowId()).isEqualTo("order_status");
        assertThat(ask.slot()).isEqualTo("order");
        BotReply answer = chat.say("YT2026112200001");
        assertThat(answer.type()).isEqualTo(ReplyType.ANSWER);
        assertThat(answer.text()).contains("YT2026112200001", "运输中");
        assertThat(chat.state.flow()).isNull();
    }

    @Test
    void usesAnOrderNumberGivenUpFrontWithoutAsking() {
        BotReply answer = new Chat().say("帮我查下订单号YT2026112200002的快递到哪了");
        assertThat(answer.type()).isEqualTo(ReplyType.ANSWER);
        assertThat(answer.flowId()).isEqualTo("order_status");
        assertThat(answer.text()).contains("YT2026112200002");
    }

    @Test
    void understandsTraditionalChineseFlows() {
        BotReply ask = new Chat().say("我的快遞到哪了");
        assertThat(ask.type()).isEqualTo(ReplyType.ASK_SLOT);
        assertThat(ask.flowId()).isEqualTo("order_status");
    }

    @Test
    void answersTraditionalChineseInTraditionalChineseAndKeepsTheLanguageThroughNumbers() {
        Chat chat = new Chat();
        BotReply ask = chat.say("家裡寬帶壞了");
        assertThat(ask.slot()).isEqualTo("fault");
        assertThat(ask.text()).contains("請問是哪種故障");
        assertThat(ask.choices()).extracting(BotReply.Option::label).contains("無法上網");
        BotReply region = chat.say("1");
        assertThat(region.text()).contains("區域");
        assertThat(chat.state.language()).isEqualTo("zh-hant");
    }

    @Test
    void aFallbackToAReplyOfOnlyDigitsStaysInTheConversationsLanguage() {
        Chat chat = new Chat();
        assertThat(chat.say("怎么申请退货？").type()).isEqualTo(ReplyType.ANSWER);
        BotReply r = chat.say("3100123456");
        assertThat(r.type()).isEqualTo(ReplyType.FALLBACK);
        assertThat(r.text()).containsPattern("\\p{IsHan}").doesNotContain("Sorry");
    }

    @Test
    void aReplyOfOnlyDigitsInAnEnglishConversationGetsAnEnglishFallback() {
        Chat chat = new Chat();
        assertThat(chat.say("How do I track my order?").type()).isEqualTo(ReplyType.ANSWER);
        BotReply r = chat.say("3100123456");
        assertThat(r.type()).isEqualTo(ReplyType.FALLBACK);
        assertThat(r.text()).startsWith("Sorry").doesNotContainPattern("\\p{IsHan}");
    }

    @Test
    void aSecondHandoffTriggerDoesNotRepeatTheHandoffSpeech() {
        Chat chat = new Chat();
        BotReply first = chat.say("转人工");
        BotReply second = chat.say("人工客服呢？快点");
        assertThat(second.type()).isEqualTo(ReplyType.HANDOFF);
        assertThat(second.text()).isNotEqualTo(first.text()).contains("请稍候");
    }

    @Test
    void confirmsAChangeAndTakesACorrectionBeforeIt() {
        TestDialog.FakeActions actions = new TestDialog.FakeActions();
        Chat chat = new Chat(TestDialog.engine(DialogOptions.of(actions)), Customer.ANONYMOUS);
        assertThat(chat.say("我要改收货地址").slot()).isEqualTo("order");
        assertThat(chat.say("订单号YT2026112200001").slot()).isEqualTo("address");
        BotReply confirm = chat.say("北京市朝阳区建国路1号");
        assertThat(confirm.slot()).isEqualTo("confirmed");
        assertThat(confirm.text()).contains("北京市朝阳区建国路1号");
        assertThat(confirm.choices()).extracting(BotReply.Option::label).containsExactly("是", "否");
        BotReply again = chat.say("不对，是北京市海淀区中关村大街1号");
        assertThat(again.slot()).isEqualTo("confirmed");
        assertThat(again.text()).contains("北京市海淀区中关村大街1号");
        assertThat(actions.calls).isEmpty();
        BotReply done = chat.say("是的");
        assertThat(done.type()).isEqualTo(ReplyType.ANSWER);
        assertThat(done.text()).contains("已将订单 YT2026112200001 的收货地址改为 北京市海淀区中关村大街1号");
        assertThat(actions.calls).containsExactly("POST /orders/YT2026112200001/address 北京市海淀区中关村大街1号");
    }

    @Test
    void replacesAnEntityWhenTheCustomerCorrectsIt() {
        Chat chat = new Chat();
        chat.say("我要改收货地址");
        chat.say("订单号YT2026112200001");
        chat.say("上海市浦东新区世纪大道100号");
        BotReply confirm = chat.say("不对，订单号是YT2026112299999");
        assertThat(confirm.slot()).isEqualTo("confirmed");
        assertThat(confirm.text()).contains("YT2026112299999").doesNotContain("YT2026112200001");
    }

    @Test
    void declinedConfirmationEndsTheFlowWithoutTheChange() {
        TestDialog.FakeActions actions = new TestDialog.FakeActions();
        Chat chat = new Chat(TestDialog.engine(DialogOptions.of(actions)), Customer.ANONYMOUS);
        chat.say("我要改收货地址");
        chat.say("订单号YT2026112200001");
        chat.say("北京市朝阳区建国路1号");
        BotReply no = chat.say("不用了");
        assertThat(no.text()).contains("地址保持不变");
        assertThat(actions.calls).isEmpty();
        assertThat(chat.state.flow()).isNull();
    }

    @Test
    void cancelEndsTheFlow() {
        Chat chat = new Chat();
        chat.say("我的快递到哪了");
        BotReply cancelled = chat.say("算了，不查了");
        assertThat(cancelled.type()).isEqualTo(ReplyType.ANSWER);
        assertThat(cancelled.text()).contains("已为您取消「查询订单」");
        assertThat(chat.state.flow()).isNull();
    }

    @Test
    void answersAnotherQuestionMidFlowAndOffersToResume() {
        Chat chat = new Chat();
        chat.say("我的快递到哪了");
        BotReply other = chat.say("信用卡年费多少钱？怎么免年费？");
        assertThat(other.type()).isEqualTo(ReplyType.ANSWER);
        assertThat(other.faqId()).isEqualTo("CC009");
        assertThat(other.text()).contains("还需要继续刚才的「查询订单」吗");
        BotReply resumed = chat.say("好的");
        assertThat(resumed.type()).isEqualTo(ReplyType.ASK_SLOT);
        assertThat(resumed.slot()).isEqualTo("order");
        assertThat(chat.say("YT2026112200001").text()).contains("运输中");
    }

    @Test
    void clarifiesAnAmbiguousRequestAndTakesTheAnswerByNumber() {
        Chat chat = new Chat();
        BotReply clarify = chat.say("查账单");
        assertThat(clarify.type()).isEqualTo(ReplyType.CLARIFY);
        assertThat(clarify.choices()).extracting(BotReply.Option::label).containsExactly("本月账单", "历史账单");
        BotReply month = chat.say("2");
        assertThat(month.type()).isEqualTo(ReplyType.ASK_SLOT);
        assertThat(month.flowId()).isEqualTo("bill_history");
        BotReply bill = chat.say("3月份");
        assertThat(bill.type()).isEqualTo(ReplyType.ANSWER);
        assertThat(bill.text()).contains("99.00");
    }

    @Test
    void aReplyToKnowledgeBaseOptionsInOwnWordsNarrowsThemWithTheFirstQuestion() {
        Chat chat = new Chat();
        chat.state = new ConversationState(null, null, new PendingChoice("kb", "怎么收费", List.of(
                new BotReply.Option(1, "信用卡年费多少钱？怎么免年费？", "faq:CC009"),
                new BotReply.Option(2, "套餐外流量怎么收费？", "faq:TL004"),
                new BotReply.Option(3, "运费怎么收？满多少包邮？", "faq:EC013")), 1),
                null, 1, List.of(), List.of(), List.of(), null, java.util.Map.of(), "zh");
        BotReply r = chat.say("寄东西的");  // no word of any option: the question asked again with it decides
        assertThat(r.type()).isEqualTo(ReplyType.ANSWER);
        assertThat(r.faqId()).isEqualTo("EC013");
    }

    @Test
    void aReplyToOptionsPicksTheOptionTheCombinedQuestionClearlyPrefers() {
        // "怎么收费 寄东西的" asked alone only gets choices; among the offered options it clearly prefers the shipping one
        Chat chat = new Chat();
        assertThat(TestDialog.engine().ask(new DialogRequest("怎么收费 寄东西的", "web", Customer.ANONYMOUS, chat.now)).type())
                .isNotEqualTo(ReplyType.ANSWER);
        chat.state = new ConversationState(null, null, new PendingChoice("kb", "怎么收费", List.of(
                new BotReply.Option(1, "信用卡年费多少钱？怎么免年费？", "faq:CC009"),
                new BotReply.Option(2, "套餐外流量怎么收费？", "faq:TL004"),
                new BotReply.Option(3, "运费怎么收？满多少包邮？", "faq:EC013")), 1),
                null, 1, List.of(), List.of(), List.of(), null, java.util.Map.of(), "zh");
        BotReply r = chat.say("寄东西的");
        assertThat(r.type()).isEqualTo(ReplyType.ANSWER);
        assertThat(r.faqId()).isEqualTo("EC013");
    }

    @Test
    void aFollowUpIsAnsweredWhenTheCombinedQuestionHasOnlyOnePlausibleFaq() {
        // a bot that answers a little less readily than the default: the follow-up alone means nothing to it and the
        // combined question only gets choices, but only one of them is plausible
        DialogEngine cautious = TestDialog.engineWithShift(0.02);
        Chat chat = new Chat(cautious, Customer.ANONYMOUS);
        assertThat(chat.say("怎么申请退货？").faqId()).isEqualTo("EC016");
        assertThat(cautious.ask(new DialogRequest("那快递费谁付", "web", Customer.ANONYMOUS, chat.now)).type())
                .isEqualTo(ReplyType.FALLBACK);
        BotReply combined = cautious.ask(new DialogRequest("怎么申请退货？ 那快递费谁付", "web", Customer.ANONYMOUS, chat.now));
        assertThat(combined.type()).as("asked alone, the combined question is not answered outright").isEqualTo(ReplyType.CLARIFY);
        BotReply cost = chat.say("那快递费谁付");
        assertThat(cost.type()).isEqualTo(ReplyType.ANSWER);
        assertThat(cost.faqId()).isEqualTo("EC019");
        assertThat(cost.explanation().reason()).startsWith("follow-up of \"怎么申请退货？\"");
    }

    @Test
    void clarificationAcceptsOrdinalWordsAndKeywords() {
        Chat first = new Chat();
        first.say("查账单");
        assertThat(first.say("第一个").text()).contains("128.00");
        Chat keyword = new Chat();
        keyword.say("我要看账单");
        assertThat(keyword.say("这个月的").text()).contains("128.00");
    }

    @Test
    void followUpRerunsTheLastFlowWithTheNewMonth() {
        Chat chat = new Chat();
        chat.say("查历史账单");
        BotReply march = chat.say("2026年3月");
        assertThat(march.text()).contains("99.00");
        BotReply april = chat.say("那4月份的呢");
        assertThat(april.type()).isEqualTo(ReplyType.ANSWER);
        assertThat(april.flowId()).isEqualTo("bill_history");
        assertThat(april.text()).isNotEqualTo(march.text());
    }

    @Test
    void followUpOfAnAnswerIsAskedTogetherWithThePreviousQuestion() {
        Chat chat = new Chat();
        assertThat(chat.say("怎么申请退货？").faqId()).isEqualTo("EC016");
        BotReply cost = chat.say("那运费谁出呢");
        assertThat(cost.type()).isEqualTo(ReplyType.ANSWER);
        assertThat(cost.faqId()).isEqualTo("EC019");
    }

    @Test
    void handsOverWhenAskedForAHumanWithASummary() {
        Chat chat = new Chat();
        chat.say("我的快递到哪了");
        BotReply h = chat.say("转人工");
        assertThat(h.type()).isEqualTo(ReplyType.HANDOFF);
        assertThat(h.handoff().reason()).isEqualTo("customer_request");
        assertThat(h.handoff().summary()).contains("我的快递到哪了", "查询订单", "order");
        assertThat(chat.state.handedOff()).isEqualTo("customer_request");
    }

    @Test
    void greetingsThanksAndGoodbyesGetAFriendlyWordAndCountAsNoFailure() {
        Chat chat = new Chat();
        BotReply hi = chat.say("你好");
        assertThat(hi.type()).isEqualTo(ReplyType.ANSWER);
        assertThat(hi.text()).contains("有什么可以帮您");
        assertThat(new Chat().say("hello").text()).contains("How can I help");
        assertThat(chat.say("谢谢！").text()).contains("不客气");
        assertThat(chat.say("再见").text()).contains("再见");
        assertThat(chat.state.failures()).isZero();
        assertThat(new Chat().say("你好，信用卡年费多少钱？").faqId()).isEqualTo("CC009");
    }

    @Test
    void handsOverAfterTwoFailures() {
        Chat chat = new Chat();
        assertThat(chat.say("火星上的天气怎么样").type()).isIn(ReplyType.FALLBACK, ReplyType.CLARIFY);
        BotReply h = chat.say("你们公司的股票代码是多少");
        assertThat(h.type()).isEqualTo(ReplyType.HANDOFF);
        assertThat(h.handoff().reason()).isEqualTo("repeated_failure");
    }

    @Test
    void handsOverAnAngryCustomer() {
        BotReply h = new Chat().say("你们这是什么破服务！！！气死我了，我要投诉你们！");
        assertThat(h.type()).isEqualTo(ReplyType.HANDOFF);
        assertThat(h.handoff().reason()).isEqualTo("anger");
        assertThat(h.emotion().label()).isEqualTo("angry");
    }

    @Test
    void handsOverWhenTheCustomerGetsAngrierTurnByTurn() {
        Chat chat = new Chat();
        assertThat(chat.say("我的快递到哪了").type()).isEqualTo(ReplyType.ASK_SLOT);
        assertThat(chat.say("我都等了一个星期了，有点着急").type()).isNotEqualTo(ReplyType.HANDOFF);
        BotReply h = chat.say("你们怎么回事啊，一直不发货，太过分了！");
        assertThat(h.type()).isEqualTo(ReplyType.HANDOFF);
        assertThat(h.handoff().reason()).isEqualTo("anger");
        assertThat(h.handoff().summary()).contains("愤怒", "持续升级");
    }

    @Test
    void handsOverAVipAtTheFirstFailure() {
        Chat chat = new Chat(TestDialog.engine(), new Customer("c1", "王先生", "vip", false));
        BotReply h = chat.say("火星上的天气怎么样");
        assertThat(h.type()).isEqualTo(ReplyType.HANDOFF);
        assertThat(h.handoff().reason()).isEqualTo("vip");
        assertThat(h.handoff().summary()).contains("王先生", "VIP");
    }

    @Test
    void handsOverWhenTheBusinessCallFails() {
        Chat chat = new Chat(TestDialog.engine(DialogOptions.of(new TestDialog.FakeActions(true))), Customer.ANONYMOUS);
        chat.say("我的快递到哪了");
        BotReply h = chat.say("YT2026112200001");
        assertThat(h.type()).isEqualTo(ReplyType.HANDOFF);
        assertThat(h.handoff().reason()).isEqualTo("business_call_failed");
        assertThat(h.text()).contains("业务系统暂时无法访问");
        assertThat(h.handoff().summary()).contains("HTTP 503");
    }

    @Test
    void cardLossRaisesTheRiskAndHandsOverToTheCardSkill() {
        BotReply h = new Chat().say("我的信用卡丢了");
        assertThat(h.type()).isEqualTo(ReplyType.HANDOFF);
        assertThat(h.risks()).extracting(BotReply.RiskFlag::type).contains("card_loss");
        assertThat(h.handoff().skill()).isEqualTo("信用卡");
    }

    @Test
    void handsOverAfterTooManyInvalidAnswers() {
        Chat chat = new Chat();
        chat.say("我的快递到哪了");
        assertThat(chat.say("不记得了啊").type()).isEqualTo(ReplyType.ASK_SLOT);
        assertThat(chat.say("就是前天买的那个").type()).isEqualTo(ReplyType.ASK_SLOT);
        BotReply h = chat.say("你自己查嘛");
        assertThat(h.type()).isEqualTo(ReplyType.HANDOFF);
        assertThat(h.handoff().reason()).isEqualTo("slot_failed");
    }

    @Test
    void broadbandFaultCollectsDetailsGivesSelfHelpAndFilesAWorkOrderWhenUnresolved() {
        Chat chat = new Chat();
        BotReply fault = chat.say("家里宽带坏了");
        assertThat(fault.slot()).isEqualTo("fault");
        assertThat(fault.choices()).extracting(BotReply.Option::label).containsExactly("无法上网", "网速慢", "经常掉线");
        assertThat(chat.say("1").slot()).isEqualTo("region");
        assertThat(chat.say("北京市朝阳区").slot()).isEqualTo("phone");
        BotReply steps = chat.say("13812345678");
        assertThat(steps.text()).contains("重启光猫", "问题解决了吗");
        assertThat(steps.slot()).isEqualTo("resolved");
        BotReply ticket = chat.say("没有，还是不行");
        assertThat(ticket.text()).contains("已为您创建报修工单 WO");
        assertThat(chat.state.workOrders()).hasSize(1);
        assertThat(chat.state.workOrders().get(0).category()).isEqualTo("宽带故障");
    }

    @Test
    void flowStepsCanDependOnCustomerAttributes() {
        io.huida.engine.dialog.flow.FlowSet flows = new io.huida.engine.dialog.flow.FlowParser().parse("""
                flows:
                  - id: order_status
                    triggers: [我的快递到哪了, 查一下我的订单, 帮我查查订单物流]
                    steps:
                      - when: customer.vip == true
                        answer: 尊敬的VIP客户，专属顾问将在5分钟内联系您。
                      - when: customer.vip != true
                        answer: 请提供订单号，我们尽快为您查询。
                """);
        DialogEngine engine = new DialogEngine(TestDialog.engine().bot(), flows, DialogOptions.of(new TestDialog.FakeActions()));
        assertThat(new Chat(engine, new Customer("c9", null, "vip", false)).say("我的快递到哪了").text()).contains("VIP");
        assertThat(new Chat(engine, Customer.ANONYMOUS).say("我的快递到哪了").text()).contains("请提供订单号");
    }

    @Test
    void staleFlowsExpire() {
        Chat chat = new Chat();
        chat.say("我的快递到哪了");
        chat.now = chat.now.plus(Duration.ofMinutes(31));
        BotReply later = chat.say("信用卡年费多少钱？怎么免年费？");
        assertThat(later.text()).doesNotContain("查询订单");
        assertThat(chat.state.suspended()).isNull();
    }
}
