package io.vigil.web.system;

import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiExceptionHandlerTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler();

    @Test
    void shouldAnswer503WithRetryAfterWhenTheDatabaseGivesNoConnection() throws Exception {
        ResponseEntity<ProblemDetail> answer = handler.databaseUnavailable(
                new CannotGetJdbcConnectionException("vigil - Connection is not available, request timed out after 5000ms"),
                new MockHttpServletRequest("GET", "/api/v1/incidents"), new MockHttpServletResponse());

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(answer.getBody().getTitle()).isEqualTo("Database unavailable");
        assertThat(answer.getBody().getDetail()).isEqualTo("the database is unreachable or not answering; try again in 5 s");
        assertThat(answer.getBody().getInstance()).hasToString("/api/v1/incidents");
    }

    @Test
    void shouldLeaveConsolePagesToTheErrorPage() {
        CannotGetJdbcConnectionException failure = new CannotGetJdbcConnectionException("timed out");

        assertThatThrownBy(() -> handler.databaseUnavailable(failure, new MockHttpServletRequest("GET", "/console/incidents"),
                new MockHttpServletResponse())).isSameAs(failure);
    }

    @Test
    void shouldPassOnAFailureAfterTheResponseWasCommitted() throws Exception {
        MockHttpServletResponse streaming = new MockHttpServletResponse();
        streaming.getOutputStream().write("id,receivedAt\r\n".getBytes(StandardCharsets.UTF_8));
        streaming.flushBuffer();
        CannotGetJdbcConnectionException failure = new CannotGetJdbcConnectionException("timed out");
        IllegalStateException bug = new IllegalStateException("bug");
        MockHttpServletRequest export = new MockHttpServletRequest("GET", "/api/v1/events/export");

        assertThatThrownBy(() -> handler.databaseUnavailable(failure, export, streaming)).isSameAs(failure);
        assertThatThrownBy(() -> handler.unexpected(bug, export, streaming)).isSameAs(bug);
        assertThat(handler.unexpected(bug, export, new MockHttpServletResponse()).getStatusCode().value()).isEqualTo(500);
    }
}
