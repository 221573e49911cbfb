package io.vigil.web.system;

import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.concurrent.CompletionException;

/**
 * How a console form tells what became of what it asked: a refusal (a bad field, or the engine
 * saying no through {@link EngineCommands}) is shown as the page's error, anything else is a
 * failure left to the error page.
 */
public final class ConsoleRefusals {

    private ConsoleRefusals() {
    }

    /** Runs {@code action}; flashes {@code done} as the message, or the refusal's reason as the error. */
    public static void flash(RedirectAttributes flash, String done, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("message", done);
        } catch (ResponseStatusException refused) {
            flash.addFlashAttribute("error", refused.getReason());
        } catch (CompletionException e) {
            flash.addFlashAttribute("error", reason(e));
        }
    }

    /** Why the engine said no; rethrows {@code e} when it is no refusal. */
    public static String reason(CompletionException e) {
        if (e.getCause() instanceof ResponseStatusException refused) {
            return refused.getReason();
        }
        throw e;
    }
}
