package io.huida.server.identity;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves {@code /agent} (where agents and supervisors land after signing in) with a placeholder page until the
 * agents' workspace exists. A controller mapping {@code /agent} takes precedence over this view controller, so the
 * workspace can replace it without touching this class.
 */
@Configuration(proxyBeanMethods = false)
class AgentPageConfig implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/agent").setViewName("agent");
    }
}
