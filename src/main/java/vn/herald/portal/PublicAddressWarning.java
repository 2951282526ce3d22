package vn.herald.portal;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.herald.channel.PortalAddress;

/**
 * Says at start what the channels page says to admins and editors: with a local public address every link to the
 * portal that goes out (Facebook, Zalo, feeds, the sitemap) opens for nobody outside.
 */
@Singleton
class PublicAddressWarning {

    private static final Logger LOG = LoggerFactory.getLogger(PublicAddressWarning.class);

    private final PortalAddress address;

    PublicAddressWarning(PortalAddress address) {
        this.address = address;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (address.notPublic()) {
            LOG.warn("HERALD_PUBLIC_URL is {}, which residents cannot open: links to the portal posted on Facebook or "
                    + "Zalo will not open for them. Set HERALD_PUBLIC_URL to the portal's public address.", address.publicUrl());
        }
    }
}
