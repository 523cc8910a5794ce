package io.kubeclaw.rest.problem;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The apiserver's answer passed through: its status code (404, 409, 422 ...) and its message, which already
 * says what was wrong with the object. Without a status the apiserver was not reached at all.
 */
@Provider
public class KubernetesErrorMapper implements ExceptionMapper<KubernetesClientException> {

    private static final Logger LOG = Logger.getLogger(KubernetesErrorMapper.class.getName());

    @Override
    public Response toResponse(KubernetesClientException exception) {
        return ProblemResponses.of(problemOf(exception));
    }

    static Problem problemOf(KubernetesClientException exception) {
        Status status = exception.getStatus();
        if (exception.getCode() <= 0 || status == null) {
            LOG.log(Level.WARNING, "the Kubernetes API could not be reached", exception);
            return Problem.of(503, "KubernetesUnavailable",
                    "the Kubernetes API server could not be reached (" + exception.getMessage() + "); try again, and check the server's kubeconfig if it persists");
        }
        String reason = status.getReason() == null ? "Kubernetes" : status.getReason();
        String message = status.getMessage() == null ? exception.getMessage() : status.getMessage();
        return Problem.of(exception.getCode(), reason, message);
    }
}
