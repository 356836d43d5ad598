package io.huida.server.knowledge;

/** A requested knowledge-base object does not exist (HTTP 404). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
