package io.vigil.web;

import io.vigil.session.replay.Replay;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import java.util.Arrays;

/**
 * Starts the Vigil server; {@code vigil.jar replay --events FILE.jsonl} instead runs the rules on a
 * file of events without Spring or a database (the analysts' what-if tool).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class VigilApplication {

    static final String REPLAY = "replay";

    public static void main(String[] args) {
        if (args.length > 0 && REPLAY.equals(args[0])) {
            System.exit(Replay.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication.run(VigilApplication.class, args);
    }
}
