package io.huida.engine.dialog;

import io.huida.engine.dialog.flow.Flow;
import io.huida.engine.dialog.flow.Slot;
import io.huida.engine.nlu.entity.Entity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes slot values out of a customer message: the recognizer's entities of the slot's type, an option of a
 * choice slot, the whole reply for a text slot — and, when the bot has just asked for the slot, a bare token
 * that fits it (a reply of only "YT2026112200001" has no order keyword but is the order number asked for).
 */
final class SlotFiller {

    private static final Pattern ORDER_TOKEN = Pattern.compile("(?<![A-Za-z0-9])([A-Za-z]{0,4}\\d{8,20})(?![A-Za-z0-9])");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9\\-_.@]*");

    /** What a message says about one slot. */
    record Fill(String value, boolean invalid) {
        static final Fill NONE = new Fill(null, false);

        boolean found() {
            return value != null && !invalid;
        }
    }

    private SlotFiller() {
    }

    /**
     * What {@code msg} gives for {@code slot}.
     *
     * @param asked whether the bot has just asked for this slot (then a bare fitting token or the whole reply counts)
     */
    static Fill fill(Slot slot, Msg msg, boolean asked) {
        String value = switch (slot.entity()) {
            case Slot.TEXT -> asked ? textValue(msg.text()) : null;
            case Slot.CHOICE -> choice(slot, msg.text(), asked);
            default -> entity(slot, msg, asked);
        };
        if (value == null || value.isBlank()) {
            return Fill.NONE;
        }
        if (slot.validation() != null && !slot.validation().matcher(value).matches()) {
            String token = asked ? fittingToken(slot, msg.text()) : null;
            return token == null ? new Fill(value, true) : new Fill(token, false);
        }
        return new Fill(value, false);
    }

    /** Fills every unfilled slot (other than {@code except}) that the message gives a valid value for; returns the names. */
    static List<String> prefill(Flow flow, Msg msg, Map<String, String> vars, String except) {
        List<String> filled = new java.util.ArrayList<>();
        for (Slot s : flow.slots()) {
            if (s.name().equals(except) || s.entity().equals(Slot.TEXT)) {
                continue;
            }
            Fill f = fill(s, msg, false);
            if (f.found() && (!vars.containsKey(s.name()) || !vars.get(s.name()).equals(f.value()))) {
                vars.put(s.name(), f.value());
                filled.add(s.name());
            }
        }
        return filled;
    }

    private static String textValue(String text) {
        String s = Utterances.isCorrection(text) ? Utterances.afterCorrection(text) : text.strip();
        return s.replaceFirst("^(地址是|新地址是|改成|改为|是)[:：\\s]*", "").strip();
    }

    private static String choice(Slot slot, String text, boolean asked) {
        List<List<String>> none = slot.choices().stream().map(c -> List.<String>of()).toList();
        List<Integer> picked = ChoiceMatcher.match(text, slot.choices(), none);
        if (picked.size() != 1) {
            return null;
        }
        String label = slot.choices().get(picked.get(0) - 1);
        // unasked, only an option named in the message counts (not "2" or a loose overlap)
        if (!asked && !Utterances.fold(text).contains(Utterances.fold(label))) {
            return null;
        }
        return label;
    }

    /** The first word of {@code text} (or the whole text) that matches the slot's validation pattern, or null. */
    private static String fittingToken(Slot slot, String text) {
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            if (slot.validation().matcher(m.group()).matches()) {
                return m.group();
            }
        }
        String whole = text.strip();
        return slot.validation().matcher(whole).matches() ? whole : null;
    }

    private static String entity(Slot slot, Msg msg, boolean asked) {
        Optional<Entity> e = msg.ofType(slot.entity()).stream().findFirst();
        if (e.isPresent()) {
            return e.get().value();
        }
        if (!asked) {
            return null;
        }
        if (slot.validation() != null) {
            return fittingToken(slot, msg.text());
        }
        if (slot.entity().equals(Entity.ORDER_NUMBER)) {
            Matcher m = ORDER_TOKEN.matcher(msg.text());
            return m.find() ? m.group(1).toUpperCase(java.util.Locale.ROOT) : null;
        }
        return null;
    }
}
