package io.huida.server.demo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.YearMonth;
import java.time.ZoneId;

/**
 * A made-up business system for the demo flows to call: {@code GET /api/v1/demo/orders/{orderNumber}},
 * {@code POST /api/v1/demo/orders/{orderNumber}/address}, {@code GET /api/v1/demo/bills?month=YYYY-MM}. Public
 * (no authentication); off with {@code huida.demo.business-service=false}.
 */
@RestController
@RequestMapping("/api/v1/demo")
@ConditionalOnBooleanProperty(name = DemoProperties.BUSINESS_SERVICE, matchIfMissing = true)
class DemoBusinessController {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final DemoBusiness business = new DemoBusiness();

    /** A new shipping address. */
    record AddressChange(String address) {
    }

    /** The result of an address change. */
    record AddressChanged(boolean ok, String orderNumber, String address) {
    }

    @GetMapping("/orders/{orderNumber}")
    DemoBusiness.Order order(@PathVariable String orderNumber) {
        return business.order(orderNumber).orElseThrow(() -> notFound(orderNumber));
    }

    @PostMapping("/orders/{orderNumber}/address")
    AddressChanged changeAddress(@PathVariable String orderNumber, @RequestBody AddressChange change) {
        DemoBusiness.Order order = business.changeAddress(orderNumber, change == null ? null : change.address())
                .orElseThrow(() -> notFound(orderNumber));
        return new AddressChanged(true, order.orderNumber(), order.address());
    }

    @GetMapping("/bills")
    DemoBusiness.Bill bill(@RequestParam(required = false) String month) {
        return business.bill(month == null || month.isBlank() ? YearMonth.now(ZONE).toString() : month);
    }

    private static ErrorResponseException notFound(String orderNumber) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no order '" + orderNumber
                + "' (order numbers are two letters and 10 to 16 digits, e.g. YT2026112200001)");
        p.setTitle("Not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, p, null);
    }
}
