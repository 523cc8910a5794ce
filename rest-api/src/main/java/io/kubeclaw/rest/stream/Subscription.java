package io.kubeclaw.rest.stream;

/** A running subscription; cancelling it releases what it holds (consumers, listeners, threads). */
interface Subscription {

    void cancel();
}
