package io.huida.server.knowledge;

import java.time.Instant;

/** One version of the knowledge base: made by an import or an edit, published or not. */
public record KbVersion(long version, Instant createdAt, String createdBy, String source, int faqCount, Status status) {

    /** A version's life: drafts wait to be published; publishing archives the previous published version. */
    public enum Status { DRAFT, PUBLISHED, ARCHIVED }
}
