package io.huida.server.chat;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The widget's settings, bound from {@code huida.widget.*} ({@code HUIDA_WIDGET_SITE_SECRET}).
 *
 * @param siteSecret the secret the host site signs known customers with (see {@link KnownCustomers}); none: every
 *                   visitor is anonymous
 */
@ConfigurationProperties("huida.widget")
record WidgetProperties(String siteSecret) {

    @Override
    public String toString() {
        return "WidgetProperties[siteSecret=" + (siteSecret == null || siteSecret.isBlank() ? "none" : "***") + "]";
    }
}
