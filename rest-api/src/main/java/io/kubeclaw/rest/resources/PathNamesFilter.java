package io.kubeclaw.rest.resources;

import io.kubeclaw.api.objects.KubernetesNames;
import io.kubeclaw.rest.problem.ProblemException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * The namespace and object name in a request's path are Kubernetes names before anything uses them: a decoded
 * {@code %2F} or {@code ..} could otherwise widen the apiserver URL the call is made on. 400 says what a name is.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class PathNamesFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        check(request.getUriInfo().getPathParameters());
    }

    static void check(MultivaluedMap<String, String> parameters) {
        for (String namespace : parameters.getOrDefault("namespace", List.of())) {
            KubernetesNames.namespaceProblem(namespace).ifPresent(problem -> {
                throw ProblemException.badRequest(problem);
            });
        }
        for (String name : parameters.getOrDefault("name", List.of())) {
            KubernetesNames.objectNameProblem("resource", name).ifPresent(problem -> {
                throw ProblemException.badRequest(problem);
            });
        }
    }
}
