package io.vigil.web.system;

import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class IdListBodyTest {

    @Test
    void shouldReadTheIdsInTheOrderSent() {
        assertThat(IdListBody.parse("{\"ids\": [9, 4, 17]}", "incident")).containsExactly(9L, 4L, 17L);
    }

    @Test
    void shouldNameEveryBadIdWithItsPlaceAndValue() {
        assertThat(errors("{\"ids\": [3, \"4\", 0, 2.5, 3, null]}")).containsExactly(
                "ids[1]: \"4\" is not an incident id (a whole number from 1)",
                "ids[2]: 0 is not an incident id (a whole number from 1)",
                "ids[3]: 2.5 is not an incident id (a whole number from 1)",
                "ids[4]: 3 is already listed at ids[0]",
                "ids[5]: null is not an incident id (a whole number from 1)");
    }

    @Test
    void shouldRefuseABodyOfAnotherShape() {
        assertThat(errors(null)).containsExactly("the body must be a JSON object {\"ids\": [incident ids]}, got nothing");
        assertThat(errors("[1, 2]")).containsExactly("the body must be a JSON object {\"ids\": [incident ids]}, got array [1,2]");
        assertThat(errors("{\"ids\": [1,")).singleElement().asString().startsWith("unreadable JSON body: ");
        assertThat(errors("{\"id\": 5}")).containsExactly("unknown field \"id\" (the only field is \"ids\")",
                "ids: missing; name 1 to 1000 incident ids");
        assertThat(errors("{\"ids\": 5}")).containsExactly("ids: expected an array of incident ids, got 5");
        assertThat(errors("{\"ids\": []}")).containsExactly("ids: empty; name 1 to 1000 incident ids");
    }

    @Test
    void shouldTakeAtMostOneThousandIds() {
        String thousand = IntStream.rangeClosed(1, 1000).mapToObj(Integer::toString).collect(Collectors.joining(","));

        assertThat(IdListBody.parse("{\"ids\": [" + thousand + "]}", "incident")).hasSize(1000);
        assertThat(errors("{\"ids\": [" + thousand + ",1001]}")).containsExactly("ids: 1001 ids, at most 1000 per request");
    }

    @Test
    void shouldAnswer400WithTheFirstProblemAsDetail() {
        ErrorResponseException refused = catchThrowableOfType(ErrorResponseException.class, () -> IdListBody.parse("{\"ids\": [0]}", "incident"));

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().getDetail()).isEqualTo("ids[0]: 0 is not an incident id (a whole number from 1)");
    }

    @SuppressWarnings("unchecked")
    private static List<String> errors(String body) {
        ErrorResponseException refused = catchThrowableOfType(ErrorResponseException.class, () -> IdListBody.parse(body, "incident"));
        assertThat(refused).as("refused: " + body).isNotNull();
        return (List<String>) refused.getBody().getProperties().get("errors");
    }
}
