package io.kubeclaw.rest.stream;

import io.kubeclaw.rest.auth.AccessReviews;
import io.kubeclaw.rest.auth.TokenReviews;

/** What every session subscribes through: the server's reviews, resource informers, event bus and log tails. */
record StreamSources(TokenReviews tokenReviews, AccessReviews accessReviews, ResourceChanges resourceChanges, RunEventBus runEvents,
                     RunLogs runLogs) {
}
