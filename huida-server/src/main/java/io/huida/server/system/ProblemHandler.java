package io.huida.server.system;

import io.huida.engine.kb.FaqFileException;
import io.huida.server.knowledge.BusyException;
import io.huida.server.knowledge.NotFoundException;
import io.huida.server.knowledge.NotReadyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Maps failures to RFC 9457 problem details ({@code application/problem+json}) that say what was wrong. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler(FaqFileException.class)
    ProblemDetail invalidFile(FaqFileException e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid file", e.getMessage());
        p.setProperty("errors", e.errors());
        return p;
    }

    @ExceptionHandler(io.huida.engine.dialog.flow.FlowFormatException.class)
    ProblemDetail invalidFlows(io.huida.engine.dialog.flow.FlowFormatException e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid flows file", e.getMessage());
        p.setProperty("line", e.line());
        p.setProperty("column", e.column());
        return p;
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ProblemDetail forbidden(org.springframework.security.access.AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "Bad request", e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(BusyException.class)
    ProblemDetail busy(BusyException e) {
        return problem(HttpStatus.CONFLICT, "Busy", e.getMessage());
    }

    @ExceptionHandler(NotReadyException.class)
    ProblemDetail notReady(NotReadyException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Not ready", e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        return p;
    }
}
