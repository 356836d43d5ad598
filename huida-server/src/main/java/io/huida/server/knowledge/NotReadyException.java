package io.huida.server.knowledge;

/** The bot cannot answer yet: no knowledge base is published or it is still being built (HTTP 503). */
public class NotReadyException extends RuntimeException {

    public NotReadyException(String message) {
        super(message);
    }
}
