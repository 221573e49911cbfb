package io.vigil.web.testing;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A whole server on a random port for one test class (see {@link ServerTestSupport}): its context
 * is closed after the class, as each class has its own database. Tagged so that surefire leaves
 * it to failsafe even when run with a broad {@code -Dtest} pattern.
 */
@Target(ElementType.TYPE)
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@Tag(ServerTest.TAG)
public @interface ServerTest {

    String TAG = "server";
}
