package dev.primary.bench.fleet.console;

import dev.primary.protocol.tls.TlsPin;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium on the console, through the system's chromedriver (never downloaded), trusting the
 * server's key by its pin and nothing else; it reads each page's Navigation Timing after the load.
 */
final class ConsoleBrowser implements AutoCloseable {
    /**
     * What the browser timed for one navigation, in milliseconds from its start (Navigation Timing).
     *
     * @param responseStart the first byte of the page arrived
     * @param tableInDom the page was parsed ({@code domInteractive}): the table, which is in the page's HTML, was in
     *     the DOM
     * @param contentLoaded the deferred scripts (htmx, console.js) ran ({@code domContentLoadedEventEnd})
     * @param load the load event ended: style sheet and scripts loaded too ({@code loadEventEnd})
     * @param rows the rows of the page's table
     */
    record Navigation(double responseStart, double tableInDom, double contentLoaded, double load, long rows) {
    }

    private static final String TIMING = "const n = performance.getEntriesByType('navigation')[0];"
            + " return [n.responseStart, n.domInteractive, n.domContentLoadedEventEnd, n.loadEventEnd,"
            + " document.querySelectorAll('#' + arguments[0] + ' tbody tr').length];";

    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final URI base;

    ConsoleBrowser(URI base, TlsPin pin, Path chromium, Path chromedriver) {
        this.base = base;
        try {
            profile = Files.createTempDirectory("console-browser-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a browser profile directory", e);
        }
        String spki = pin.value().substring("sha256/".length()).replace('-', '+').replace('_', '/') + "=";
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--ignore-certificate-errors-spki-list=" + spki);
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File(chromedriver.toString()))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1400, 900));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120));
    }

    void login(String name, String password) {
        driver.get(base.resolve("/console/login").toString());
        driver.findElement(By.id("name")).sendKeys(name);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login")).click();
        if (driver.getCurrentUrl().contains("/console/login")) {
            throw new IllegalStateException("the browser's console login failed: "
                    + driver.findElement(By.tagName("body")).getText());
        }
    }

    /** Opens {@code page} and waits for its load event; what it timed. */
    Navigation open(ConsolePages.Page page) {
        driver.get(base.resolve(page.path()).toString());
        List<?> values = (List<?>) ((JavascriptExecutor) driver).executeScript(TIMING, page.table());
        return new Navigation(number(values.get(0)), number(values.get(1)), number(values.get(2)),
                number(values.get(3)), ((Number) values.get(4)).longValue());
    }

    String browserVersion() {
        return driver.getCapabilities().getBrowserName() + " " + driver.getCapabilities().getBrowserVersion();
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    @Override
    public void close() {
        driver.quit();
        service.stop();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // a profile left in the temporary directory is harmless
        }
    }
}
