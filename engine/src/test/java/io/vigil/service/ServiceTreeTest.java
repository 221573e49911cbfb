package io.vigil.service;

import io.vigil.model.Status;
import io.vigil.testing.service.JavaSerialization;
import io.vigil.testing.service.ServiceFixtures;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.vigil.model.Status.CRITICAL;
import static io.vigil.model.Status.NORMAL;
import static io.vigil.model.Status.UNKNOWN;
import static io.vigil.model.Status.WARNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceTreeTest {

    private static final String WEB = "web-application";

    @Test
    void shouldComputeTheSeedWebApplicationExampleExactly() {
        ServiceTree tree = ServiceFixtures.tree(WEB);
        tree.definition().service(WEB).orElseThrow().elements()
                .forEach(e -> tree.elementChanged(e.resource(), "http", NORMAL));
        assertValue(tree, WEB, "0", NORMAL);

        tree.elementChanged("apache01", "http", CRITICAL);
        assertValue(tree, WEB, "1.2", NORMAL);
        tree.elementChanged("weblogic1", "http", CRITICAL);
        assertValue(tree, WEB, "3.2", NORMAL);
        tree.elementChanged("apache02", "http", CRITICAL);
        assertValue(tree, WEB, "4.4", WARNING);
        tree.elementChanged("router1", "http", CRITICAL);
        assertValue(tree, WEB, "9.4", CRITICAL);
    }

    @Test
    void shouldReportEachChangeWithOldAndNewStatusAndValue() {
        ServiceTree tree = ServiceFixtures.tree(WEB);

        assertThat(tree.elementChanged("apache01", "http", NORMAL)).containsExactly(
                new ServiceStatusChange(WEB, UNKNOWN, NORMAL, BigDecimal.ZERO, BigDecimal.ZERO));
        assertThat(tree.elementChanged("apache01", "http", CRITICAL)).containsExactly(
                new ServiceStatusChange(WEB, NORMAL, NORMAL, BigDecimal.ZERO, new BigDecimal("1.2")));
        assertThat(tree.elementChanged("apache01", "http", CRITICAL)).isEmpty();
        assertThat(tree.elementChanged("nowhere", "http", CRITICAL)).isEmpty();
    }

    @Test
    void shouldNameEveryServiceAnElementBelongsToUpToTheRoots() {
        ServiceTree diamond = ServiceFixtures.tree("shared");
        ServiceTree office = ServiceFixtures.tree("office");

        assertThat(diamond.servicesAbove("db", "mysql", null)).containsExactly("core", "left", "right", "top");
        assertThat(diamond.servicesAbove("lb", "http", null)).containsExactly("left", "right", "top");
        assertThat(diamond.servicesAbove("lb", "ssh", null)).as("a module the tree does not list").isEmpty();
        assertThat(diamond.servicesAbove(null, null, "left")).containsExactly("left", "top");
        assertThat(office.servicesAbove("router", "ping", null)).as("any check of an agent").containsExactly("office");
        assertThat(diamond.servicesAbove("nowhere", "http", null)).isEmpty();
    }

    @Test
    void shouldComputeTheSeedStorageExample() {
        ServiceTree twoDisks = ServiceFixtures.tree("storage");
        twoDisks.elementChanged("fs01", "disk1", CRITICAL);
        assertValue(twoDisks, "storage", "1", WARNING);
        twoDisks.elementChanged("fs01", "disk2", CRITICAL);
        assertValue(twoDisks, "storage", "2", CRITICAL);

        ServiceTree fourDisks = ServiceFixtures.tree("storage");
        List.of("disk1", "disk2", "disk3").forEach(d -> fourDisks.elementChanged("fs01", d, WARNING));
        assertValue(fourDisks, "storage", "1.5", WARNING);
        fourDisks.elementChanged("fs01", "disk4", WARNING);
        assertValue(fourDisks, "storage", "2", CRITICAL);

        ServiceTree alive = ServiceFixtures.tree("storage");
        alive.elementChanged("dhcp", "ping", WARNING);
        assertValue(alive, "storage", "0", NORMAL);
        alive.elementChanged("fs01", "alive", CRITICAL);
        assertValue(alive, "storage", "2", CRITICAL);
    }

    @Test
    void shouldUseFixedWeightsAndThresholdsInAutoMode() {
        ServiceTree tree = ServiceFixtures.tree("auto");
        tree.elementChanged("mx1", "smtp", WARNING);
        assertValue(tree, "mail", "0.5", WARNING);
        tree.elementChanged("mx2", "smtp", WARNING);
        assertValue(tree, "mail", "1", CRITICAL);
        tree.elementChanged("mx2", "smtp", NORMAL);
        tree.elementChanged("mx1", "smtp", UNKNOWN);
        assertValue(tree, "mail", "0", NORMAL);
        tree.elementChanged("mx3", "smtp", CRITICAL);
        assertValue(tree, "mail", "1", CRITICAL);
    }

    @Test
    void shouldMatchTheSeedSimpleModeDays() {
        ServiceTree tree = ServiceFixtures.tree("office");
        tree.elementChanged("router", "ping", CRITICAL);
        tree.elementChanged("printer", "ping", CRITICAL);
        tree.elementChanged("apache", "http", WARNING);
        assertValue(tree, "office", "50", WARNING);

        tree.elementChanged("apache", "http", CRITICAL);
        assertValue(tree, "office", "100", CRITICAL);

        tree.elementChanged("router", "ping", NORMAL);
        tree.elementChanged("apache", "http", NORMAL);
        assertValue(tree, "office", "0", NORMAL);
    }

    @Test
    void shouldCountOnlyFlaggedElementsInSimpleMode() {
        ServiceTree tree = ServiceFixtures.tree("office");
        tree.elementChanged("printer", "ping", CRITICAL);
        assertThat(tree.status("office")).isEqualTo(UNKNOWN);

        tree.elementChanged("router", "ping", CRITICAL);
        assertValue(tree, "office", "50", WARNING);
    }

    @Test
    void shouldBeUnknownWithoutElementsOrWithoutAnyKnownStatus() {
        ServiceTree tree = ServiceFixtures.tree("auto");
        assertThat(tree.status("empty")).isEqualTo(UNKNOWN);
        assertThat(tree.status("mail")).isEqualTo(UNKNOWN);

        tree.elementChanged("mx1", "smtp", UNKNOWN);
        assertThat(tree.status("mail")).isEqualTo(UNKNOWN);
        tree.elementChanged("mx2", "smtp", NORMAL);
        assertThat(tree.status("mail")).isEqualTo(NORMAL);
        tree.elementChanged("mx2", "smtp", null);
        assertThat(tree.status("mail")).isEqualTo(UNKNOWN);
    }

    @Test
    void shouldCountASubServiceByItsStatusWithTheWeightsSetOnItInTheParent() {
        ServiceTree tree = ServiceFixtures.tree("nested");
        assertValue(tree, "shop", "1", UNKNOWN);
        tree.elementChanged("web01", "http", NORMAL);
        assertValue(tree, "shop", "1", NORMAL);

        List<ServiceStatusChange> changes = tree.elementChanged("db1", "mysql", WARNING);
        assertThat(changes).containsExactly(
                new ServiceStatusChange("database", UNKNOWN, WARNING, BigDecimal.ZERO, new BigDecimal("0.5")),
                new ServiceStatusChange("shop", NORMAL, WARNING, BigDecimal.ONE, new BigDecimal("3")));
        tree.elementChanged("db1", "mysql", CRITICAL);
        assertValue(tree, "database", "1", CRITICAL);
        assertValue(tree, "shop", "5", CRITICAL);
        tree.elementChanged("db1", "mysql", UNKNOWN);
        assertValue(tree, "database", "0", UNKNOWN);
        assertValue(tree, "shop", "1", NORMAL);
    }

    @Test
    void shouldNotPassOnAChangeThatLeavesAServiceStatusAsItWas() {
        ServiceTree tree = ServiceFixtures.tree("nested");
        tree.elementChanged("db1", "mysql", CRITICAL);

        assertThat(tree.elementChanged("db2", "mysql", WARNING)).containsExactly(
                new ServiceStatusChange("database", CRITICAL, CRITICAL, BigDecimal.ONE, new BigDecimal("1.5")));
        assertValue(tree, "shop", "5", CRITICAL);
    }

    @Test
    void shouldFollowAnAgentAsTheWorstOfItsModules() {
        ServiceTree tree = ServiceFixtures.tree("webapp");
        tree.elementChanged("web01", "cpu", WARNING);
        assertValue(tree, "webapp", "0.5", NORMAL);
        tree.elementChanged("web01", "disk", CRITICAL);
        assertValue(tree, "webapp", "1.2", NORMAL);
        tree.elementChanged("web01", "cpu", NORMAL);
        assertValue(tree, "webapp", "1.2", NORMAL);
        tree.elementChanged("web01", "disk", UNKNOWN);
        assertValue(tree, "webapp", "0", UNKNOWN);
        tree.elementChanged("web01", "disk", NORMAL);
        assertValue(tree, "webapp", "0", NORMAL);
    }

    @Test
    void shouldUpdateEveryParentOfASharedElementOnce() {
        ServiceTree tree = ServiceFixtures.tree("shared");
        tree.elementChanged("lb", "http", NORMAL);

        List<ServiceStatusChange> changes = tree.elementChanged("db", "mysql", CRITICAL);

        assertThat(changes).extracting(ServiceStatusChange::service).containsExactlyInAnyOrder(
                "core", "left", "right", "top");
        assertValue(tree, "left", "1", CRITICAL);
        assertValue(tree, "right", "1", CRITICAL);
        assertValue(tree, "top", "1.5", CRITICAL);
        assertThat(changes).filteredOn(c -> c.service().equals("top")).containsExactly(
                new ServiceStatusChange("top", NORMAL, CRITICAL, BigDecimal.ZERO, new BigDecimal("1.5")));
    }

    @Test
    void shouldShowServicesAndTheirElementsWithCurrentStatuses() {
        ServiceTree tree = ServiceFixtures.tree("webapp");
        tree.elementChanged("router1", "ping", WARNING);
        tree.elementChanged("mysql1", "mysql", CRITICAL);

        ServiceDetail webapp = tree.service("webapp").orElseThrow();

        assertThat(webapp.service()).isEqualTo(new ServiceSummary("webapp", "Online store", "shop",
                ServiceMode.MANUAL, new BigDecimal("4"), new BigDecimal("6"), new BigDecimal("8"), CRITICAL, false,
                true, false, tree.definition().service("webapp").orElseThrow().sla()));
        assertThat(webapp.elements()).containsExactly(
                new ElementView(ElementType.MODULE, "router1/ping", weights("0", "3", "5", "0"), null, WARNING),
                new ElementView(ElementType.AGENT, "web01", weights("0", "0.5", "1.2", "0"), null, null),
                new ElementView(ElementType.SERVICE, "database", weights("0", "3", "5", "0"), null, CRITICAL));
        assertThat(tree.service("office").orElseThrow().elements()).extracting(ElementView::critical)
                .containsExactly(true, false);
        assertThat(tree.services()).extracting(ServiceSummary::name).containsExactly("webapp", "database", "office");
        assertThat(tree.roots()).containsExactly("webapp", "office");
        assertThat(tree.service("nope")).isEmpty();
    }

    @Test
    void shouldRejectATreeWithACycleEvenWhenBuiltInCode() {
        ServiceDefinition loop = new ServiceDefinition("loop", "", null, ServiceMode.AUTO, null, null, false, false,
                null, List.of(new ElementDefinition(ElementType.SERVICE, "loop", null, false)));

        assertThatThrownBy(() -> new ServiceTree(new ServiceTreeDefinition(List.of(loop))))
                .isInstanceOfSatisfying(ServiceDefinitionException.class,
                        e -> assertThat(e.errors()).containsExactly("service cycle: loop -> loop"));
    }

    @Test
    void shouldNameAnUnknownService() {
        assertThatThrownBy(() -> ServiceFixtures.tree("auto").status("post"))
                .hasMessage("unknown service \"post\"");
    }

    @Test
    void shouldCarryOnAfterJavaSerializationAsTheSessionMarshallerDoes() {
        ServiceTree tree = ServiceFixtures.tree("nested");
        tree.elementChanged("db1", "mysql", WARNING);

        ServiceTree restored = JavaSerialization.roundTrip(tree);

        assertValue(restored, "shop", "3", WARNING);
        assertThat(restored.elementChanged("db1", "mysql", CRITICAL)).extracting(ServiceStatusChange::service)
                .containsExactly("database", "shop");
        assertValue(restored, "shop", "5", CRITICAL);
    }

    private static void assertValue(ServiceTree tree, String service, String value, Status status) {
        assertThat(tree.value(service)).as("value of %s", service).isEqualByComparingTo(value);
        assertThat(tree.status(service)).as("status of %s", service).isEqualTo(status);
    }

    private static Weights weights(String normal, String warning, String critical, String unknown) {
        return new Weights(new BigDecimal(normal), new BigDecimal(warning), new BigDecimal(critical),
                new BigDecimal(unknown));
    }
}
