package io.huida.engine.dialog.flow;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of a business call.
 *
 * @param ok       whether the call succeeded and every field was found
 * @param fields   variable → value mapped from the response (numbers and booleans as text), empty when not ok
 * @param status   the last HTTP status, or 0 when no response arrived
 * @param attempts how many requests were sent (1 + retries used)
 * @param elapsed  wall time of all attempts
 * @param failure  why it failed ({@code timeout after 2000 ms}, {@code HTTP 503}, {@code response field /status
 *                 missing}), or null when ok
 */
public record CallResult(boolean ok, Map<String, String> fields, int status, int attempts, Duration elapsed, String failure) {

    public CallResult {
        fields = Map.copyOf(fields);
        Objects.requireNonNull(elapsed, "elapsed");
        if (ok == (failure != null)) {
            throw new IllegalArgumentException("a call result has a failure reason exactly when it is not ok, got ok="
                    + ok + ", failure=" + failure);
        }
    }

    /** A successful call. */
    public static CallResult success(Map<String, String> fields, int status, int attempts, Duration elapsed) {
        return new CallResult(true, fields, status, attempts, elapsed, null);
    }

    /** A failed call. */
    public static CallResult failed(String failure, int status, int attempts, Duration elapsed) {
        return new CallResult(false, Map.of(), status, attempts, elapsed, Objects.requireNonNull(failure, "failure"));
    }
}
