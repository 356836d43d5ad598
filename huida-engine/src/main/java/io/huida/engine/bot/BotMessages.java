package io.huida.engine.bot;

/** The bot's fixed sentences, in Chinese and English. */
public record BotMessages(String clarifyZh, String clarifyEn, String fallbackZh, String fallbackEn) {

    /** The built-in wording. */
    public static BotMessages defaults() {
        return new BotMessages(
                "您是想问下面哪个问题呢？请点选一个，或换个说法再问。",
                "Did you mean one of these? Pick one, or ask again in other words.",
                "抱歉，我暂时没有找到相关的答案。您可以换个说法再问一次，或者回复“人工”联系客服。",
                "Sorry, I couldn't find an answer to that. Try rephrasing, or type \"agent\" to talk to a person.");
    }
}
