package io.huida.server.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Made-up orders and bills for the demo flows: a few seeded orders with fixed data, any other well-formed order
 * number derived deterministically from its digits, bills derived from the month. Address changes are kept in
 * memory (at most 1,000).
 */
final class DemoBusiness {

    static final Pattern ORDER_NUMBER = Pattern.compile("[A-Z]{2}\\d{10,16}");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final String[] STATUSES = {"已下单", "已发货", "运输中", "派送中", "已签收"};
    private static final String[] CARRIERS = {"顺丰速运", "中通快递", "圆通速递", "京东物流"};
    private static final String[] ADDRESSES = {"北京市朝阳区建国路88号", "广州市天河区体育西路191号", "杭州市西湖区文三路478号",
            "成都市武侯区天府大道北段1700号"};
    private static final Refund NO_REFUND = new Refund("无退款", BigDecimal.ZERO, null);
    private static final Map<String, Order> SEEDED = Map.of(
            "YT2026112200001", new Order("YT2026112200001", "运输中", "顺丰速运", "2026-11-24", "上海市浦东新区世纪大道100号", NO_REFUND),
            "YT2026112000002", new Order("YT2026112000002", "已签收", "中通快递", "2026-11-21", "深圳市南山区科技园南路18号",
                    new Refund("退款处理中", new BigDecimal("199.00"), "2026-11-25")),
            "YT2026111800003", new Order("YT2026111800003", "已签收", "京东物流", "2026-11-19", "南京市鼓楼区中山路321号",
                    new Refund("已退款", new BigDecimal("59.90"), "2026-11-20")));
    private static final int MAX_CHANGED = 1000;

    private final Map<String, String> changedAddresses = new ConcurrentHashMap<>();

    /** An order's refund. */
    record Refund(String status, BigDecimal amount, String eta) {
    }

    /** An order as the demo order system returns it. */
    record Order(String orderNumber, String status, String carrier, String eta, String address, Refund refund) {
    }

    /** A monthly bill. */
    record Bill(String month, BigDecimal amount, String due) {
    }

    /** The order with this number, or empty when the number is malformed. */
    Optional<Order> order(String number) {
        String n = number.strip().toUpperCase(java.util.Locale.ROOT);
        if (!ORDER_NUMBER.matcher(n).matches()) {
            return Optional.empty();
        }
        Order order = SEEDED.containsKey(n) ? SEEDED.get(n) : derived(n);
        String changed = changedAddresses.get(n);
        return Optional.of(changed == null ? order
                : new Order(order.orderNumber(), order.status(), order.carrier(), order.eta(), changed, order.refund()));
    }

    /** Changes an order's shipping address; empty when the number is malformed. */
    Optional<Order> changeAddress(String number, String address) {
        if (address == null || address.isBlank() || address.strip().length() > 200) {
            throw new IllegalArgumentException("address must be 1 to 200 characters, got "
                    + (address == null ? "none" : address.strip().length() + " characters"));
        }
        return order(number).map(o -> {
            if (changedAddresses.size() >= MAX_CHANGED) {
                changedAddresses.clear();
            }
            changedAddresses.put(o.orderNumber(), address.strip());
            return new Order(o.orderNumber(), o.status(), o.carrier(), o.eta(), address.strip(), o.refund());
        });
    }

    /** The bill of {@code month} ({@code YYYY-MM}, or any text starting so, such as a date). */
    Bill bill(String month) {
        if (month == null || !month.strip().matches("\\d{4}-\\d{2}.*")) {
            throw new IllegalArgumentException("month must look like 2026-11, got '" + month + "'");
        }
        YearMonth ym;
        try {
            ym = YearMonth.parse(month.strip().substring(0, 7));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("month must look like 2026-11, got '" + month + "'");
        }
        int seed = Math.floorMod(ym.getYear() * 12 + ym.getMonthValue(), 97);
        BigDecimal amount = new BigDecimal(80 + seed * 7 + "." + String.format("%02d", seed % 100));
        return new Bill(ym.toString(), amount, ym.plusMonths(1).atDay(10).toString());
    }

    private static Order derived(String n) {
        long digits = Long.parseLong(n.substring(2, Math.min(n.length(), 18)));
        int h = (int) Math.floorMod(digits * 31 + n.charAt(0) * 7 + n.charAt(1), 1_000_003L);
        String status = STATUSES[h % STATUSES.length];
        String eta = TODAY.plusDays(h % 4 + ("已签收".equals(status) ? -3 : 1)).toString();
        Refund refund = h % 3 == 0 ? new Refund("退款处理中", new BigDecimal(50 + h % 450 + ".00"), TODAY.plusDays(3).toString())
                : NO_REFUND;
        return new Order(n, status, CARRIERS[h % CARRIERS.length], eta, ADDRESSES[h % ADDRESSES.length], refund);
    }
}
