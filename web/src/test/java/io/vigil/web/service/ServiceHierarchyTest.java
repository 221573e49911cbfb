package io.vigil.web.service;

import io.vigil.model.Status;
import io.vigil.web.service.ServiceHierarchy.Level;
import io.vigil.web.service.ServiceHierarchy.TreeNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.vigil.model.Status.CRITICAL;
import static io.vigil.model.Status.NORMAL;
import static io.vigil.model.Status.UNKNOWN;
import static io.vigil.model.Status.WARNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ServiceHierarchyTest {

    private static final Map<String, Status> STATUS = Map.of("shop", NORMAL, "office", CRITICAL, "web", WARNING, "db", UNKNOWN);

    private final ServiceHierarchy hierarchy = new ServiceHierarchy(ServiceTrees.ALL, STATUS::get);

    @Test
    void shouldTakeServicesWithoutAVisibleParentAsRootsInDefinitionOrder() {
        assertThat(hierarchy.roots()).containsExactly("shop", "office");
    }

    @Test
    void shouldListVisibleSubServicesInDefinitionOrder() {
        assertThat(hierarchy.subServices(ServiceTrees.SHOP)).containsExactly("web", "db");
        assertThat(hierarchy.subServices(ServiceTrees.WEB)).containsExactly("db");
        assertThat(hierarchy.subServices(ServiceTrees.DB)).isEmpty();
    }

    @Test
    void shouldShowASharedSubServiceUnderEachParentInTheForest() {
        List<TreeNode> forest = hierarchy.forest(name -> "v-" + name);

        TreeNode db = new TreeNode("db", UNKNOWN, "v-db", List.of());
        assertThat(forest).containsExactly(
                new TreeNode("shop", NORMAL, "v-shop", List.of(new TreeNode("web", WARNING, "v-web", List.of(db)), db)),
                new TreeNode("office", CRITICAL, "v-office", List.of()));
    }

    @Test
    void shouldCountEachServiceOnceAtItsShallowestLevelInStatusOrder() {
        List<Level> levels = hierarchy.levels();

        assertThat(levels).containsExactly(
                new Level(0, Map.of(NORMAL, 1, WARNING, 0, CRITICAL, 1, UNKNOWN, 0), 2),
                new Level(1, Map.of(NORMAL, 0, WARNING, 1, CRITICAL, 0, UNKNOWN, 1), 2));
        assertThat(levels.get(0).counts().keySet()).containsExactly(NORMAL, WARNING, CRITICAL, UNKNOWN);
    }

    @Test
    void shouldPutTheSharedSubServiceOnTheDeeperLevelWhenOnlyTheDeepParentUsesIt() {
        ServiceHierarchy webOnly = new ServiceHierarchy(List.of(ServiceTrees.WEB, ServiceTrees.DB), STATUS::get);

        assertThat(webOnly.roots()).containsExactly("web");
        assertThat(webOnly.levels()).extracting(Level::depth, Level::total).containsExactly(tuple(0, 1), tuple(1, 1));
    }

    @Test
    void shouldMakeAServiceWhoseParentIsHiddenARootAndLeaveHiddenChildrenOut() {
        ServiceHierarchy withoutShopAndDb = new ServiceHierarchy(List.of(ServiceTrees.WEB, ServiceTrees.OFFICE), STATUS::get);

        assertThat(withoutShopAndDb.roots()).containsExactly("web", "office");
        assertThat(withoutShopAndDb.subServices(ServiceTrees.WEB)).isEmpty();
        assertThat(withoutShopAndDb.levels()).containsExactly(
                new Level(0, Map.of(NORMAL, 0, WARNING, 1, CRITICAL, 1, UNKNOWN, 0), 2));
    }

    @Test
    void shouldAnswerNothingForAnEmptyTree() {
        ServiceHierarchy empty = new ServiceHierarchy(List.of(), STATUS::get);

        assertThat(empty.roots()).isEmpty();
        assertThat(empty.forest(name -> "")).isEmpty();
        assertThat(empty.levels()).isEmpty();
    }
}
