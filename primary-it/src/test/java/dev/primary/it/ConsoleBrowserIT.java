package dev.primary.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.admin.PrimaryAdminMain;
import dev.primary.protocol.admin.AccountRole;
import dev.primary.protocol.tls.PinnedTls;
import dev.primary.protocol.tls.TlsPin;
import dev.primary.server.identity.AdminEndpoint;
import dev.primary.testkit.CommandResult;
import dev.primary.testkit.Eventually;
import dev.primary.testkit.FreePorts;
import dev.primary.testkit.InProcessCommand;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

/**
 * The web console in a real headless Chromium (the system's {@code chromium} and {@code chromedriver}, driven by
 * Selenium; no driver is ever downloaded) against a real server process and a real Client Service process: what an
 * administrator, an operator's actions and a viewer see and may do. The browser trusts only the admin listener's
 * own key, by its pin ({@code --ignore-certificate-errors-spki-list}), as an operator's workstation would after
 * checking it. Every asset comes from the server itself; Manage Computers follows the fleet live (server-sent
 * events); the audit page shows the administrator's actions under its name. The main pages are saved as
 * {@code docs/images/console-*.png} for the README.
 */
class ConsoleBrowserIT {
    private static final Duration PATIENCE = Patience.FAILURE_BOUND;
    /** How soon the stream of a page navigated away from must be closed (the browser's own cut-off is ~60 s). */
    private static final Duration STREAM_CLOSED = Duration.ofSeconds(20);
    private static final String COMPUTER = "PC-CONSOLE";
    private static final String PASSWORD = "console-password-It-42";

    @TempDir
    Path work;

    private Path profile;
    private ChromeDriverService service;
    private ChromeDriver browser;

    @BeforeEach
    void profile() throws IOException {
        profile = Files.createTempDirectory("primary-chromium-");
    }

    @AfterEach
    void closeBrowser() throws IOException {
        quitBrowser();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

    @Test
    void an_administrator_licenses_and_acts_on_a_real_client_in_the_browser_and_a_viewer_is_refused() throws Exception {
        Vendor vendor = new Vendor(work.resolve("vendor"));
        ReleaseVendor releases = new ReleaseVendor(work.resolve("releases"));
        try (ServerProcess server = new ServerProcess(work.resolve("server"), vendor, "--release-key",
                        releases.publicKey().toString()).start();
                ClientProcess client = ClientProcess.deploy(server, work, COMPUTER, "--recorder-package-command",
                        "/bin/sh", "--recorder-package-arg", "{package}", "--recorder-package-arg", "{home}",
                        "--nudge-port", Integer.toString(FreePorts.next())).start("300ms", "4h")) {
            server.createAccount("ada", AccountRole.ADMINISTRATOR, PASSWORD);
            server.createAccount("vic", AccountRole.VIEWER, PASSWORD);
            AdminEndpoint endpoint = server.adminEndpoint();
            open(endpoint);

            browser.get(endpoint.url() + "/console/computers");
            assertThat(browser.getCurrentUrl()).endsWith("/console/login");
            screenshot("console-login.png");
            logIn("ada");

            Eventually.within(PATIENCE, () -> {
                browser.get(endpoint.url() + "/console/computers");
                assertThat(cell("recorder")).isEqualTo("V 0.0 (0000)");
                assertThat(cell("state")).startsWith("waiting");
            });

            // Manage Computers stays open in its tab, never reloaded (a mark on the page would not survive a reload),
            // while the license is imported and unlocked in another tab.
            String fleetTab = browser.getWindowHandle();
            browser.executeScript("document.body.dataset.kept = 'live'");
            browser.switchTo().newWindow(WindowType.TAB);
            browser.get(endpoint.url() + "/console/licenses");
            upload("license-file", vendor.license("CON-1", 3), "import-license");
            assertThat(browser.findElement(By.tagName("main")).getText()).contains("CON-1");
            String code = browser.findElement(By.id("code-CON-1")).getAttribute("value");
            upload("unlock-file", vendor.unlock(code), "import-unlock");
            Eventually.within(PATIENCE, () -> {
                browser.get(endpoint.url() + "/console/licenses");
                assertThat(browser.findElement(By.cssSelector("[data-summary=licenses]")).getText()).isEqualTo("3");
                assertThat(browser.findElement(By.cssSelector("[data-summary=used]")).getText()).isEqualTo("1");
            });
            screenshot("console-licenses.png");

            browser.switchTo().window(fleetTab);
            Eventually.within(PATIENCE, () -> {
                assertThat(cell("recorder")).isEqualTo("V 1.0 (0001)");
                assertThat(cell("state")).startsWith("licensed");
                assertThat(text(By.cssSelector("#summary [data-summary=used]"))).isEqualTo("1");
            });
            assertThat(browser.executeScript("return document.body.dataset.kept")).as("reloaded").isEqualTo("live");
            assertThat(client.state().state()).isEqualTo("licensed");
            // While the page is shown, a change made elsewhere arrives in its row through the page's event stream.
            server.adminSucceeds("group", "set", COMPUTER, "lab");
            Eventually.within(PATIENCE, () -> assertThat(cell("group")).isEqualTo("lab"));
            assertThat(browser.executeScript("return document.body.dataset.kept")).as("reloaded").isEqualTo("live");
            screenshot("console-computers.png");
            assertThat(browser.executeScript("return typeof htmx")).isEqualTo("object");
            assertThat(browser.executeScript("return performance.getEntriesByType('resource').map(r => r.name)"))
                    .asList().isNotEmpty().allSatisfy(url -> assertThat(url.toString()).startsWith(endpoint.url()));

            // The state filter swaps only the table (htmx), keeping the page: a marker set on the page survives.
            browser.executeScript("document.body.dataset.kept = 'yes'");
            new Select(browser.findElement(By.id("state"))).selectByValue("waiting");
            Eventually.within(PATIENCE, () -> assertThat(browser.findElement(By.id("computers")).getText())
                    .contains("No computer matches."));
            new Select(browser.findElement(By.id("state"))).selectByValue("licensed");
            Eventually.within(PATIENCE, () -> assertThat(cell("recorder")).isEqualTo("V 1.0 (0001)"));
            assertThat(browser.getCurrentUrl()).contains("state=licensed");
            assertThat(browser.executeScript("return document.body.dataset.kept")).isEqualTo("yes");

            releaseAndRollOut(endpoint, releases);
            browser.get(endpoint.url() + "/console/computers");
            row().findElement(By.tagName("a")).click();
            assertThat(browser.findElement(By.id("name")).getText()).contains(COMPUTER);
            // Licensed, it holds a seat: released, the seat is free until its next check-in (hours away); reserved,
            // the seat is kept for it.
            browser.findElement(By.id("action-release")).click();
            Eventually.within(PATIENCE, () -> assertThat(notice()).contains("Released the seat."));
            browser.findElement(By.id("action-reserve")).click();
            Eventually.within(PATIENCE, () -> assertThat(notice()).contains("Reserved a seat."));
            browser.findElement(By.id("action-revoke")).click();
            browser.findElement(By.id("revoke-reason")).sendKeys("left the company");
            browser.findElement(By.id("revoke-confirmed")).click();
            Eventually.within(PATIENCE, () -> assertThat(text(By.id("state"))).startsWith("revoked"));
            browser.findElement(By.id("action-reinstate")).click();
            Eventually.within(PATIENCE, () -> assertThat(text(By.id("state"))).doesNotStartWith("revoked"));
            String audit = browser.findElement(By.id("audit")).getText();
            assertThat(audit).contains("ada").contains("reserve").contains("release").contains("revoke")
                    .contains("reinstate");
            assertThat(server.adminSucceeds("audit")).contains("ada");
            screenshot("console-computer.png");
            // Every page visited so far opened its event stream; only the pages shown now may hold one (a browser has
            // six connections to a server over HTTP/1.1: streams left open by pages navigated away from stall it).
            // A page closes its stream when it is left; streams left open were found to last about a minute.
            int tabs = browser.getWindowHandles().size();
            Eventually.within(STREAM_CLOSED, () -> assertThat(openEventStreams(endpoint))
                    .as("event streams open with %d tabs", tabs).isBetween(1, tabs));

            // The audit page shows those actions under the account; its filter form is used from the keyboard alone.
            browser.findElement(By.linkText("Audit")).click();
            browser.findElement(By.id("actor")).sendKeys("ada", Keys.ENTER);
            Eventually.within(PATIENCE, () -> assertThat(browser.getCurrentUrl()).contains("actor=ada"));
            String trail = text(By.id("audit"));
            assertThat(trail).contains("seat.released").contains("seat.reserved").contains("computer.revoked")
                    .contains("computer.reinstated").contains(COMPUTER);
            assertThat(browser.findElements(By.cssSelector("#audit td.actor"))).isNotEmpty()
                    .allSatisfy(cell -> assertThat(cell.getText()).isEqualTo("ada"));
            screenshot("console-audit.png");
            Object csv = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "fetch(document.getElementById('audit-csv').href).then(r => r.text()).then(done, e => done('' + e))");
            assertThat(csv.toString()).startsWith("id,at,actor,action,subject,detail,source").contains(",ada,computer.revoked,");

            browser.findElement(By.id("logout")).click();
            logIn("vic");
            browser.get(endpoint.url() + "/console/computers");
            row().findElement(By.tagName("a")).click();
            Eventually.within(PATIENCE, () -> assertThat(text(By.id("role-hint"))).contains("viewer"));
            var before = server.computer(COMPUTER).state();
            browser.findElement(By.id("action-reserve")).click();
            Eventually.within(PATIENCE, () -> assertThat(text(By.tagName("body"))).contains("needs the role operator"));
            String token = server.adminSucceeds("account", "token", "create", "vic", "--expires", "1d").lines()
                    .findFirst().orElseThrow();
            Path tokenFile = Files.writeString(work.resolve("vic-token"), token + "\n");
            CommandResult refused = asAccount(endpoint, tokenFile, "computer", "reserve", COMPUTER);
            assertThat(refused.exitCode()).as(refused.toString()).isNotZero();
            assertThat(refused.toString()).contains("operator");
            assertThat(server.computer(COMPUTER).state()).isEqualTo(before);
            // The browser goes before the server, as a person closes the tab: its open event stream would otherwise
            // hold the server's graceful stop until its grace period ends.
            quitBrowser();
        }
    }

    /**
     * Adds release 1.1.0 through the page (its package streamed by the page's script), starts its rollout at 10%, which
     * leaves this computer out (its bucket for rollout 1 is 94), and raises it to 100% in another tab: the nudged
     * client checks in, and the first tab, never reloaded, shows the computer given the release.
     */
    private void releaseAndRollOut(AdminEndpoint endpoint, ReleaseVendor releases) {
        browser.get(endpoint.url() + "/console/releases");
        Path pkg = releases.goodRecorderPackage("1.1.0");
        browser.findElement(By.id("release-manifest")).sendKeys(releases.sign(pkg, "1.1.0").toAbsolutePath().toString());
        upload("release-package", pkg, "add");
        Eventually.within(PATIENCE, () -> assertThat(notice()).contains("Added the release."));
        browser.findElement(By.id("rollout-percent")).clear();
        browser.findElement(By.id("rollout-percent")).sendKeys("10");
        browser.findElement(By.id("start")).click();
        assertThat(text(By.id("confirm-rollout"))).contains("to 10% of all computers");
        browser.findElement(By.id("confirm-start")).click();
        Eventually.within(PATIENCE, () -> assertThat(notice()).contains("Started the rollout."));
        assertThat(text(By.cssSelector("#rollouts tr[data-rollout='1'] .computers"))).isEqualTo("0");

        String watching = browser.getWindowHandle();
        browser.executeScript("document.body.dataset.kept = 'counts'");
        browser.switchTo().newWindow(WindowType.TAB);
        browser.get(endpoint.url() + "/console/releases");
        browser.findElement(By.id("change-percent")).clear();
        browser.findElement(By.id("change-percent")).sendKeys("100");
        browser.findElement(By.id("set-percent")).click();
        Eventually.within(PATIENCE, () -> assertThat(notice()).contains("Changed the rollout's percent."));
        browser.close();

        browser.switchTo().window(watching);
        Eventually.within(PATIENCE, () -> {
            assertThat(text(By.cssSelector("#rollouts tr[data-rollout='1'] .computers"))).isEqualTo("1");
            assertThat(text(By.cssSelector("#rollouts tr[data-rollout='1'] .percent"))).isEqualTo("100%");
            assertThat(text(By.cssSelector("#releases tr .computers"))).isEqualTo("1");
        });
        assertThat(browser.executeScript("return document.body.dataset.kept")).as("reloaded").isEqualTo("counts");
        screenshot("console-releases.png");
    }

    /** The server's count of open event streams, from its metrics. */
    private static int openEventStreams(AdminEndpoint endpoint) throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(PinnedTls.trusting(new TlsPin(endpoint.tlsPin()))).build();
        String metrics = http.send(HttpRequest.newBuilder(URI.create(endpoint.url() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(line -> line.startsWith("primary_admin_event_streams "))
                .map(line -> (int) Double.parseDouble(line.substring(line.indexOf(' ') + 1).strip()))
                .findFirst().orElseThrow(() -> new AssertionError("no primary_admin_event_streams in the metrics"));
    }

    private void quitBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
        if (service != null) {
            service.stop();
            service = null;
        }
    }

    /** Chromium, headless, trusting the admin listener's key by its pin and nothing else beyond the system's. */
    private void open(AdminEndpoint endpoint) throws IOException {
        String spki = endpoint.tlsPin().substring("sha256/".length()).replace('-', '+').replace('_', '/') + "=";
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--ignore-certificate-errors-spki-list=" + spki);
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1400, 900));
        // An element looked for while its page still loads is waited for briefly, not missed; longer waits are the
        // callers' (Eventually), so a check that retries does not sit in this wait.
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    }

    private void logIn(String account) {
        Eventually.within(PATIENCE, () -> assertThat(browser.getCurrentUrl()).contains("/console/login"));
        browser.findElement(By.id("name")).sendKeys(account);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login")).click();
        // The form's answer is a navigation the browser makes on its own time: wait for it, not for the click.
        Eventually.within(PATIENCE, () -> assertThat(browser.getCurrentUrl())
                .as(browser.findElement(By.tagName("body")).getText()).doesNotContain("/console/login"));
    }

    private void upload(String input, Path file, String button) {
        browser.findElement(By.id(input)).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id(button)).click();
    }

    private WebElement row() {
        return browser.findElement(By.cssSelector("tr[data-computer$='" + COMPUTER + "']"));
    }

    private String cell(String className) {
        return row().findElement(By.className(className)).getText();
    }

    private String notice() {
        return text(By.id("main"));
    }

    private String text(By element) {
        return browser.findElement(element).getText();
    }

    private static CommandResult asAccount(AdminEndpoint endpoint, Path tokenFile, String... command) {
        String[] all = new String[command.length + 6];
        all[0] = "--url";
        all[1] = endpoint.url();
        all[2] = "--pin";
        all[3] = endpoint.tlsPin();
        all[4] = "--token-file";
        all[5] = tokenFile.toString();
        System.arraycopy(command, 0, all, 6, command.length);
        return InProcessCommand.capture((out, err) -> PrimaryAdminMain.run(out, err, all));
    }

    /** Saves the page as {@code docs/images/NAME} when run from this repository's {@code primary-it} module. */
    private void screenshot(String name) {
        Path images = Path.of("").toAbsolutePath().resolveSibling("docs").resolve("images");
        if (!Files.isDirectory(images.getParent())) {
            return;
        }
        try {
            Files.createDirectories(images);
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), images.resolve(name),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
