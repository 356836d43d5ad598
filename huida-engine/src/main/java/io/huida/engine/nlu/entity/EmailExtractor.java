package io.huida.engine.nlu.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds e-mail addresses; the value is the address in lower case. */
public final class EmailExtractor implements EntityExtractor {

    /** The name of this extractor. */
    public static final String NAME = Entity.EMAIL;

    private static final Pattern EMAIL = Pattern.compile(
            "(?<![A-Za-z0-9._%+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]*[A-Za-z0-9_%+-])?@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\\.[A-Za-z]{2,}(?![A-Za-z0-9-])");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Entity> extract(String text, ExtractionContext ctx) {
        String folded = TextFold.fold(text);
        List<Entity> out = new ArrayList<>();
        Matcher m = EMAIL.matcher(folded);
        while (m.find()) {
            out.add(new Entity(NAME, m.group().toLowerCase(Locale.ROOT), text.substring(m.start(), m.end()), m.start(), m.end()));
        }
        return out;
    }
}
