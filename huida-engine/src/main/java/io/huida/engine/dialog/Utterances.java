package io.huida.engine.dialog;

import com.hankcs.hanlp.HanLP;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises the short conversational moves a dialog needs — yes, no, cancel, skip, "that's wrong", a
 * follow-up — in simplified, traditional, full-width, colloquial Chinese and English.
 */
final class Utterances {

    private static final Pattern NOISE = Pattern.compile("[\\p{Punct}\\p{IsPunctuation}\\s\\p{So}～~]+");
    private static final Pattern SPACES = Pattern.compile(" {2,}");
    private static final Pattern SPACE_BESIDE_HAN = Pattern.compile("(?<=\\p{IsHan}) | (?=\\p{IsHan})");
    private static final Pattern TRAILING_PARTICLES = Pattern.compile("[啊呀吧呢哦噢啦嘛哈吗]+$");

    private static final Set<String> YES = Set.of("是", "是的", "对", "对的", "对呀", "确认", "确定", "好", "好的", "可以",
            "行", "没问题", "嗯", "嗯嗯", "恩", "要", "需要", "继续", "是滴", "当然", "ok", "okay", "yes", "y", "yep", "yeah",
            "sure", "confirm", "correct", "right", "continue", "go ahead", "please do", "解决了", "好了", "搞定了", "可以了");
    private static final List<String> YES_PREFIXES = List.of("是的", "确认", "确定", "好的", "对的", "没问题", "可以", "解决了",
            "yes", "ok", "sure", "继续");
    private static final Set<String> NO = Set.of("不", "不是", "不对", "不要", "不用", "不需要", "否", "没有", "没", "还没",
            "不行", "不可以", "不了", "算了", "取消", "no", "n", "nope", "nah", "not really", "don't", "cancel", "没解决",
            "还是不行", "不好", "没好");
    private static final List<String> NO_PREFIXES = List.of("不用", "不要", "不需要", "不是", "不对", "没有", "还没", "还是不",
            "没解决", "没好", "不行", "no ", "not ", "don't", "nope", "算了");
    private static final Set<String> CANCEL = Set.of("算了", "取消", "取消吧", "不用了", "不查了", "不办了", "不要了",
            "不需要了", "先不了", "先不用了", "退出", "结束", "不弄了", "不改了", "cancel", "never mind", "nevermind",
            "forget it", "stop", "quit", "exit");
    private static final List<String> CANCEL_PREFIXES = List.of("算了", "不用了", "不查了", "不办了", "不要了", "先不",
            "cancel", "never mind", "forget it");
    private static final Set<String> SKIP = Set.of("跳过", "不知道", "不清楚", "没有", "不记得", "忘了", "不方便", "skip",
            "don't know", "dont know", "none", "no idea", "不填");
    private static final Pattern CORRECTION = Pattern.compile(
            "^(不对|不是|错了|说错了|搞错了|打错了|写错了|更正|纠正|应该是|改成|改为|换成|sorry|actually|correction|i mean|no,? it'?s)");
    private static final Pattern FOLLOW_UP = Pattern.compile(
            "^(那|那么|那个|还有|另外|如果|要是|and |what about|how about|then )|(呢|的呢|怎么办|多久|多长时间)$");

    private static final Set<String> GREETINGS = Set.of("你好", "您好", "hi", "hello", "hey", "在吗", "在不在", "有人吗",
            "哈喽", "嗨", "早上好", "下午好", "晚上好", "你好呀", "您好呀", "good morning", "good afternoon", "good evening",
            "客服你好", "客服在吗", "有人在吗");
    private static final Set<String> THANKS = Set.of("谢谢", "谢谢你", "谢谢您", "多谢", "感谢", "非常感谢", "好的谢谢",
            "好的，谢谢", "thanks", "thank you", "thx", "ok thanks", "ok thank you", "谢啦", "3q");
    private static final Set<String> GOODBYES = Set.of("再见", "拜拜", "bye", "goodbye", "bye bye", "没有了", "没事了",
            "没问题了", "就这些", "好的再见");

    private Utterances() {
    }

    /** "你好/在吗/hello" — a greeting and nothing else. */
    static boolean isGreeting(String text) {
        return GREETINGS.contains(core(text));
    }

    /** "谢谢/thanks" — thanks and nothing else. */
    static boolean isThanks(String text) {
        return THANKS.contains(core(text)) || THANKS.contains(fold(text));
    }

    /** "再见/没有了/bye" — the customer is done. */
    static boolean isGoodbye(String text) {
        return GOODBYES.contains(core(text));
    }

    /** Simplified, half-width, lower case, no punctuation or spaces at the ends and no inner punctuation. */
    static String fold(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        s = HanLP.convertToSimplifiedChinese(s);
        s = SPACES.matcher(NOISE.matcher(s).replaceAll(" ").strip()).replaceAll(" ");
        return SPACE_BESIDE_HAN.matcher(s).replaceAll("");
    }

    private static String core(String text) {
        String f = fold(text);
        String c = TRAILING_PARTICLES.matcher(f).replaceAll("");
        return c.isEmpty() ? f : c;
    }

    /** "是/好的/确认/yes" — an agreement. */
    static boolean isYes(String text) {
        String c = core(text);
        if (isNo(text)) {
            return false;
        }
        return YES.contains(c) || YES_PREFIXES.stream().anyMatch(c::startsWith) && c.length() <= 12;
    }

    /** "不/不用/没有/no" — a refusal. */
    static boolean isNo(String text) {
        String c = core(text);
        if (c.startsWith("不错") || c.startsWith("不客气")) {
            return false;
        }
        return NO.contains(c) || NO_PREFIXES.stream().anyMatch(c::startsWith) && c.length() <= 14;
    }

    /** "算了/不用了/cancel" — the customer abandons what the bot is doing. */
    static boolean isCancel(String text) {
        String c = core(text);
        return CANCEL.contains(c) || CANCEL_PREFIXES.stream().anyMatch(c::startsWith) && c.length() <= 12;
    }

    /** "跳过/不知道/skip" — the customer cannot or will not give an optional detail. */
    static boolean isSkip(String text) {
        return SKIP.contains(core(text));
    }

    /** "不对，是…/应该是…/actually …" — the customer corrects something they said. */
    static boolean isCorrection(String text) {
        return CORRECTION.matcher(fold(text)).find();
    }

    /** The text after a correction marker ("不对，是北京市朝阳区" → "北京市朝阳区"), or the whole text. */
    static String afterCorrection(String text) {
        String s = text.strip().replaceFirst(
                "^(不对|不是|错了|说错了|搞错了|打错了|写错了|更正|纠正|sorry|actually|correction|i mean)[,，。.!！\\s]*", "");
        return s.replaceFirst("^(应该是|是|改成|改为|换成|it'?s)[,，:：\\s]*", "").strip();
    }

    /** "那要多久？/那3月份的呢/what about …" — a message that leans on the previous turn. */
    static boolean isFollowUp(String text) {
        String f = fold(text);
        return FOLLOW_UP.matcher(f).find() || f.length() <= 4;
    }
}
