package io.kubeclaw.rest.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.RequestConfigBuilder;
import io.kubeclaw.rest.auth.Caller;
import io.kubeclaw.rest.kube.ImpersonationHeaders.Header;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImpersonationHeadersTest {

    private static final Caller ALICE = new Caller("system:serviceaccount:team-a:alice", "4b1e-uid",
            List.of("system:serviceaccounts", "system:serviceaccounts:team-a", "system:authenticated"),
            Map.of("authentication.kubernetes.io/credential-id", List.of("JTI=7f3c"),
                    "authentication.kubernetes.io/pod-name", List.of("console-1")));

    @Test
    void aCallersRequestCarriesTheirUserUidGroupsAndEncodedExtras() {
        List<Header> headers = ImpersonationHeaders.headers(CallerClients.requestConfig(new RequestConfigBuilder().build(), ALICE));

        assertThat(headers).containsExactlyInAnyOrder(
                new Header("Impersonate-User", "system:serviceaccount:team-a:alice"),
                new Header("Impersonate-Uid", "4b1e-uid"),
                new Header("Impersonate-Group", "system:serviceaccounts"),
                new Header("Impersonate-Group", "system:serviceaccounts:team-a"),
                new Header("Impersonate-Group", "system:authenticated"),
                new Header("Impersonate-Extra-authentication.kubernetes.io%2Fcredential-id", "JTI=7f3c"),
                new Header("Impersonate-Extra-authentication.kubernetes.io%2Fpod-name", "console-1"));
    }

    @Test
    void theServersOwnRequestsCarryNone() {
        assertThat(ImpersonationHeaders.headers(new RequestConfigBuilder().build())).isEmpty();
        assertThat(ImpersonationHeaders.headers(null)).isEmpty();
    }

    @Test
    void aCallerCannotChooseTheUidThroughAnExtraOfTheirOwn() {
        Caller sneaky = new Caller("bob", null, List.of(), Map.of(ImpersonationHeaders.UID_KEY, List.of("admin-uid")));

        List<Header> headers = ImpersonationHeaders.headers(CallerClients.requestConfig(new RequestConfigBuilder().build(), sneaky));

        assertThat(headers).containsExactly(new Header("Impersonate-User", "bob"));
    }

    @Test
    void extraKeysArePercentEncodedWhereAHeaderNameCouldNotCarryThem() {
        assertThat(ImpersonationHeaders.escapeKey("scopes")).isEqualTo("scopes");
        assertThat(ImpersonationHeaders.escapeKey("acme.com/project")).isEqualTo("acme.com%2Fproject");
        assertThat(ImpersonationHeaders.escapeKey("100%")).isEqualTo("100%25");
        assertThat(ImpersonationHeaders.escapeKey("é")).isEqualTo("%C3%A9");
    }
}
