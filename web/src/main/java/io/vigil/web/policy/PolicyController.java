package io.vigil.web.policy;

import io.vigil.notify.policy.PolicyDocument;
import io.vigil.notify.policy.PolicyDocumentException;
import io.vigil.web.system.ProblemResponses;
import io.vigil.web.system.RequestParams;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Escalation policies, on-call schedules, users and channels as code: the document in force
 * (ADMIN: it holds the channels' secrets), its replacement (ADMIN; YAML, or JSON read as the YAML
 * it also is; all or nothing), and who is on call (readers).
 */
@RestController
class PolicyController {

    private final PolicyDocuments documents;
    private final Clock clock;

    PolicyController(PolicyDocuments documents, Clock clock) {
        this.documents = documents;
        this.clock = clock;
    }

    /** The stored document with its version and who replaced it when. */
    record StoredPolicies(String version, String document, int policies, int schedules, String replacedBy,
                          Instant replacedAt) {
    }

    @GetMapping("/api/v1/policies")
    StoredPolicies current() {
        return documents.current().map(PolicyDocuments.Current::stored)
                .map(s -> new StoredPolicies(s.version(), s.document(), s.policies(), s.schedules(), s.replacedBy(), s.replacedAt()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "no escalation-policy document has been stored yet: nobody is notified (PUT one to /api/v1/policies)"));
    }

    @PutMapping(path = "/api/v1/policies",
            consumes = {"application/yaml", "text/yaml", "application/x-yaml", MediaType.APPLICATION_JSON_VALUE})
    CompletableFuture<PolicyDocuments.Replaced> replace(@RequestBody(required = false) String body, Authentication who) {
        PolicyDocument document = PolicyDocuments.validate(body);
        return documents.replace(document, who.getName());
    }

    /**
     * Who is on call on each schedule at {@code at} (ISO-8601; now when absent) and the hand-offs of
     * the 7 days after it; no schedules while no document is stored.
     */
    @GetMapping("/api/v1/oncall")
    OnCallNow onCall(@RequestParam(required = false) String at) {
        Instant instant = RequestParams.instant("at", at);
        Instant when = instant == null ? clock.instant() : instant;
        return documents.current().map(current -> OnCallNow.of(current.document(), when))
                .orElse(OnCallNow.of(PolicyDocument.NONE, when));
    }

    /** A refused document: 422 with every problem, each as the parser words it; nothing changed. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(PolicyDocumentException e, HttpServletRequest request) {
        return ProblemResponses.refusedDocument(HttpStatus.UNPROCESSABLE_CONTENT, "the policy document", e.errors(), request);
    }
}
