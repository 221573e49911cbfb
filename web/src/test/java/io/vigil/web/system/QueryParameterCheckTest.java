package io.vigil.web.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueryParameterCheckTest {

    @Test
    void shouldReadTheDistinctDecodedNamesOfAQueryString() {
        assertThat(QueryParameterCheck.names("state=open&limit=5&state=acknowledged&flag&current%20Status=x&=orphan"))
                .containsExactly("current Status", "flag", "limit", "state");
    }

    @Test
    void shouldReadNoNamesWithoutAQueryString() {
        assertThat(QueryParameterCheck.names(null)).isEmpty();
        assertThat(QueryParameterCheck.names("")).isEmpty();
    }
}
