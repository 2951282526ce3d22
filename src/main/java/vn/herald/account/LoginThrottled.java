package vn.herald.account;

import java.time.Duration;

/** A login refused without looking at the password: too many recent failures for the user name or the address. */
public class LoginThrottled extends RuntimeException {

    private final Duration retryAfter;

    LoginThrottled(Duration retryAfter) {
        super("too many failed logins; retry after " + retryAfter.toSeconds() + "s", null, false, false);
        this.retryAfter = retryAfter;
    }

    /** How long until a try is taken again; at least one second. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** The wait in whole minutes, rounded up, as a person is told it. */
    public long minutes() {
        return (retryAfter.toSeconds() + 59) / 60;
    }
}
