package io.kubeclaw.rest.resources;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.StatusDetails;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kubeclaw.rest.auth.Access;
import io.kubeclaw.rest.auth.Authorizer;
import io.kubeclaw.rest.auth.CurrentCaller;
import io.kubeclaw.rest.kube.CallerClients;
import io.kubeclaw.rest.problem.Problem;
import io.kubeclaw.rest.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * List, get, patch and delete of one KubeClaw kind in a namespace, straight onto the custom resources: the API
 * and kubectl always agree, and the apiserver validates. Each operation first asks whether the caller may do
 * the same with kubectl, for a refusal that names the missing permission; then makes the call as the caller, so
 * the apiserver's RBAC and admission decide exactly as for kubectl. Creation is declared by each kind, since runs
 * are created from a request instead.
 */
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public abstract class CustomResourceEndpoint<T extends CustomResource<?, ?>> {

    public static final String MERGE_PATCH = "application/merge-patch+json";
    private static final int MAX_PAGE = 500;

    @Inject
    CallerClients callers;
    @Inject
    CurrentCaller caller;
    @Inject
    Authorizer authorizer;

    private final Class<T> type;

    protected CustomResourceEndpoint(Class<T> type) {
        this.type = type;
    }

    @GET
    @Operation(summary = "List, optionally filtered by a label selector, a page at a time")
    public ResourcePage<T> list(@PathParam("namespace") String namespace,
                                @Parameter(description = "A Kubernetes label selector, e.g. team=sre,tier!=test") @QueryParam("labelSelector") String labelSelector,
                                @Parameter(description = "Page size, 1 to 500") @QueryParam("limit") @DefaultValue("100") int limit,
                                @Parameter(description = "continueToken of the previous page") @QueryParam("continue") String continueToken) {
        authorizer.require(access("list", namespace, null));
        if (limit < 1 || limit > MAX_PAGE) {
            throw ProblemException.badRequest("limit must be between 1 and " + MAX_PAGE + ", not " + limit);
        }
        var list = client().resources(type).inNamespace(namespace).list(new ListOptionsBuilder()
                .withLabelSelector(labelSelector).withLimit((long) limit).withContinue(continueToken).build());
        String next = list.getMetadata() == null ? null : list.getMetadata().getContinue();
        return new ResourcePage<>(list.getItems(), next == null || next.isEmpty() ? null : next);
    }

    @GET
    @Path("{name}")
    @Operation(summary = "Get one by name")
    @APIResponse(responseCode = "404", description = "No such resource in the namespace")
    public T get(@PathParam("namespace") String namespace, @PathParam("name") String name) {
        authorizer.require(access("get", namespace, name));
        T found = client().resources(type).inNamespace(namespace).withName(name).get();
        if (found == null) {
            throw notFound(namespace, name);
        }
        return found;
    }

    @PATCH
    @Path("{name}")
    @Consumes(MERGE_PATCH)
    @Operation(summary = "Change fields with a JSON merge patch (RFC 7386)",
            description = "Include metadata.resourceVersion to make the patch conditional: a stale one answers 409.")
    @APIResponse(responseCode = "409", description = "metadata.resourceVersion is stale: get the resource again and retry")
    @APIResponse(responseCode = "422", description = "The patched resource is invalid; detail is the apiserver's message")
    public T patch(@PathParam("namespace") String namespace, @PathParam("name") String name, String mergePatch) {
        authorizer.require(access("patch", namespace, name));
        return client().resources(type).inNamespace(namespace).withName(name).patch(PatchContext.of(PatchType.JSON_MERGE), mergePatch);
    }

    @DELETE
    @Path("{name}")
    @Operation(summary = "Delete one by name")
    @APIResponse(responseCode = "204", description = "Deleted (its owned objects follow by garbage collection)")
    public Response delete(@PathParam("namespace") String namespace, @PathParam("name") String name) {
        authorizer.require(access("delete", namespace, name));
        List<StatusDetails> deleted = client().resources(type).inNamespace(namespace).withName(name).delete();
        if (deleted.isEmpty()) {
            throw notFound(namespace, name);
        }
        return Response.noContent().build();
    }

    /** Creates the resource as sent, in the path's namespace: 201 with its location, 409 if the name is taken. */
    protected Response createResource(String namespace, T resource, UriInfo uri) {
        authorizer.require(access("create", namespace, null));
        if (resource == null) {
            throw ProblemException.badRequest("send the " + kind() + " as JSON, as kubectl would apply it");
        }
        ObjectMeta metadata = resource.getMetadata() == null ? new ObjectMeta() : resource.getMetadata();
        if (metadata.getNamespace() != null && !Objects.equals(metadata.getNamespace(), namespace)) {
            throw ProblemException.invalid("metadata.namespace is \"" + metadata.getNamespace() + "\" but the request is for namespace \""
                    + namespace + "\": leave it out or make them match");
        }
        metadata.setNamespace(namespace);
        resource.setMetadata(metadata);
        T created = client().resources(type).inNamespace(namespace).resource(resource).create();
        return Response.created(uri.getAbsolutePathBuilder().path(created.getMetadata().getName()).build()).entity(created).build();
    }

    protected Access access(String verb, String namespace, String name) {
        return Access.kubeclaw(verb, HasMetadata.getPlural(type), namespace, name);
    }

    private ProblemException notFound(String namespace, String name) {
        return ProblemException.notFound(kind() + " \"" + name + "\" not found in namespace \"" + namespace + "\"");
    }

    protected String kind() {
        return HasMetadata.getKind(type);
    }

    /** The apiserver as the caller sees it: every call is made as the caller (impersonation), never as this server. */
    protected KubernetesClient client() {
        return callers.of(caller.get());
    }

    protected Authorizer authorizer() {
        return authorizer;
    }
}
