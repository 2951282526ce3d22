package vn.herald.web;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

/** The pages' words: i18n/messages_vi.properties, with i18n/messages.properties (English) for any key it lacks. */
@Factory
class Messages {

    @Singleton
    MessageSource pageMessages() {
        return new ResourceBundleMessageSource("i18n.messages");
    }
}
