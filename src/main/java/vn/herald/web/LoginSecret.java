package vn.herald.web;

import io.micronaut.context.annotation.Factory;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.herald.support.Folders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** The key that signs login cookies: HERALD_JWT_SECRET, or one generated on first start and kept in the data folder. */
@Factory
class LoginSecret {

    private static final Logger LOG = LoggerFactory.getLogger(LoginSecret.class);
    // HS256 needs a key of at least 256 bits
    static final int MIN_LENGTH = 32;

    /** The secret itself, also the key of the pages' form tokens. */
    record Key(String secret) {}

    @Singleton
    Key key(WebConfig config, Folders folders) {
        return new Key(secret(config, folders.dataDir().resolve("jwt-secret")));
    }

    @Singleton
    @Named("generator")
    SignatureGeneratorConfiguration generator(Key key) {
        SecretSignatureConfiguration signature = new SecretSignatureConfiguration("generator");
        signature.setSecret(key.secret());
        return new SecretSignature(signature);
    }

    static String secret(WebConfig config, Path file) {
        String given = config.jwtSecret();
        if (given != null && !given.isBlank()) {
            if (given.length() < MIN_LENGTH) {
                throw new IllegalStateException("HERALD_JWT_SECRET is too short: it must have at least " + MIN_LENGTH
                        + " characters (or leave it unset to have one generated in the data folder)");
            }
            return given;
        }
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            Files.createDirectories(file.getParent());
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            try {
                Files.writeString(file, secret, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW);
            } catch (FileAlreadyExistsException e) {
                // another instance on the same data folder wrote it first: everyone signs with that one
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                LOG.debug("{} keeps its default permissions on this file system", file);
            }
            LOG.info("Generated the login signing key in {} (set HERALD_JWT_SECRET to choose it)", file);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or write the login signing key " + file, e);
        }
    }
}
