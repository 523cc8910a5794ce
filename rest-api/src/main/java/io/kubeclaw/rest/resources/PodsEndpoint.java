package io.kubeclaw.rest.resources;

import io.fabric8.kubernetes.api.model.Pod;
import io.kubeclaw.api.objects.ObjectLabels;
import io.kubeclaw.rest.auth.Access;
import io.kubeclaw.rest.auth.Authorizer;
import io.kubeclaw.rest.auth.CurrentCaller;
import io.kubeclaw.rest.kube.CallerClients;
import io.kubeclaw.rest.problem.Problem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@RequestScoped
@Path("/namespaces/{namespace}/pods")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "pods", description = "The pods KubeClaw runs: agent runs and channels")
public class PodsEndpoint {

    @Inject
    CallerClients callers;
    @Inject
    CurrentCaller caller;
    @Inject
    Authorizer authorizer;

    @GET
    @Operation(summary = "KubeClaw's pods in the namespace, with phase and restarts")
    public List<PodView> list(@PathParam("namespace") String namespace) {
        authorizer.require(Access.core("list", "pods", null, namespace, null));
        List<Pod> pods = callers.of(caller.get()).pods().inNamespace(namespace)
                .withLabel(ObjectLabels.MANAGED_BY, ObjectLabels.MANAGED_BY_KUBECLAW).list().getItems();
        return pods.stream().map(PodView::of).toList();
    }
}
