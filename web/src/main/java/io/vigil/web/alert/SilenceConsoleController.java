package io.vigil.web.alert;

import io.vigil.alert.Matchers;
import io.vigil.alert.SilenceDefinition;
import io.vigil.session.EngineCommand;
import io.vigil.store.SilenceQueries;
import io.vigil.web.system.ConsoleRefusals;
import io.vigil.web.system.EngineCommands;
import io.vigil.web.system.RequestParams;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * The console's silences: the list by state with "Expire now", and the form that creates one,
 * whose Preview shows (in place, through htmx) which active alerts its matchers select now. A
 * form with problems comes back with its values and every problem; the engine's answer to a
 * button comes back to the list as a message.
 */
@Controller
class SilenceConsoleController {

    static final String LIST_VIEW = "silences/list";
    static final String FORM_VIEW = "silences/form";
    static final String PREVIEW_FRAGMENT = "silences/form :: preview";
    static final String DEFAULT_STATE = "ACTIVE";
    static final int PAGE_SIZE = 200;

    private final SilenceQueries silences;
    private final SilencePreviews previews;
    private final EngineCommands commands;
    private final Clock clock;

    SilenceConsoleController(SilenceQueries silences, SilencePreviews previews, EngineCommands commands, Clock clock) {
        this.silences = silences;
        this.previews = previews;
        this.commands = commands;
        this.clock = clock;
    }

    @GetMapping("/console/silences")
    String list(@RequestParam(required = false) String state, Model model) {
        String shown = state(state);
        model.addAttribute("state", shown);
        model.addAttribute("states", SilenceQueries.STATES);
        model.addAttribute("silences", silences.list(shown, clock.instant(), PAGE_SIZE));
        return LIST_VIEW;
    }

    /** The form; {@code matchers} (one per line) filled in and previewed when given, so a link can propose a silence. */
    @GetMapping("/console/silences/new")
    String form(@RequestParam(required = false) String matchers, Model model) {
        SilenceForm form = SilenceForm.with(matchers);
        formModel(form, List.of(), model);
        if (matchers != null && !matchers.isBlank()) {
            previewModel(form, model);
        }
        return FORM_VIEW;
    }

    /** What the form's matchers select now, shown under it without leaving the page. */
    @GetMapping("/console/silences/preview")
    String preview(@RequestParam(required = false) String matchers, Model model) {
        previewModel(SilenceForm.with(matchers), model);
        return PREVIEW_FRAGMENT;
    }

    @PostMapping("/console/silences")
    String create(@ModelAttribute SilenceForm form, Authentication who, Model model, RedirectAttributes flash) {
        List<String> errors = new ArrayList<>();
        Instant now = clock.instant();
        SilenceDefinition definition = form.definition(who.getName(), now, errors);
        if (definition != null) {
            try {
                long id = commands.execute(new EngineCommand.AddSilence(definition, who.getName()), "the new silence")
                        .join().createdId();
                flash.addFlashAttribute("message", "Silence " + id + " created.");
                return "redirect:/console/silences?state=" + (definition.start().isAfter(now) ? "PENDING" : "ACTIVE");
            } catch (CompletionException e) {
                errors.add(ConsoleRefusals.reason(e));
            }
        }
        formModel(form, errors, model);
        return FORM_VIEW;
    }

    @PostMapping("/console/silences/{id}/expire")
    String expire(@PathVariable long id, @RequestParam(required = false) String state, Authentication who,
                  RedirectAttributes flash) {
        try {
            commands.execute(new EngineCommand.ExpireSilence(id, who.getName()), "silence " + id).join();
            flash.addFlashAttribute("message", "Silence " + id + " expired.");
        } catch (CompletionException e) {
            flash.addFlashAttribute("error", ConsoleRefusals.reason(e));
        }
        return "redirect:/console/silences?state=" + state(state);
    }

    private static String state(String asked) {
        String state = RequestParams.oneOf("state", asked, SilenceQueries.STATES);
        return state == null ? DEFAULT_STATE : state;
    }

    private static void formModel(SilenceForm form, List<String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("durations", SilenceForm.DURATIONS.keySet());
    }

    private void previewModel(SilenceForm form, Model model) {
        List<String> errors = new ArrayList<>();
        Matchers matchers = form.readMatchers(errors);
        model.addAttribute("previewErrors", errors);
        model.addAttribute("preview", matchers == null ? null : previews.of(matchers));
    }
}
