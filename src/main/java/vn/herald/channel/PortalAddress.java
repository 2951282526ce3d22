package vn.herald.channel;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Where residents reach the built-in portal from outside ({@code HERALD_PUBLIC_URL}), so that feeds, the
 * sitemap and posts on other channels can link to its pages.
 */
@ConfigurationProperties("herald.portal")
public record PortalAddress(@Bindable(defaultValue = "http://localhost:8080") String publicUrl) {

    /** The public page of a piece on the portal. */
    public String articleUrl(String slug) {
        return base() + "/portal/bai/" + slug;
    }

    /** The public URL without a trailing slash. */
    public String base() {
        return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }
}
