package io.vigil.web.testing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;

/** A whole server (see {@link ServerTestSupport}) and a headless Chromium for each test (see {@link Browser}). */
public abstract class BrowserTestSupport extends ServerTestSupport {

    protected Browser browser;
    protected WebDriver driver;

    /** The browser's time zone, an IANA id. */
    protected String timeZone() {
        return "UTC";
    }

    @BeforeEach
    void startBrowser() {
        browser = Browser.start(port, timeZone());
        driver = browser.driver();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }
}
