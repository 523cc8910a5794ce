package io.kubeclaw.rest.stream;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Locale;

/** One change to an object, as an informer saw it; {@code before} is set for modifications only. */
record Change(Action action, HasMetadata object, HasMetadata before) {

    enum Action {
        ADDED, MODIFIED, DELETED;

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static Change added(HasMetadata object) {
        return new Change(Action.ADDED, object, null);
    }

    static Change modified(HasMetadata before, HasMetadata after) {
        return new Change(Action.MODIFIED, after, before);
    }

    static Change deleted(HasMetadata object) {
        return new Change(Action.DELETED, object, null);
    }
}
