package io.kubeclaw.api.objects;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The apiserver's own rules for names (RFC 1123), checked before a name reaches a URL, a subject or a label, so
 * that no caller-supplied name can add a path segment, a query or a wildcard to what is asked.
 */
public final class KubernetesNames {

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private KubernetesNames() {
    }

    /** Why {@code value} cannot name a namespace (a DNS label), or empty when it can. */
    public static Optional<String> namespaceProblem(String value) {
        if (value != null && value.length() <= 63 && DNS_LABEL.matcher(value).matches()) {
            return Optional.empty();
        }
        return Optional.of("\"" + value + "\" is not a namespace name (lower-case letters, digits and '-', at most 63)");
    }

    /** Why {@code value} cannot name an object of {@code what} (a DNS subdomain), or empty when it can. */
    public static Optional<String> objectNameProblem(String what, String value) {
        if (value != null && value.length() <= 253 && DNS_SUBDOMAIN.matcher(value).matches()) {
            return Optional.empty();
        }
        return Optional.of("\"" + value + "\" is not a " + what + " name (lower-case letters, digits, '-' and '.', at most 253)");
    }
}
