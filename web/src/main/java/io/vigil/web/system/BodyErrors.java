package io.vigil.web.system;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.JsonNode;

import java.util.List;

/** How a JSON request body read by hand is refused: every problem at once, values quoted short. */
public final class BodyErrors {

    private BodyErrors() {
    }

    /** A value as sent, cut to 40 characters. */
    public static String abbreviate(JsonNode value) {
        String text = value.toString();
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    /** 400 problem+json titled {@code title}: the first problem as the detail, all of them under "errors". */
    public static ErrorResponseException invalid(String title, List<String> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, errors.get(0));
        problem.setTitle(title);
        problem.setProperty("errors", errors);
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
