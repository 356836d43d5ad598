package io.huida.server.knowledge;

/** Another import or publish is running (HTTP 409). */
public class BusyException extends RuntimeException {

    public BusyException(String message) {
        super(message);
    }
}
