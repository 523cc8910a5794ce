package io.kubeclaw.rest.kube;

import io.fabric8.kubernetes.client.RequestConfig;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code Impersonate-*} headers that make the apiserver treat a request as the API's caller: user, uid, groups
 * and extra exactly as the caller's TokenReview gave them, so that RBAC, admission webhooks, audit and
 * managedFields all name the caller. It takes the place of fabric8's own interceptor, which (7.5.2) sends no
 * {@code Impersonate-Uid} and does not percent-encode extra keys such as
 * {@code authentication.kubernetes.io/credential-id}, whose '/' no header name may carry.
 */
public final class ImpersonationHeaders implements Interceptor {

    /** The name fabric8 registers its impersonation interceptor under, which this one replaces. */
    public static final String NAME = "IMPERSONATOR";
    /** RequestConfig has no uid: it rides among the extras under this key, which is never sent as an extra. */
    static final String UID_KEY = "kubeclaw.io/impersonate-uid";

    /** One header to send. */
    public record Header(String name, String value) {
    }

    /** The server's own request settings: what applies when a request was not made for a caller. */
    private final RequestConfig own;

    public ImpersonationHeaders(RequestConfig own) {
        this.own = own;
    }

    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        RequestConfig config = Optional.ofNullable(tags.getTag(RequestConfig.class)).orElse(own);
        headers(config).forEach(header -> builder.header(header.name(), header.value()));
    }

    /** The headers a request made with {@code config} carries: none unless it names a user to act as. */
    public static List<Header> headers(RequestConfig config) {
        List<Header> headers = new ArrayList<>();
        if (config == null || config.getImpersonateUsername() == null || config.getImpersonateUsername().isEmpty()) {
            return headers;
        }
        headers.add(new Header("Impersonate-User", config.getImpersonateUsername()));
        for (String group : config.getImpersonateGroups()) {
            headers.add(new Header("Impersonate-Group", group));
        }
        for (Map.Entry<String, List<String>> extra : config.getImpersonateExtras().entrySet()) {
            boolean uid = UID_KEY.equals(extra.getKey());
            for (String value : extra.getValue()) {
                headers.add(uid ? new Header("Impersonate-Uid", value) : new Header("Impersonate-Extra-" + escapeKey(extra.getKey()), value));
            }
        }
        return headers;
    }

    /** An extra's key as a header name carries it: percent-encoded (RFC 3986) wherever a token character would not do. */
    static String escapeKey(String key) {
        StringBuilder escaped = new StringBuilder();
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~!$&'*+^`|".indexOf(c) >= 0) {
                escaped.append(c);
            } else {
                escaped.append('%').append(Character.toUpperCase(Character.forDigit((c >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return escaped.toString();
    }
}
