package io.kubeclaw.rest.auth;

import jakarta.enterprise.context.RequestScoped;

/** The authenticated caller of the request being served, set by {@link BearerTokenFilter}. */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    void set(Caller caller) {
        this.caller = caller;
    }

    public Caller get() {
        if (caller == null) {
            throw new IllegalStateException("no authenticated caller: the request did not pass BearerTokenFilter");
        }
        return caller;
    }
}
