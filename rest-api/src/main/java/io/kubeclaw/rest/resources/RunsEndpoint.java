package io.kubeclaw.rest.resources;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.kubeclaw.api.v1alpha1.AgentRun;
import io.kubeclaw.rest.auth.Access;
import io.kubeclaw.rest.kube.RunPods;
import io.kubeclaw.rest.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@RequestScoped
@Path("/namespaces/{namespace}/runs")
@Tag(name = "runs", description = "AgentRuns: one task given to an agent, run in its own pod")
public class RunsEndpoint extends CustomResourceEndpoint<AgentRun> {

    @Inject
    LogFollowLimits followLimits;

    public RunsEndpoint() {
        super(AgentRun.class);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a run of an instance", description = "Creates an AgentRun; 201 with the run, whose name may be generated.")
    public Response create(@PathParam("namespace") String namespace, RunRequest request, @Context UriInfo uri) {
        return createResource(namespace, RunRequests.toAgentRun(namespace, request), uri);
    }

    @GET
    @Path("{name}/logs")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "The agent's log", description = "With follow=true the response streams until the agent exits, for at most "
            + "kubeclaw.api.log-follow.max-duration (30 minutes); at most kubeclaw.api.log-follow.max-streams (32) are followed at once, "
            + "beyond which the answer is 503; the WebSocket follows logs without holding a server thread each.")
    @APIResponse(responseCode = "200", description = "The log as text",
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)))
    public Response logs(@PathParam("namespace") String namespace, @PathParam("name") String name,
                         @QueryParam("follow") @DefaultValue("false") boolean follow,
                         @Parameter(description = "Only the last lines") @QueryParam("tailLines") Integer tailLines) {
        AgentRun run = get(namespace, name);
        authorizer().require(Access.core("get", "pods", "log", namespace, null));
        Pod pod = RunPods.newest(client(), run).orElseThrow(() -> ProblemException.notFound(RunPods.noPodYet(name)));
        PodResource podResource = client().pods().inNamespace(namespace).withName(pod.getMetadata().getName());
        var container = podResource.inContainer(RunPods.AGENT_CONTAINER);
        var logs = tailLines == null ? container : container.tailingLines(tailLines);
        if (!follow) {
            return Response.ok(logs.getLog(), MediaType.TEXT_PLAIN).build();
        }
        // The apiserver ends a followed log when the container exits.
        StreamingOutput stream = followLimits.follow(caller.get().username(), logs::watchLog);
        return Response.ok(stream, MediaType.TEXT_PLAIN).build();
    }
}
