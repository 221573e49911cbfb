package io.vigil.web.alert;

import io.vigil.alert.Matcher;
import io.vigil.alert.MatcherSyntaxException;
import io.vigil.alert.Matchers;
import io.vigil.session.EngineCommand;
import io.vigil.store.SilenceQueries;
import io.vigil.store.SilenceRow;
import io.vigil.web.system.EngineCommands;
import io.vigil.web.system.RequestParams;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Silences made through the API: create, list (active, pending, expired), one by id, expire early,
 * and a preview of the active alerts a set of matchers selects now. The engine owns them (it gives
 * the id and starts and ends them on its clock); this reads what it stored.
 */
@RestController
@RequestMapping("/api/v1/silences")
class SilenceController {

    private final SilenceQueries silences;
    private final SilencePreviews previews;
    private final EngineCommands commands;
    private final Executor executor;
    private final Clock clock;

    SilenceController(SilenceQueries silences, SilencePreviews previews, EngineCommands commands,
                      @Qualifier("applicationTaskExecutor") Executor executor) {
        this.silences = silences;
        this.previews = previews;
        this.commands = commands;
        this.executor = executor;
        this.clock = Clock.systemUTC();
    }

    record SilenceList(List<SilenceRow> silences) {
    }

    @PostMapping
    CompletableFuture<ResponseEntity<SilenceRow>> create(@RequestBody(required = false) String body, Authentication who) {
        var definition = SilenceRequest.parse(body, who.getName(), clock.instant());
        return commands.execute(new EngineCommand.AddSilence(definition, who.getName()), "the new silence")
                .thenApplyAsync(result -> {
                    long id = result.createdId();
                    return ResponseEntity.created(URI.create("/api/v1/silences/" + id)).body(byId(id));
                }, executor);
    }

    @GetMapping
    SilenceList list(@RequestParam(required = false) String state, @RequestParam(defaultValue = "100") int limit) {
        return new SilenceList(silences.list(RequestParams.oneOf("state", state, SilenceQueries.STATES), clock.instant(),
                RequestParams.limit(limit)));
    }

    @GetMapping("/{id:\\d+}")
    SilenceRow byId(@PathVariable long id) {
        return silences.byId(id, clock.instant()).orElseThrow(() -> RequestParams.notFound("silence", id));
    }

    /** Ends the silence now; its alerts speak again at once. */
    @DeleteMapping("/{id:\\d+}")
    CompletableFuture<SilenceRow> expire(@PathVariable long id, Authentication who) {
        return commands.execute(new EngineCommand.ExpireSilence(id, who.getName()), "silence " + id)
                .thenApplyAsync(done -> byId(id), executor);
    }

    /** The active alerts that {@code match} (repeated, one matcher each) selects now. */
    @GetMapping("/preview")
    SilencePreviews.Preview preview(@RequestParam(required = false) List<String> match) {
        if (match == null || match.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "parameter \"match\" is missing: give one or more matchers, e.g. match=resource%3D%22db01%22");
        }
        List<Matcher> parsed = new ArrayList<>();
        for (String text : match) {
            try {
                parsed.add(Matcher.parse(text));
            } catch (MatcherSyntaxException e) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "parameter \"match\": " + e.getMessage());
            }
        }
        return previews.of(new Matchers(parsed));
    }
}
