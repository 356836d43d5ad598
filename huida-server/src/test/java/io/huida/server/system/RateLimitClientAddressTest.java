package io.huida.server.system;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitClientAddressTest {

    @Test
    void forwardedForCountsOnlyWhenTrustedAndThenTheProxysOwnEntry() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("10.0.0.5");
        request.addHeader("X-Forwarded-For", "6.6.6.6, 203.0.113.7 ");
        assertThat(address(false).of(request)).isEqualTo("10.0.0.5");
        assertThat(address(true).of(request)).isEqualTo("203.0.113.7");

        MockHttpServletRequest direct = new MockHttpServletRequest();
        direct.setRemoteAddr("10.0.0.6");
        assertThat(address(true).of(direct)).isEqualTo("10.0.0.6");
        direct.addHeader("X-Forwarded-For", " , ");
        assertThat(address(true).of(direct)).isEqualTo("10.0.0.6");
    }

    private static ClientAddress address(boolean trustForwarded) {
        return new ClientAddress(new RateLimitProperties(true, null, null, null, trustForwarded, null));
    }
}
