package io.kubeclaw.rest.stream;

/** A subscription cannot start now; the message says why, for the client. */
final class FeedUnavailable extends Exception {

    FeedUnavailable(String message) {
        super(message, null, false, false);
    }
}
