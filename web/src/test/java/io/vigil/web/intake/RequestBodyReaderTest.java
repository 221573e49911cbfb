package io.vigil.web.intake;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.server.ResponseStatusException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestBodyReaderTest {

    private final RequestBodyReader reader = new RequestBodyReader(10);

    @Test
    void shouldReadBodyUpToTheLimit() throws IOException {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setContent("0123456789".getBytes());

        assertThat(reader.read(request)).asString().isEqualTo("0123456789");
    }

    @Test
    void shouldRefuseDeclaredLengthOverTheLimitBeforeReading() {
        MockHttpServletRequest request = new MockHttpServletRequest() {
            @Override
            public long getContentLengthLong() {
                return 11;
            }
        };

        assertThatThrownBy(() -> reader.read(request))
                .isInstanceOfSatisfying(ResponseStatusException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
                    assertThat(e.getReason()).isEqualTo("request body of 11 bytes is over the limit of 10 bytes:"
                            + " split the events into smaller requests");
                });
    }

    @Test
    void shouldRefuseStreamedBodyThatGrowsOverTheLimit() {
        MockHttpServletRequest request = new MockHttpServletRequest() {
            @Override
            public jakarta.servlet.ServletInputStream getInputStream() {
                InputStream in = new ByteArrayInputStream(new byte[1_000]);
                return new org.springframework.mock.web.DelegatingServletInputStream(in);
            }
        };

        assertThatThrownBy(() -> reader.read(request))
                .isInstanceOfSatisfying(ResponseStatusException.class, e ->
                        assertThat(e.getReason()).startsWith("request body of more than 10 bytes is over the limit"));
    }

    @Test
    void shouldRefuseNonsensicalLimits() {
        assertThatThrownBy(() -> new RequestBodyReader(0)).hasMessage("body limit 0 must be between 1 and 2 GiB");
    }
}
