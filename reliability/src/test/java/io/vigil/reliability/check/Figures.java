package io.vigil.reliability.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The figures a scenario measured, as "name: value" lines under headings, headed by the date and
 * the commit they were measured on. Written to the console and to {@code <dir>/<scenario>.txt}
 * (RELIABILITY.md quotes them).
 */
public final class Figures {

    private final String scenario;
    private final List<String> lines = new ArrayList<>();

    public Figures(String scenario) {
        this.scenario = scenario;
        lines.add("# " + scenario + " — measured " + LocalDate.now() + " on commit " + commit());
    }

    public Figures heading(String heading) {
        lines.add("## " + heading);
        return this;
    }

    public Figures add(String name, Object value) {
        lines.add(name + ": " + value);
        return this;
    }

    @Override
    public String toString() {
        return String.join("\n", lines);
    }

    /** Prints and writes the figures; a folder that cannot be written is reported, not fatal. */
    public void publish(Path directory) {
        System.out.println(this);
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(scenario + ".txt"), this + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the figures of " + scenario + " to " + directory, e);
        }
    }

    /** The commit the suite runs on, marked "+changes" when the work tree differs from it. */
    private static String commit() {
        String head = git("rev-parse", "--short", "HEAD");
        return git("status", "--porcelain", "--untracked-files=no").isEmpty() ? head : head + "+changes";
    }

    private static String git(String... arguments) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        try {
            Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes()).trim();
            return git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0 ? out : "(unknown)";
        } catch (IOException e) {
            return "(unknown)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(unknown)";
        }
    }
}
