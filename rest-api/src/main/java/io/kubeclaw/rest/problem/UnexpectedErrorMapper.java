package io.kubeclaw.rest.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A failure nobody anticipated: logged with an id the user can quote, never a stack trace in the response. */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<RuntimeException> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Override
    public Response toResponse(RuntimeException exception) {
        String id = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "unexpected error " + id, exception);
        return ProblemResponses.of(Problem.of(500, "InternalError",
                "the server failed unexpectedly; the server log has the details under error id " + id));
    }
}
