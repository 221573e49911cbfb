package io.vigil.alert;

import io.vigil.service.ElementDefinition;
import io.vigil.service.ElementType;
import io.vigil.service.ServiceDefinition;
import io.vigil.service.ServiceTreeDefinition;

import java.util.List;
import java.util.Map;

/**
 * Which services a silence is a maintenance window of: those with a module or agent element that
 * its matchers select by resource and check (the other fields of an element are empty, so a silence
 * on a source or an attribute selects no element). Such a silence also counts as planned downtime
 * for those services' SLAs.
 */
public final class MaintenanceWindows {

    private MaintenanceWindows() {
    }

    public static List<String> servicesSelected(Matchers matchers, ServiceTreeDefinition tree) {
        return tree.services().stream().filter(service -> selectsAnElement(matchers, service))
                .map(ServiceDefinition::name).toList();
    }

    private static boolean selectsAnElement(Matchers matchers, ServiceDefinition service) {
        for (ElementDefinition element : service.elements()) {
            if (element.type() == ElementType.SERVICE) {
                continue;
            }
            String check = element.type() == ElementType.MODULE ? element.check() : null;
            if (matchers.matches(new MatchTarget(null, element.resource(), check, null, null, null, Map.of()))) {
                return true;
            }
        }
        return false;
    }
}
