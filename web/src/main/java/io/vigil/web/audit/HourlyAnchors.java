package io.vigil.web.audit;

import io.vigil.audit.AuditAnchor;
import io.vigil.audit.AuditTrail;
import io.vigil.audit.FiringFilter;
import io.vigil.audit.FiringRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/**
 * Records an anchor of the audit trail every hour when firings were added since the last one, so
 * a trail cut short shows even if no auditor asked for an anchor (the anchors table can be cut
 * too: auditors keep exported anchors elsewhere).
 */
@Component
class HourlyAnchors {

    private static final Logger log = LoggerFactory.getLogger(HourlyAnchors.class);

    private final AuditTrail trail;
    private final Clock clock;

    HourlyAnchors(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT1H", fixedDelayString = "PT1H")
    void record() {
        List<FiringRow> newest = trail.query(FiringFilter.ANY, 1);
        List<AuditAnchor> anchors = trail.anchors();
        if (newest.isEmpty() || !anchors.isEmpty() && anchors.get(0).lastFiringId() >= newest.get(0).id()) {
            return;
        }
        AuditAnchor anchor = trail.anchor("vigil", clock.instant());
        log.info("audit anchor {}: firing {} with hash {} ({} firings)", anchor.id(), anchor.lastFiringId(),
                anchor.headHash(), anchor.firings());
    }
}
