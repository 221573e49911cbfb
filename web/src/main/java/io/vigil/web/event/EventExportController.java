package io.vigil.web.event;

import io.vigil.store.EventFilter;
import io.vigil.store.EventQueries;
import io.vigil.store.EventRowSink;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Every event that matches the filters, oldest first, as CSV or JSON lines, streamed as it is read
 * (see {@link EventQueries#export}) — for the API and, since the API takes no console session, at
 * the console's path too. A client that goes away stops the export at the next write. An error
 * after the first bytes cannot become a problem any more: it ends the response unfinished (no last
 * chunk), so the client sees a broken transfer rather than a short file.
 */
@Controller
class EventExportController {

    private static final Logger log = LoggerFactory.getLogger(EventExportController.class);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final EventQueries events;
    private final JsonMapper json;
    private final Clock clock;

    EventExportController(EventQueries events, JsonMapper json, Clock clock) {
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping({"/api/v1/events/export", "/console/events/export"})
    void export(@ModelAttribute EventFilterParams filters, @RequestParam String format, HttpServletRequest request,
                HttpServletResponse response) throws IOException {
        EventExportFormat chosen = EventExportFormat.of(format);
        EventFilter filter = filters.filter();
        response.setContentType(chosen.mediaType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("vigil-events-" + FILE_TIME.format(clock.instant()) + "." + chosen.extension()).build().toString());
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        try {
            EventRowSink writer = chosen.writer(out, json);
            events.export(filter, writer);
            out.flush();
        } catch (IOException gone) {
            log.info("{} {} stopped: the client went away ({})", request.getMethod(), request.getRequestURI(), gone.toString());
        } catch (RuntimeException e) {
            if (!response.isCommitted()) {
                response.reset();
            }
            throw e;
        }
    }
}
