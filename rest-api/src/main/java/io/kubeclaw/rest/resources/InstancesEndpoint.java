package io.kubeclaw.rest.resources;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.kubeclaw.api.objects.MemoryConfigMap;
import io.kubeclaw.api.objects.ObjectLabels;
import io.kubeclaw.api.v1alpha1.ClawInstance;
import io.kubeclaw.api.v1alpha1.instance.ChannelStatus;
import io.kubeclaw.rest.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@RequestScoped
@Path("/namespaces/{namespace}/instances")
@Tag(name = "instances", description = "ClawInstances: an agent's provider, skills, channels, memory and policy")
public class InstancesEndpoint extends CustomResourceEndpoint<ClawInstance> {

    public InstancesEndpoint() {
        super(ClawInstance.class);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an instance")
    public Response create(@PathParam("namespace") String namespace, ClawInstance instance, @Context UriInfo uri) {
        return createResource(namespace, instance, uri);
    }

    @GET
    @Path("{name}/memory")
    @Operation(summary = "The instance's memory (MEMORY.md)")
    public Memory memory(@PathParam("namespace") String namespace, @PathParam("name") String name) {
        ClawInstance instance = get(namespace, name);
        ConfigMap map = memoryConfigMap(instance);
        String content = map.getData() == null ? "" : map.getData().getOrDefault(MemoryConfigMap.KEY, "");
        return Memory.of(content, map.getMetadata().getResourceVersion(), instance);
    }

    @PUT
    @Path("{name}/memory")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the instance's memory", description = "Send resourceVersion from a previous read to refuse (409) a write over a change made since.")
    // Declared, as declaring the errors leaves out the success response the scanner would infer.
    @APIResponse(responseCode = "200", description = "The memory as written",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Memory.class)))
    @APIResponse(responseCode = "409", description = "The memory changed since resourceVersion was read")
    @APIResponse(responseCode = "422", description = "The content is larger than the instance's spec.memory.maxSizeKB")
    public Memory replaceMemory(@PathParam("namespace") String namespace, @PathParam("name") String name, MemoryEdit edit) {
        authorizer().require(access("update", namespace, name));
        ClawInstance instance = get(namespace, name);
        if (edit == null || edit.content() == null) {
            throw ProblemException.badRequest("send {\"content\": \"...\"} with the whole new MEMORY.md");
        }
        int bytes = edit.content().getBytes(StandardCharsets.UTF_8).length;
        int max = MemoryConfigMap.maxSizeKB(instance) * 1024;
        if (bytes > max) {
            throw ProblemException.invalid("the memory is " + bytes + " bytes, more than instance \"" + name + "\" keeps ("
                    + max + " bytes, spec.memory.maxSizeKB): shorten it, or raise the limit on the instance");
        }
        ConfigMap map = memoryConfigMap(instance);
        if (edit.resourceVersion() != null && !edit.resourceVersion().equals(map.getMetadata().getResourceVersion())) {
            throw new ProblemException(409, "Conflict", "the memory of \"" + name + "\" changed since it was read (a run may have added to it): read it again and reapply the edit");
        }
        Map<String, String> data = new HashMap<>(map.getData() == null ? Map.of() : map.getData());
        data.put(MemoryConfigMap.KEY, edit.content());
        map.setData(data);
        // update() carries the resourceVersion just read, so a concurrent write still ends in 409 from the apiserver.
        ConfigMap written = client().configMaps().inNamespace(namespace).resource(map).update();
        return Memory.of(edit.content(), written.getMetadata().getResourceVersion(), instance);
    }

    @GET
    @Path("{name}/channels")
    @Operation(summary = "Each channel of the instance with the state of its Deployment")
    public List<ChannelView> channels(@PathParam("namespace") String namespace, @PathParam("name") String name) {
        ClawInstance instance = get(namespace, name);
        List<ChannelStatus> reported = instance.getStatus() == null || instance.getStatus().getChannels() == null
                ? List.of() : instance.getStatus().getChannels();
        List<Deployment> deployments = client().apps().deployments().inNamespace(namespace)
                .withLabel(ObjectLabels.INSTANCE, name).withLabel(ObjectLabels.COMPONENT, "channel").list().getItems();
        return reported.stream().map(channel -> ChannelView.of(channel, deployments.stream()
                .filter(d -> Objects.equals(d.getMetadata().getLabels().get(ObjectLabels.CHANNEL), channel.getType().name().toLowerCase(java.util.Locale.ROOT)))
                .findFirst().orElse(null))).toList();
    }

    private ConfigMap memoryConfigMap(ClawInstance instance) {
        String name = instance.getMetadata().getName();
        if (!MemoryConfigMap.enabled(instance)) {
            throw ProblemException.notFound("instance \"" + name + "\" keeps no memory (spec.memory.enabled is false)");
        }
        ConfigMap map = client().configMaps().inNamespace(instance.getMetadata().getNamespace()).withName(MemoryConfigMap.name(name)).get();
        if (map == null) {
            throw ProblemException.notFound("the memory of instance \"" + name + "\" is not created yet (ConfigMap "
                    + MemoryConfigMap.name(name) + "): the controller creates it when it reconciles the instance");
        }
        return map;
    }
}
