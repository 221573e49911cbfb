package io.vigil.web.rule;

import io.vigil.ruleset.RuleSetActivationRow;
import io.vigil.ruleset.RuleSetLibrary;
import io.vigil.ruleset.RuleSetVersion;
import io.vigil.web.system.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;

/**
 * Rule sets as versioned data: the stored versions (analysts, auditors), checking and storing a
 * new one (analysts; JSON, or a zip of files exported before), and making one active (admins:
 * deploy, rollback). A version is the SHA-256 of its files, the same id every firing records.
 * The console's rule pages call the same handlers at /console/rulesets/… (session and CSRF).
 */
@RestController
class RuleSetController {

    private final RuleSetLibrary library;
    private final RuleSetAuthoring authoring;
    private final BacktestJobs backtests;

    RuleSetController(RuleSetLibrary library, RuleSetAuthoring authoring, BacktestJobs backtests) {
        this.library = library;
        this.authoring = authoring;
        this.backtests = backtests;
    }

    /** A version in lists; {@code active} marks the one the engine runs. */
    record VersionEntry(String version, String parent, String author, String message, String origin, Instant createdAt,
                        String state, boolean active, int files) {
        static VersionEntry of(RuleSetVersion v) {
            return new VersionEntry(v.version(), v.parent(), v.author(), v.message(), v.origin(), v.createdAt(),
                    v.state().name().toLowerCase(Locale.ROOT), v.state() == RuleSetVersion.State.ACTIVE, v.files());
        }
    }

    /** One version with its files, the times it became active, and its backtests (newest first, without results). */
    record VersionDetail(VersionEntry version, SortedMap<String, String> files, List<RuleSetActivationRow> activations,
                         List<BacktestJobs.Progress> backtests) {
    }

    record ValidationAnswer(String version, List<RuleSetProblem> errors, List<RuleSetProblem> warnings) {
    }

    @GetMapping("/api/v1/rulesets")
    List<VersionEntry> versions() {
        return library.versions().stream().map(VersionEntry::of).toList();
    }

    @GetMapping(path = "/api/v1/rulesets/{version}", produces = MediaType.APPLICATION_JSON_VALUE)
    VersionDetail version(@PathVariable String version) {
        RuleSetVersion stored = stored(version);
        return new VersionDetail(VersionEntry.of(stored), library.sources(stored.version()).orElseThrow(),
                library.activations().stream().filter(a -> a.version().equals(stored.version())).toList(),
                backtests.ofVersion(stored.version()));
    }

    /** {@code ?format=zip}: the version's files at their paths, to keep in git or import elsewhere. */
    @GetMapping(path = "/api/v1/rulesets/{version}", params = "format")
    ResponseEntity<byte[]> export(@PathVariable String version, @RequestParam String format) {
        if (!"zip".equals(format)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unsupported format \"" + format
                    + "\": the only export format is zip (leave format out for JSON)");
        }
        RuleSetVersion stored = stored(version);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("ruleset-" + stored.version().substring(0, 12) + ".zip").build().toString())
                .body(RuleSetArchive.write(library.sources(stored.version()).orElseThrow()));
    }

    /** The console's export link: the same zip. */
    @GetMapping("/console/rulesets/{version}/export.zip")
    ResponseEntity<byte[]> exportFromConsole(@PathVariable String version) {
        return export(version, "zip");
    }

    @PostMapping(path = {"/api/v1/rulesets/validate", "/console/rulesets/validate"}, consumes = MediaType.APPLICATION_JSON_VALUE)
    ValidationAnswer validate(@RequestBody(required = false) String body) {
        RuleSetAuthoring.Checked checked = authoring.check(RuleSetDraft.parse(body));
        return new ValidationAnswer(checked.ruleSet().version(), List.of(), checked.warnings());
    }

    @PostMapping(path = {"/api/v1/rulesets", "/console/rulesets"}, consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<VersionEntry> create(@RequestBody(required = false) String body, Authentication who) {
        return created(authoring.create(RuleSetDraft.parse(body), who.getName()));
    }

    /** A zip of rule-set files (as exported) stored as one new version; {@code message} says why. */
    @PostMapping(path = "/api/v1/rulesets", consumes = "application/zip")
    ResponseEntity<VersionEntry> importArchive(@RequestBody(required = false) byte[] zip,
                                               @RequestParam(required = false) String message, Authentication who) {
        if (message == null || message.isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "query parameter \"message\" is required: say what this version changes and why");
        }
        return created(authoring.importFiles(RuleSetArchive.read(zip), message.strip(), who.getName()));
    }

    /** Runs the version's rule tests (rule-tests/…/*.yml) on the pseudo clock; 200 with each result. */
    @PostMapping({"/api/v1/rulesets/{version}/test", "/console/rulesets/{version}/test"})
    RuleSetAuthoring.TestReport test(@PathVariable String version) {
        return authoring.test(stored(version).version());
    }

    /**
     * Starts a backtest of the version against the active one over a range of the journal
     * ({@link BacktestRange}); 202 with the job to poll at its Location.
     */
    @PostMapping(path = {"/api/v1/rulesets/{version}/backtest", "/console/rulesets/{version}/backtest"},
            consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<BacktestJobs.Progress> backtest(@PathVariable String version, @RequestBody(required = false) String body,
                                                   Authentication who) {
        BacktestRange range = BacktestRange.parse(body);
        BacktestJobs.Progress started = backtests.start(stored(version).version(), range, who.getName());
        return ResponseEntity.accepted().location(URI.create(backtestPath(started))).body(started);
    }

    @GetMapping({"/api/v1/rulesets/{version}/backtests/{id}", "/console/rulesets/{version}/backtests/{id}"})
    BacktestJobs.Progress backtestProgress(@PathVariable String version, @PathVariable long id) {
        return backtests.progress(id).filter(p -> p.version().equals(version)).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "rule set " + version + " has no backtest " + id));
    }

    @PostMapping({"/api/v1/rulesets/{version}/backtests/{id}/cancel", "/console/rulesets/{version}/backtests/{id}/cancel"})
    BacktestJobs.Progress cancelBacktest(@PathVariable String version, @PathVariable long id) {
        BacktestJobs.Progress progress = backtestProgress(version, id);
        if (!backtests.cancel(id)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "backtest " + id + " is " + progress.state()
                    + ", not running");
        }
        return backtestProgress(version, id);
    }

    private static String backtestPath(BacktestJobs.Progress progress) {
        return "/api/v1/rulesets/" + progress.version() + "/backtests/" + progress.id();
    }

    @PostMapping({"/api/v1/rulesets/{version}/deploy", "/console/rulesets/{version}/deploy"})
    CompletableFuture<RuleSetAuthoring.Activated> deploy(@PathVariable String version, Authentication who) {
        return authoring.deploy(stored(version).version(), who.getName());
    }

    @PostMapping({"/api/v1/rulesets/rollback", "/console/rulesets/rollback"})
    CompletableFuture<RuleSetAuthoring.Activated> rollback(Authentication who) {
        return authoring.rollback(who.getName());
    }

    /** A proposed set that does not compile: 422 with every error at its file, line and column. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(RuleSetAuthoring.Refused e, HttpServletRequest request) {
        List<RuleSetProblem> errors = e.errors();
        RuleSetProblem first = errors.get(0);
        String where = first.file() == null ? "" : first.file() + (first.line() == null ? "" : ":" + first.line()
                + ":" + first.column()) + ": ";
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.UNPROCESSABLE_CONTENT, "the rule set was refused with "
                + errors.size() + (errors.size() == 1 ? " error: " : " errors, the first: ") + where + first.message(),
                request);
        problem.setProperty("errors", errors);
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** A deploy whose rule tests fail: 409 with the report; nothing changed. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> testsFailed(RuleSetAuthoring.TestsFailed e, HttpServletRequest request) {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.CONFLICT, e.getMessage(), request);
        problem.setProperty("tests", e.report());
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private RuleSetVersion stored(String version) {
        return library.version(version).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "rule set version \"" + version + "\" is not stored (GET /api/v1/rulesets lists them)"));
    }

    private static ResponseEntity<VersionEntry> created(RuleSetVersion version) {
        return ResponseEntity.created(URI.create("/api/v1/rulesets/" + version.version())).body(VersionEntry.of(version));
    }
}
