package vn.herald.web;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;

/**
 * The pages' words: i18n/messages_vi.properties, with i18n/messages.properties (English) for any key it lacks. Asked
 * before Micronaut's own message sources, so the bundle's bean-validation messages win over the built-in English ones.
 */
@Factory
class Messages {

    @Singleton
    MessageSource pageMessages() {
        return new ResourceBundleMessageSource("i18n.messages", Ordered.HIGHEST_PRECEDENCE);
    }
}
