package vn.herald.channel.facebook;

import java.util.Optional;

/** Reads a Page access token from the environment variable a channel file names; never from the file. */
@FunctionalInterface
interface AccessTokens {

    Optional<String> fromVariable(String variableName);
}
