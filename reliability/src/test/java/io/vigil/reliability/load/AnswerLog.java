package io.vigil.reliability.load;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

/** Every answer the load clients got, in arrival order, for the verdicts and the figures. */
public final class AnswerLog {

    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();

    void add(Answer answer) {
        answers.add(answer);
    }

    /** How many answers had each status ({@link Answer#NO_ANSWER} for none), in status order. */
    public Map<Integer, Long> countByStatus() {
        Map<Integer, Long> counts = new TreeMap<>();
        for (Answer answer : answers) {
            counts.merge(answer.status(), 1L, Long::sum);
        }
        return counts;
    }

    public List<Answer> matching(Predicate<Answer> predicate) {
        return answers.stream().filter(predicate).toList();
    }

    /** The first 202 received after {@code instant}. */
    public Optional<Instant> firstAcceptedAfter(Instant instant) {
        return answers.stream().filter(Answer::accepted).map(Answer::received).filter(t -> t.isAfter(instant)).min(Instant::compareTo);
    }

    /** The distinct refusals (status, title and detail), to quote in the figures. */
    public List<String> distinctRefusals() {
        return answers.stream().filter(a -> a.status() != 202 && a.status() != Answer.NO_ANSWER)
                .map(a -> a.status() + " " + a.body().replaceAll("\"instance\":\"[^\"]*\",?", ""))
                .distinct().limit(10).toList();
    }
}
