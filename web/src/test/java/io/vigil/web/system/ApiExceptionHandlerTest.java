package io.vigil.web.system;

import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiExceptionHandlerTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler();

    @Test
    void shouldAnswer503WithRetryAfterWhenTheDatabaseGivesNoConnection() throws Exception {
        ResponseEntity<ProblemDetail> answer = handler.databaseUnavailable(
                new CannotGetJdbcConnectionException("vigil - Connection is not available, request timed out after 5000ms"),
                new MockHttpServletRequest("GET", "/api/v1/incidents"));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(answer.getBody().getTitle()).isEqualTo("Database unavailable");
        assertThat(answer.getBody().getDetail()).isEqualTo("the database is unreachable or not answering; try again in 5 s");
        assertThat(answer.getBody().getInstance()).hasToString("/api/v1/incidents");
    }

    @Test
    void shouldLeaveConsolePagesToTheErrorPage() {
        CannotGetJdbcConnectionException failure = new CannotGetJdbcConnectionException("timed out");

        assertThatThrownBy(() -> handler.databaseUnavailable(failure, new MockHttpServletRequest("GET", "/console/incidents")))
                .isSameAs(failure);
    }
}
