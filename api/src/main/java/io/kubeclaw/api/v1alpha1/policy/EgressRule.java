package io.kubeclaw.api.v1alpha1.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** One destination agent pods may reach: an address block or a host name, optionally on one port. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "has(self.cidr) != has(self.host)",
        message = "set exactly one of cidr or host in each allowedEgress entry")
public class EgressRule {

    @Size(max = 64)
    @ValidationRule(value = "isCIDR(self)", message = "cidr must be an address block such as 10.0.0.0/8 or fd00::/8")
    @JsonPropertyDescription("Destination address block, e.g. 10.0.0.0/8. Exactly one of cidr and host is set.")
    private String cidr;

    @Pattern("^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")
    @Size(max = 253)
    @JsonPropertyDescription("Destination host name, e.g. api.openai.com; *.example.com matches subdomains. Exactly one of cidr and host is set.")
    private String host;

    @Min(1)
    @Max(65535)
    @JsonPropertyDescription("Destination TCP port. Unset allows all ports.")
    private Integer port;

    public static EgressRule toCidr(String cidr, Integer port) {
        EgressRule rule = new EgressRule();
        rule.setCidr(cidr);
        rule.setPort(port);
        return rule;
    }

    public static EgressRule toHost(String host, Integer port) {
        EgressRule rule = new EgressRule();
        rule.setHost(host);
        rule.setPort(port);
        return rule;
    }

    public String getCidr() {
        return cidr;
    }

    public void setCidr(String cidr) {
        this.cidr = cidr;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }
}
