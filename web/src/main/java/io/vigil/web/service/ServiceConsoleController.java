package io.vigil.web.service;

import io.vigil.model.Status;
import io.vigil.service.ElementType;
import io.vigil.service.ServiceDefinition;
import io.vigil.store.ElementStatusQueries;
import io.vigil.store.ElementStatusRow;
import io.vigil.store.ServiceStatusRow;
import io.vigil.store.SlaQueries;
import io.vigil.web.security.ServiceAccess;
import io.vigil.web.system.ConsoleRefusals;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The console's service pages: the list (Pandora's columns, refreshed by htmx), one service with
 * its elements and planned downtimes, the tree with per-level counts, and the service map.
 */
@Controller
class ServiceConsoleController {

    static final String LIST_VIEW = "services/list";
    static final String ROWS_FRAGMENT = "services/list :: rows";
    static final String DETAIL_VIEW = "services/detail";
    static final String TREE_VIEW = "services/tree";
    static final String MAP_VIEW = "services/map";

    private final ServiceCatalog catalog;
    private final ServiceDowntimes downtimes;
    private final ElementStatusQueries elements;
    private final SlaQueries slaSamples;
    private final Clock clock;

    ServiceConsoleController(ServiceCatalog catalog, ServiceDowntimes downtimes, ElementStatusQueries elements,
                             SlaQueries slaSamples, Clock clock) {
        this.catalog = catalog;
        this.downtimes = downtimes;
        this.elements = elements;
        this.slaSamples = slaSamples;
        this.clock = clock;
    }

    @GetMapping("/console/services")
    String list(Authentication who, Model model) {
        model.addAttribute("services", catalog.list(ServiceAccess.of(who)));
        return LIST_VIEW;
    }

    @GetMapping("/console/services/rows")
    String rows(Authentication who, Model model) {
        model.addAttribute("services", catalog.list(ServiceAccess.of(who)));
        return ROWS_FRAGMENT;
    }

    @GetMapping("/console/services/{name}")
    String detail(@PathVariable String name, Authentication who, Model model) {
        ServiceAccess access = ServiceAccess.of(who);
        ServiceDefinition definition = catalog.service(name, access);
        model.addAttribute("page", catalog.page(name, access));
        model.addAttribute("definition", definition);
        model.addAttribute("downtimes", downtimes.list(name, false, access));
        model.addAttribute("sla", slaExplanation(definition));
        return DETAIL_VIEW;
    }

    @PostMapping("/console/services/{name}/downtimes")
    String schedule(@PathVariable String name, @RequestParam String start, @RequestParam String end,
                    @RequestParam(defaultValue = "") String comment, Authentication who, RedirectAttributes flash) {
        return run(name, flash, "Downtime scheduled.",
                () -> downtimes.schedule(name, start, end, comment, who).join());
    }

    @PostMapping("/console/services/{name}/downtimes/{id}/cancel")
    String cancel(@PathVariable String name, @PathVariable long id, Authentication who, RedirectAttributes flash) {
        return run(name, flash, "Downtime " + id + " cancelled.", () -> downtimes.cancel(id, who).join());
    }

    @GetMapping("/console/service-tree")
    String tree(Authentication who, Model model) {
        Map<String, ServiceStatusRow> statuses = catalog.statuses();
        ServiceHierarchy hierarchy = new ServiceHierarchy(catalog.visible(ServiceAccess.of(who)), name -> statusOf(statuses, name));
        model.addAttribute("levels", hierarchy.levels());
        model.addAttribute("forest", hierarchy.forest(name -> valueOf(statuses, name)));
        return TREE_VIEW;
    }

    /** The map of everything visible, or of the tree below {@code root}. */
    @GetMapping("/console/service-map")
    String map(@RequestParam(required = false) String root, Authentication who, Model model) {
        ServiceAccess access = ServiceAccess.of(who);
        List<ServiceDefinition> visible = catalog.visible(access);
        Map<String, ServiceStatusRow> statuses = catalog.statuses();
        List<String> roots = root == null || root.isBlank()
                ? new ServiceHierarchy(visible, name -> statusOf(statuses, name)).roots()
                : List.of(catalog.service(root, access).name());
        List<String> resources = visible.stream().flatMap(s -> s.elements().stream())
                .filter(e -> e.type() != ElementType.SERVICE).map(e -> e.resource()).distinct().toList();
        Map<String, List<ElementStatusRow>> modules = elements.byResources(resources).stream()
                .collect(Collectors.groupingBy(ElementStatusRow::resource));
        model.addAttribute("root", root);
        model.addAttribute("drawing", ServiceMapLayout.layout(roots, visible,
                name -> new ServiceMapLayout.NodeState(statusOf(statuses, name),
                        statuses.containsKey(name) ? statuses.get(name).value() : null),
                element -> ServiceCatalog.elementStatus(element, statuses, modules),
                name -> "/console/services/" + UriUtils.encodePathSegment(name, StandardCharsets.UTF_8)));
        return MAP_VIEW;
    }

    /** Null without an SLA; else its meaning, counted over the window that ends now (as the live figure is). */
    private SlaExplanation slaExplanation(ServiceDefinition service) {
        if (service.sla() == null) {
            return null;
        }
        Instant now = clock.instant();
        return SlaExplanation.of(service.sla(),
                slaSamples.compliance(service.name(), now.minus(service.sla().interval()), now, service.sla().limit()));
    }

    private static String run(String service, RedirectAttributes flash, String done, Supplier<Object> action) {
        ConsoleRefusals.flash(flash, done, action::get);
        return "redirect:/console/services/" + UriUtils.encodePathSegment(service, StandardCharsets.UTF_8);
    }

    private static Status statusOf(Map<String, ServiceStatusRow> statuses, String name) {
        ServiceStatusRow row = statuses.get(name);
        return row == null ? Status.UNKNOWN : row.status();
    }

    private static String valueOf(Map<String, ServiceStatusRow> statuses, String name) {
        ServiceStatusRow row = statuses.get(name);
        return row == null || row.value() == null ? "–" : row.value().stripTrailingZeros().toPlainString();
    }
}
