package io.huida.engine.retrieval;

import io.huida.engine.text.Language;

import java.util.Set;

/** One indexed text of an FAQ (a question, a similar question or the answer): as written, normalised, analysed. */
record IndexedText(int ordinal, int faq, boolean answer, String original, String text, Language language, float[] vector,
                   Set<String> terms, Set<String> pinyin) {
}
