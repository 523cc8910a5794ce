package io.kubeclaw.rest.auth;

import io.kubeclaw.api.v1alpha1.KubeClaw;

/**
 * One action on one kind of resource, or on a non-resource URL such as {@code /healthz}, as RBAC phrases it: the
 * question a SubjectAccessReview asks. {@code group} is "" for the core API group; {@code name} may be null for list,
 * create and watch; {@code nonResourceURL} is set only for the non-resource kind, whose other parts are null.
 */
public record Access(String verb, String group, String resource, String subresource, String namespace, String name, String nonResourceURL) {

    public Access(String verb, String group, String resource, String subresource, String namespace, String name) {
        this(verb, group, resource, subresource, namespace, name, null);
    }

    /** An action on a non-resource URL, e.g. {@code get} on {@code /metrics}. */
    public static Access nonResource(String verb, String url) {
        return new Access(verb, null, null, null, null, null, url);
    }

    /** An action on a KubeClaw resource such as {@code agentruns}. */
    public static Access kubeclaw(String verb, String resource, String namespace, String name) {
        return new Access(verb, KubeClaw.GROUP, resource, null, namespace, name);
    }

    /** An action on a core resource such as {@code pods} or {@code pods/log}. */
    public static Access core(String verb, String resource, String subresource, String namespace, String name) {
        return new Access(verb, "", resource, subresource, namespace, name);
    }

    /** How kubectl would name it, for messages: {@code list agentruns.kubeclaw.io in namespace "team-a"}. */
    String describe() {
        if (nonResourceURL != null) {
            return verb + " the non-resource URL " + nonResourceURL;
        }
        String what = resource + (subresource == null ? "" : "/" + subresource) + (group.isEmpty() ? "" : "." + group);
        return verb + " " + what + (name == null ? "" : " \"" + name + "\"") + (namespace == null ? " cluster-wide" : " in namespace \"" + namespace + "\"");
    }
}
