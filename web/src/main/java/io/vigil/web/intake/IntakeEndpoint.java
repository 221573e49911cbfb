package io.vigil.web.intake;

import org.springframework.web.bind.annotation.RestController;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A controller that takes events into the journal through {@link JournaledIntake}: its refusals
 * and failures are answered by {@link IntakeExceptionHandler}, the same way for every intake.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RestController
public @interface IntakeEndpoint {
}
