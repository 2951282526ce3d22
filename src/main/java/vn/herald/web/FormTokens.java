package vn.herald.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * CSRF protection of every form: an HMAC token tied to the login (user and the JWT's issue time), put in each form
 * by {@link FormTokenModel} and checked by the handler before it acts. micronaut-security-csrf is not used: the BOM's
 * 4.15.1 is absent from the registry, and the 4.14.0 that resolves reads the form body in a filter, which fails on
 * this core (NullPointerException in AroundLegacyFilter whenever the body arrives after the headers).
 */
@Singleton
class FormTokens {

    private final byte[] key;
    private final SecureRandom random = new SecureRandom();

    FormTokens(LoginSecret.Key key) {
        this.key = ("form-token|" + key.secret()).getBytes(StandardCharsets.UTF_8);
    }

    String tokenFor(Authentication user) {
        return hmac(user.getName() + "|" + user.getAttributes().getOrDefault("iat", ""));
    }

    /** Refuses (403) a form whose token is missing or was made for another login. */
    void require(Authentication user, @Nullable String token) {
        if (!matches(user, token)) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, RefusalCode.FORM_TOKEN_INVALID);
        }
    }

    boolean matches(Authentication user, @Nullable String token) {
        return token != null && MessageDigest.isEqual(tokenFor(user).getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    /** A fresh random value for the login form, whose copy travels in a cookie (there is no login yet to tie it to). */
    String loginNonce() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static boolean same(@Nullable String a, @Nullable String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private String hmac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
