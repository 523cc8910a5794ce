package io.kubeclaw.rest.resources;

import io.kubeclaw.api.v1alpha1.ClawPolicy;
import io.kubeclaw.rest.json.JacksonJson;
import io.kubeclaw.rest.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Collections;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@RequestScoped
@Path("/namespaces/{namespace}/policies")
@Tag(name = "policies", description = "ClawPolicies: what the agents of the instances bound to them may do")
public class PoliciesEndpoint extends CustomResourceEndpoint<ClawPolicy> {

    private static final Pattern GATE = Pattern.compile("[a-zA-Z][a-zA-Z0-9_.-]{0,62}");

    public PoliciesEndpoint() {
        super(ClawPolicy.class);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a policy")
    public Response create(@PathParam("namespace") String namespace, ClawPolicy policy, @Context UriInfo uri) {
        return createResource(namespace, policy, uri);
    }

    @PUT
    @Path("{name}/features/{gate}")
    @Operation(summary = "Enable a feature gate on the policy")
    @APIResponse(responseCode = "200", description = "The policy with the gate on",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ClawPolicy")))
    @APIResponse(responseCode = "422", description = "Not a feature gate name")
    public ClawPolicy enable(@PathParam("namespace") String namespace, @PathParam("name") String name, @PathParam("gate") String gate) {
        return setGate(namespace, name, gate, true);
    }

    @DELETE
    @Path("{name}/features/{gate}")
    @Operation(summary = "Disable a feature gate on the policy")
    @APIResponse(responseCode = "200", description = "The policy with the gate off",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ClawPolicy")))
    @APIResponse(responseCode = "422", description = "Not a feature gate name")
    public ClawPolicy disable(@PathParam("namespace") String namespace, @PathParam("name") String name, @PathParam("gate") String gate) {
        return setGate(namespace, name, gate, false);
    }

    private ClawPolicy setGate(String namespace, String name, String gate, boolean enabled) {
        if (!GATE.matcher(gate).matches()) {
            throw ProblemException.invalid("\"" + gate + "\" is not a feature gate name: letters, digits, '.', '_' and '-', starting with a letter");
        }
        Map<String, Object> patch = Map.of("spec", Map.of("featureGates", Collections.singletonMap(gate, enabled)));
        try {
            return patch(namespace, name, JacksonJson.MAPPER.writeValueAsString(patch));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
