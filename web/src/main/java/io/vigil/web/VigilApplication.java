package io.vigil.web;

import io.vigil.session.replay.Replay;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Starts the Vigil server; {@code vigil.jar replay --events FILE.jsonl} instead runs the rules on a
 * file of events without Spring or a database (the analysts' what-if tool); {@code --help} says
 * both. A command line it cannot take is refused with one line (exit 2), a server that cannot
 * start for a reason known up front with one line too (exit 1; see {@link StartupChecks}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class VigilApplication {

    /**
     * Drools 7's generated protobuf classes predate protobuf 3.25's check, which logs a warning
     * block for each of them unless this property is set (STACK.md pitfall 10). Set here, before
     * any of them loads, so a plain {@code java -jar} acknowledges it too.
     */
    static final String PROTOBUF_PRE22_ACKNOWLEDGED = "com.google.protobuf.use_unsafe_pre22_gencode";

    public static void main(String[] args) {
        if (System.getProperty(PROTOBUF_PRE22_ACKNOWLEDGED) == null) {
            System.setProperty(PROTOBUF_PRE22_ACKNOWLEDGED, "true");
        }
        VigilCommandLine command = VigilCommandLine.parse(args);
        switch (command.kind()) {
            case HELP -> {
                System.out.print(command.text());
                System.exit(0);
            }
            case INVALID -> {
                System.err.println("vigil: " + command.text());
                System.exit(2);
            }
            case REPLAY -> System.exit(Replay.run(command.args().toArray(String[]::new), System.out, System.err));
            case SERVER -> serve(command.args().toArray(String[]::new));
        }
    }

    private static void serve(String[] args) {
        SpringApplication application = new SpringApplication(VigilApplication.class);
        application.addListeners(new StartupChecks());
        try {
            application.run(args);
        } catch (StartupChecks.Refused refused) {
            System.err.println("vigil: " + refused.getMessage());
            System.exit(1);
        }
    }
}
