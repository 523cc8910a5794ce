package io.kubeclaw.api.v1alpha1.common;

/** Regular expressions and length limits shared by the kubeclaw.io schemas, so a name or a duration is checked alike in every kind. */
public final class SchemaPatterns {

    /** A DNS-1123 label, which Kubernetes requires of most object names (and so of references to them). */
    public static final String DNS1123_LABEL = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";
    public static final int DNS1123_LABEL_MAX_LENGTH = 63;

    /** A DNS-1123 subdomain, which Kubernetes requires of Secret and ConfigMap names. */
    public static final String DNS1123_SUBDOMAIN = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";
    public static final int DNS1123_SUBDOMAIN_MAX_LENGTH = 253;

    /** A key inside a Secret or ConfigMap. */
    public static final String CONFIG_KEY = "^[-._a-zA-Z0-9]+$";

    /** A Go-style duration restricted to whole units, e.g. 90s, 30m, 1h30m. */
    public static final String DURATION = "^([0-9]+(ms|s|m|h))+$";

    /**
     * A Kubernetes resource quantity, e.g. 500m, 2, 512Mi. Quantities are int-or-string in the schema, where a
     * pattern is not emitted, so they are checked in CEL with the apiserver's own quantity parser.
     */
    public static final String QUANTITY_RULE = "type(self) != string || isQuantity(self)";
    public static final String QUANTITY_MESSAGE = "must be a Kubernetes quantity such as 500m, 2, 512Mi or 2Gi";

    /** A tool name as the agent runtime knows it; {@code *} may stand for any suffix, e.g. {@code kubectl.*}. */
    public static final String TOOL_NAME = "^[A-Za-z0-9_.:*-]+$";
    public static final int TOOL_NAME_MAX_LENGTH = 128;

    /** An http(s) URL without whitespace. */
    public static final String HTTP_URL = "^https?://[^\\s]+$";
    public static final int URL_MAX_LENGTH = 2048;

    /** A container image reference; the registry checks the rest. */
    public static final String IMAGE = "^[^\\s]+$";
    public static final int IMAGE_MAX_LENGTH = 512;

    private SchemaPatterns() {
    }
}
