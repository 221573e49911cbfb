package io.vigil.web.rule;

import io.vigil.ruleset.RuleSetLibrary;
import io.vigil.ruleset.RuleSetVersion;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The analysts' rule pages: every version with who made it, when and why, and one version with its
 * files in the DRL editor, its differences from the active version, its activations and backtests.
 * What the page does (check, save, test, backtest, deploy, roll back) goes through the same handlers
 * as the API, at /console/rulesets/… (see {@link RuleSetController}), from rules-editor.js.
 */
@Controller
class RuleSetConsoleController {

    static final String LIST = "rulesets/list";
    static final String VERSION = "rulesets/version";

    private final RuleSetLibrary library;
    private final BacktestJobs backtests;

    RuleSetConsoleController(RuleSetLibrary library, BacktestJobs backtests) {
        this.library = library;
        this.backtests = backtests;
    }

    @GetMapping("/console/rulesets")
    String list(Model model) {
        model.addAttribute("versions", library.versions().stream().map(RuleSetController.VersionEntry::of).toList());
        model.addAttribute("activations", library.activations().stream().limit(20).toList());
        return LIST;
    }

    /** @param file the file shown in the editor; the first DRL file when not given */
    @GetMapping("/console/rulesets/{version}")
    String version(@PathVariable String version, @RequestParam(required = false) String file, Model model) {
        RuleSetVersion stored = library.version(version).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "rule set version \"" + version + "\" is not stored"));
        SortedMap<String, String> files = library.sources(stored.version()).orElseThrow();
        String shown = file != null && files.containsKey(file) ? file
                : files.keySet().stream().filter(p -> p.endsWith(".drl")).findFirst().orElse(files.firstKey());
        RuleSetVersion active = library.active().orElseThrow();
        SortedMap<String, String> activeFiles = active.version().equals(stored.version()) ? files
                : library.sources(active.version()).orElse(new TreeMap<>());
        List<FileDiff> diffs = FileDiff.between(activeFiles, files);
        model.addAttribute("version", RuleSetController.VersionEntry.of(stored));
        model.addAttribute("active", RuleSetController.VersionEntry.of(active));
        model.addAttribute("paths", List.copyOf(files.keySet()));
        model.addAttribute("file", shown);
        model.addAttribute("source", files.get(shown));
        model.addAttribute("mode", shown.endsWith(".drl") ? "drools" : shown.endsWith(".yml") ? "yaml" : "xml");
        model.addAttribute("diffs", diffs);
        model.addAttribute("diffSummary", diffs.isEmpty() ? "no file differs from the active version"
                : String.join("; ", diffs.stream().map(d -> d.path() + " " + d.change() + " (+" + d.added() + " −"
                + d.removed() + ")").toList()));
        model.addAttribute("activations", library.activations().stream()
                .filter(a -> a.version().equals(stored.version())).toList());
        model.addAttribute("backtests", backtests.ofVersion(stored.version()));
        return VERSION;
    }
}
