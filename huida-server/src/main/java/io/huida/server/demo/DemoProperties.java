package io.huida.server.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo business service, bound from {@code huida.demo.*} (or {@code HUIDA_DEMO_BUSINESS_SERVICE}).
 *
 * @param businessService serve the demo order and bill API under {@code /api/v1/demo/**} without authentication,
 *                        for the demo flows to call (default true)
 */
@ConfigurationProperties("huida.demo")
public record DemoProperties(Boolean businessService) {

    /** The property that switches the demo business service on or off. */
    public static final String BUSINESS_SERVICE = "huida.demo.business-service";

    public DemoProperties {
        businessService = businessService == null || businessService;
    }
}
