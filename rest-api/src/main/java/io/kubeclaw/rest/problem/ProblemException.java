package io.kubeclaw.rest.problem;

/** Ends a request with a problem response; thrown where the API itself decides the answer. */
public class ProblemException extends RuntimeException {

    private final Problem problem;

    public ProblemException(int status, String reason, String detail) {
        super(detail, null, false, false);
        this.problem = Problem.of(status, reason, detail);
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "NotFound", detail);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "BadRequest", detail);
    }

    public static ProblemException invalid(String detail) {
        return new ProblemException(422, "Invalid", detail);
    }
}
