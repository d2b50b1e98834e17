package org.practicealerts.web.api;

/** A read the service refused or failed: the page shows its problem (404 as "page not found"). */
public class ApiException extends RuntimeException {

    private final transient Problem problem;

    public ApiException(Problem problem) {
        super(problem.status() + " " + problem.title(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
