package io.kubeclaw.rest.auth;

import java.util.List;
import java.util.Map;

/** Who is calling, as the apiserver's TokenReview authenticated them: what SubjectAccessReviews are asked about. */
public record Caller(String username, String uid, List<String> groups, Map<String, List<String>> extra) {

    public Caller {
        groups = groups == null ? List.of() : List.copyOf(groups);
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }
}
