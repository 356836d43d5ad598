package io.huida.engine.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the question inside a long Chinese message: customers often tell a story and vent before they ask
 * ("花瓶碎成好几块，我心都凉了！！！这种情况你们管不管？"). The message is split into clauses at punctuation; clauses
 * that ask or request something are kept, venting clauses (气死我了, 太坑了…) are dropped, and the kept clauses, in
 * their order, are the core. The core is only returned when the message is long enough to bury a question and the
 * core is clearly shorter than the message; retrieval then scores both and keeps the better evidence.
 *
 * <p>Stateless and thread-safe.
 */
public final class QuestionCore {

    /** Messages shorter than this many characters (without punctuation) are taken whole. */
    static final int MIN_MESSAGE_CHARS = 20;
    /** A core shorter than this many characters says too little to be matched on its own. */
    static final int MIN_CORE_CHARS = 5;
    /** A question clause shorter than this many characters is kept with the telling clause before it. */
    static final int SHORT_QUESTION_CHARS = 8;
    /** The core must leave out at least this share of the message's characters. */
    static final double MAX_CORE_SHARE = 0.75;

    private static final Pattern CLAUSE_END = Pattern.compile("[，,。！!？?；;~～…\\n\\r]+");
    private static final Pattern QUESTION_MARK = Pattern.compile("[？?]");
    private static final Pattern ASKS = Pattern.compile(
            "怎么|怎样|如何|咋|啥|什么|哪|吗|么$|嘛$|呢$|能不能|可不可以|可以不|是不是|有没有|会不会|要不要|行不行"
                    + "|多久|多少|多长|几天|几个|为什么|为何|谁|能否|可否|是否|管不管|(能|可以|会|有|是|要)[^，,。]{1,12}不$|没有?$"
                    + "|我要|我想|想要|帮我|给我|麻烦|请|希望|申请|办理|取消|退|换|改|查|开通|关闭|注销");
    private static final Pattern VENTS = Pattern.compile(
            "[气急烦吓愁]死|[急气]得|急哭|[烦气]透|慌|太难了|怕了|急着|崩溃|受够|失望|过分|离谱|无语|坑人|太坑|服了|心都凉|要哭|疯了|抓狂|郁闷|生气|愤怒|着急|心急|心慌|发慌|"
                    + "难受|欺负|骗子|垃圾|恶心|膈应|要命|折腾|糟心|闹心|走投无路|不像话|耍人|搞什么|怎么回事|简直|真是的");
    private static final Pattern NOT_TEXT = Pattern.compile("[^\\p{IsHan}\\p{L}\\p{N}]+");

    private QuestionCore() {
    }

    /**
     * The question-bearing clauses of {@code message}, joined with "，", or empty when the message is short, has a
     * single clause, holds no clause that asks or requests anything, or is all question.
     */
    public static Optional<String> of(String message) {
        if (message == null || Language.of(message) != Language.ZH) {
            return Optional.empty();
        }
        int total = letters(message);
        if (total < MIN_MESSAGE_CHARS) {
            return Optional.empty();
        }
        List<String> clauses = new ArrayList<>();
        List<Boolean> asking = new ArrayList<>();
        var m = CLAUSE_END.matcher(message);
        int start = 0;
        while (start < message.length()) {
            boolean found = m.find(start);
            int end = found ? m.start() : message.length();
            String clause = message.substring(start, end).strip();
            if (!clause.isEmpty()) {
                clauses.add(clause);
                asking.add(asks(clause, found && QUESTION_MARK.matcher(m.group()).find()));
            }
            start = found ? m.end() : message.length();
        }
        List<String> kept = new ArrayList<>();
        int keptChars = 0;
        for (int i = 0; i < clauses.size(); i++) {
            if (asking.get(i)) {
                String clause = clauses.get(i);
                int context = i - 1;
                while (context >= 0 && !asking.get(context) && vents(clauses.get(context))) {
                    context--;
                }
                if (letters(clause) < SHORT_QUESTION_CHARS && context >= 0 && !asking.get(context)) {
                    kept.add(clauses.get(context)); // "到底怎么还？" says what only with the clause before it
                    keptChars += letters(clauses.get(context));
                }
                kept.add(clause);
                keptChars += letters(clause);
            }
        }
        if (clauses.size() < 2 || kept.isEmpty() || keptChars < MIN_CORE_CHARS || keptChars > MAX_CORE_SHARE * total) {
            return Optional.empty();
        }
        return Optional.of(String.join("，", kept));
    }

    private static boolean vents(String clause) {
        return VENTS.matcher(clause).find();
    }

    /** Whether a clause asks or requests something rather than only telling or venting. */
    static boolean asks(String clause, boolean questionMark) {
        boolean vents = VENTS.matcher(clause).find();
        if (vents && letters(VENTS.matcher(clause).replaceAll("")) < 2) {
            return false; // "急死了", "气死我了", "太坑人了": nothing left once the venting is gone
        }
        return questionMark || ASKS.matcher(clause).find();
    }

    private static int letters(String s) {
        return NOT_TEXT.matcher(s).replaceAll("").length();
    }
}
