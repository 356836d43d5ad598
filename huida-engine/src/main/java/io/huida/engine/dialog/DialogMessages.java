package io.huida.engine.dialog;

import io.huida.engine.dialog.flow.LocalizedText;

/**
 * What the dialog engine itself says, in Chinese and English ({@code {flow}} is a flow's name).
 */
record DialogMessages(LocalizedText cancelled, LocalizedText resumeOffer, LocalizedText resumed, LocalizedText invalid,
                      LocalizedText slotGaveUp, LocalizedText handoff, LocalizedText angry, LocalizedText narrow,
                      LocalizedText yesNo, LocalizedText withheld, LocalizedText waiting,
                      LocalizedText greeting, LocalizedText thanks, LocalizedText goodbye) {

    static DialogMessages defaults() {
        return new DialogMessages(
                new LocalizedText("好的，已为您取消「{flow}」。还有其他可以帮您的吗？",
                        "OK, I have cancelled \"{flow}\". Anything else I can help with?"),
                new LocalizedText("还需要继续刚才的「{flow}」吗？", "Shall we continue with \"{flow}\"?"),
                new LocalizedText("好的，我们继续「{flow}」。", "OK, let's continue with \"{flow}\"."),
                new LocalizedText("抱歉，没能识别您提供的信息。", "Sorry, I could not read that."),
                new LocalizedText("抱歉，我还是没能确认您的信息，正在为您转接人工客服。",
                        "Sorry, I still could not get that right; I am passing you to a human agent."),
                new LocalizedText("正在为您转接人工客服，请稍候，您的问题和已提供的信息会一并转给客服。",
                        "I am passing you to a human agent; they will see what you have told me so far."),
                new LocalizedText("非常抱歉给您带来了不好的体验，正在为您转接人工客服优先处理。",
                        "I am very sorry about this experience. I am passing you to a human agent right away."),
                new LocalizedText("您指的是以下哪一个？", "Which of these do you mean?"),
                new LocalizedText("请回复“是”或“否”。", "Please answer yes or no."),
                new LocalizedText("抱歉，这个问题需要由人工客服为您解答，您可以回复“转人工”。",
                        "Sorry, a human agent needs to answer this; reply \"agent\" to talk to one."),
                new LocalizedText("已在为您转接人工客服，请稍候，您的消息客服都会看到。",
                        "You are in the queue for a human agent; they will see all your messages."),
                new LocalizedText("您好！我是智能客服，请问有什么可以帮您？", "Hello! How can I help you?"),
                new LocalizedText("不客气，很高兴能帮到您！还有其他问题吗？", "You're welcome! Anything else I can help with?"),
                new LocalizedText("感谢您的咨询，祝您生活愉快，再见！", "Thank you for contacting us. Goodbye!"));
    }
}
