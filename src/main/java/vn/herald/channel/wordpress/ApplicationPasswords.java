package vn.herald.channel.wordpress;

import java.util.Optional;

/** Reads a WordPress application password from the environment variable a channel file names; never from the file. */
@FunctionalInterface
interface ApplicationPasswords {

    Optional<String> fromVariable(String variableName);
}
