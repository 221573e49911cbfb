package io.vigil.web.incident;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import java.time.Duration;

/**
 * The incident process as BPMN XML, for the incident page's diagram: the very definition the
 * engine runs (the processes jar's {@code processes/incident.bpmn2}, with its diagram information).
 */
@Controller
class ProcessDiagramController {

    static final String INCIDENT_PROCESS = "processes/incident.bpmn2";

    private final Resource incidentProcess = new ClassPathResource(INCIDENT_PROCESS);

    @GetMapping("/console/processes/incident.bpmn2")
    ResponseEntity<Resource> incidentProcess() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate())
                .body(incidentProcess);
    }
}
