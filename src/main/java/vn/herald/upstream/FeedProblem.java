package vn.herald.upstream;

/** A feed that could not be read, with a reason in Vietnamese that an operator can act on. */
final class FeedProblem extends Exception {
    FeedProblem(String message) {
        super(message, null, false, false);
    }
}
