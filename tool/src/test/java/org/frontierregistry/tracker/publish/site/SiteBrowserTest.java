package org.frontierregistry.tracker.publish.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.apache.commons.csv.CSVRecord;
import org.frontierregistry.tracker.cli.ExitCodes;
import org.frontierregistry.tracker.publish.SpreadsheetSafe;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.frontierregistry.tracker.testing.TempRegistry.Run;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;

/**
 * The page in a real headless Chromium (Debian's chromium and chromium-driver), driven with Selenium:
 * the chart and the table agree with the published CSV, the filters, search, sorting and keyboard
 * expansion work, and the browser logs no error. Saves tool/target/site-screenshot.png.
 * Fails when Chromium is missing; set TRACKER_SKIP_BROWSER=1 to skip it on a machine without one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisabledIfEnvironmentVariable(named = "TRACKER_SKIP_BROWSER", matches = "1",
        disabledReason = "TRACKER_SKIP_BROWSER=1: the browser test of the site is skipped (no Chromium on this machine)")
class SiteBrowserTest {
    /** Debian's paths; -Dtracker.chromium / -Dtracker.chromedriver point elsewhere. */
    private static final Path CHROMIUM = Path.of(System.getProperty("tracker.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("tracker.chromedriver", "/usr/bin/chromedriver"));
    private static final String REPO_URL = "https://github.com/example-org/frontier-registry";

    @TempDir
    static Path folder;

    /** Selenium warns that it has no DevTools classes for this Chromium; the test does not use DevTools. */
    private static final java.util.logging.Logger CDP_LOG = quiet("org.openqa.selenium.devtools.CdpVersionFinder");

    private WebDriver driver;
    private Path page;
    private List<CSVRecord> csv;

    @BeforeAll
    void buildThePageAndStartTheBrowser() throws IOException {
        requireBrowser();
        TempRegistry registry = SiteFixtures.registry(folder.resolve("repo"));
        page = SiteBuild.publish(registry, 9, new SiteOptions(null, REPO_URL, null), folder.resolve("dist"));
        csv = SiteBuild.readCsv(page.resolveSibling("above_1e25_flop.csv"));
        driver = startChromium(folder.resolve("profile"), true);
    }

    @AfterAll
    void stopTheBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    static void requireBrowser() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The site test needs Debian's Chromium and its driver (" + CHROMIUM + ", " + CHROMEDRIVER + "). "
                    + "Install them with: apt-get update && apt-get install -y chromium chromium-driver "
                    + "(or set TRACKER_SKIP_BROWSER=1 to skip this test on a machine without a browser).");
        }
    }

    /** Chromium with the flags that keep it off the network; the given driver and browser, never a download. */
    static WebDriver startChromium(Path profile, boolean javascript) throws IOException {
        Files.createDirectories(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,1000", "--lang=en-US");
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    private void open() {
        load(page);
    }

    /**
     * Opens a page and waits until the browser has parsed all of it, its footer (the last element) included. Twice in
     * CI (1 December 2026) the real repository's page was read with only its first 35 of 67 published rows: the
     * browser had handed back a document it was still parsing.
     */
    private void load(Path file) {
        driver.get(file.toUri().toString());
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (driver.findElements(By.cssSelector("body > footer")).isEmpty()
                || !"complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState"))) {
            if (System.nanoTime() > deadline) {
                fail("the browser did not finish reading " + file);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting for " + file);
            }
        }
    }

    // ---- the chart and the table agree with the CSV -------------------------------------------------

    @Test
    void theChartHasOnePointPerPublishedModel() {
        open();
        List<String> points = driver.findElements(By.cssSelector("svg.chart g.point")).stream()
                .map(p -> p.getAttribute("data-id")).toList();

        assertEquals(csvIds(), points);
        WebElement atlas = driver.findElement(By.cssSelector("svg.chart g.point[data-id='atlas-1']"));
        assertTrue(atlas.isDisplayed());
        assertEquals("Atlas 1: 2.1e+25 FLOP, above, published 2023-03-14",
                atlas.findElement(By.tagName("title")).getAttribute("textContent"), "the hover tooltip");
        assertNoConsoleErrors();
    }

    @Test
    void theTableRowsMatchThePublishedCsv() {
        open();
        List<WebElement> bodies = modelBodies();

        assertEquals(csv.size(), bodies.size());
        for (int i = 0; i < csv.size(); i++) {
            CSVRecord row = csv.get(i);
            WebElement body = bodies.get(i);
            assertEquals(row.get("id"), body.getAttribute("data-id"));
            assertEquals(row.get("Model"), SpreadsheetSafe.text(body.findElement(By.cssSelector("th.name")).getText()));
            assertEquals(Arrays.asList(row.get("Organization").split(",")),
                    Arrays.asList(body.findElement(By.cssSelector("td.org")).getText().split(", ")));
            assertEquals(row.get("Publication date"), body.findElement(By.cssSelector("td.date")).getText());
            assertEquals(row.get("Training compute (FLOP)"), body.findElement(By.cssSelector("td.flop")).getText());
            assertEquals(row.get("Confidence"), body.findElement(By.cssSelector("td.confidence")).getText());
            assertEquals(row.get("status").replace('_', ' '),
                    body.findElement(By.cssSelector("td.status")).getText().toLowerCase(java.util.Locale.ROOT));
        }
        assertEquals(SiteFixtures.HOSTILE_NAME, driver.findElement(By.cssSelector("#model-echo th.name")).getText());
        assertThrowsNoAlert();
        assertEquals("Showing 6 of 6 models", driver.findElement(By.id("shown")).getText());
        assertNoConsoleErrors();
    }

    // ---- filters and search --------------------------------------------------------------------------

    @Test
    void filteringByOrganisationShowsOnlyThatDevelopersModelsAndDimsTheOthersInTheChart() {
        open();
        new Select(driver.findElement(By.id("filter-org"))).selectByValue("Polar AI");

        List<String> expected = csv.stream()
                .filter(r -> Arrays.asList(r.get("Organization").split(",")).contains("Polar AI"))
                .map(r -> r.get("id")).toList();
        assertEquals(List.of("borealis-ultra", "delta-mix"), expected, "fixture sanity: a developer with two models");
        assertEquals(expected, visibleIds());
        assertEquals("Showing 2 of 6 models", driver.findElement(By.id("shown")).getText());
        assertEquals(csv.size() - expected.size(), driver.findElements(By.cssSelector("svg.chart g.point.dimmed")).size());
        assertNoConsoleErrors();
    }

    @Test
    void filteringByStatusAndCombiningFiltersNarrowTheRows() {
        open();
        Select status = new Select(driver.findElement(By.id("filter-status")));
        status.selectByValue("likely_above");

        assertEquals(idsWhere(r -> r.get("status").equals("likely_above")), visibleIds());
        assertEquals(List.of("cirrus-2", "echo"), visibleIds());

        status.selectByValue("above");
        new Select(driver.findElement(By.id("filter-org"))).selectByValue("Northwind Labs");
        assertEquals(List.of("atlas-1"), visibleIds(), "Northwind's one model that is surely above");

        new Select(driver.findElement(By.id("filter-org"))).selectByValue("");
        status.selectByValue("");
        assertEquals(csvIds(), visibleIds(), "clearing the filters shows every row again");
        assertNoConsoleErrors();
    }

    @Test
    void theSearchBoxMatchesNamesAndDevelopersCaseInsensitively() {
        open();
        WebElement search = driver.findElement(By.id("search"));
        search.sendKeys("MIX");
        assertEquals(List.of("delta-mix"), visibleIds());

        search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        search.sendKeys("harbor");
        assertEquals(List.of("delta-mix", "fjord-3"), visibleIds(), "Harbor Research's models, by developer name");

        search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        search.sendKeys("no such model");
        assertEquals(List.of(), visibleIds());
        assertEquals("Showing 0 of 6 models", driver.findElement(By.id("shown")).getText());
        assertNoConsoleErrors();
    }

    // ---- sorting -------------------------------------------------------------------------------------

    @Test
    void clickingAColumnHeadingSortsAndClickingAgainReverses() {
        open();
        WebElement computeHeading = driver.findElement(By.cssSelector("#published-table th[data-sort='flop']"));
        computeHeading.findElement(By.tagName("button")).click();

        List<String> ascending = csv.stream()
                .sorted(Comparator.comparingDouble((CSVRecord r) -> Double.parseDouble(r.get("Training compute (FLOP)"))))
                .map(r -> r.get("id")).toList();
        assertEquals(ascending, visibleIds());
        assertEquals("ascending", computeHeading.getAttribute("aria-sort"));

        computeHeading.findElement(By.tagName("button")).click();
        List<String> descending = new ArrayList<>(ascending);
        java.util.Collections.reverse(descending);
        assertEquals(descending, visibleIds());
        assertEquals("descending", computeHeading.getAttribute("aria-sort"));
        assertNull(driver.findElement(By.cssSelector("#published-table th[data-sort='date']")).getAttribute("aria-sort"),
                "only the sorted column says how it is sorted");

        driver.findElement(By.cssSelector("#published-table th[data-sort='name'] button")).click();
        List<String> byName = csv.stream()
                .sorted(Comparator.comparing((CSVRecord r) -> modelName(r).toLowerCase(java.util.Locale.ROOT)))
                .map(r -> r.get("id")).toList();
        assertEquals(byName, visibleIds());
        assertNoConsoleErrors();
    }

    // ---- keyboard ------------------------------------------------------------------------------------

    @Test
    void aRowExpandsToItsWorkingFromTheKeyboard() {
        open();
        driver.findElement(By.id("search")).click();
        WebElement firstSummary = driver.findElement(By.cssSelector("#published-table tbody.model summary"));
        Actions keys = new Actions(driver);
        for (int presses = 0; presses < 40 && !firstSummary.equals(driver.switchTo().activeElement()); presses++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertEquals(firstSummary, driver.switchTo().activeElement(), "Tab reaches the first row's working");

        WebElement details = driver.findElement(By.cssSelector("#model-atlas-1 details"));
        WebElement reasoning = details.findElement(By.cssSelector(".reasoning"));
        assertFalse(reasoning.isDisplayed(), "closed until asked");
        keys.sendKeys(Keys.ENTER).perform();

        assertNotEquals(null, details.getAttribute("open"));
        assertTrue(reasoning.isDisplayed());
        String notes = csv.get(0).get("Training compute notes");
        assertTrue(notes.endsWith(reasoning.getText()), "the reasoning is the one in the CSV: " + notes);
        assertEquals(REPO_URL + "/blob/main/models/atlas-1.yaml",
                details.findElement(By.cssSelector(".yaml-link a")).getAttribute("href"));

        keys.sendKeys(Keys.SPACE).perform();
        assertNull(details.getAttribute("open"), "Space closes it again");
        assertNoConsoleErrors();
    }

    // ---- the browser's own log -----------------------------------------------------------------------

    @Test
    void aConsoleErrorWouldBeSeen() {
        open();
        ((JavascriptExecutor) driver).executeScript("console.error('probe: the log reaches the test')");

        List<LogEntry> entries = driver.manage().logs().get(LogType.BROWSER).getAll();

        assertTrue(entries.stream().anyMatch(e -> e.getLevel().equals(Level.SEVERE) && e.getMessage().contains("probe")),
                "the check for console errors can fail: " + entries);
    }

    // ---- without JavaScript, the real repository, the screenshot ---------------------------------------

    @Test
    void withoutJavaScriptTheChartAndEveryRowAreStillThere() throws IOException {
        WebDriver plain = startChromium(folder.resolve("profile-nojs"), false);
        try {
            plain.get(page.toUri().toString());
            assertEquals(csv.size(), plain.findElements(By.cssSelector("svg.chart g.point")).size());
            long shownRows = plain.findElements(By.cssSelector("#published-table tbody.model th.name")).stream()
                    .filter(WebElement::isDisplayed).count();
            assertEquals(csv.size(), shownRows);
            assertFalse(plain.findElement(By.id("controls")).isDisplayed(), "no dead controls without the script");
            assertTrue(plain.findElements(By.cssSelector("thead button")).isEmpty());
        } finally {
            plain.quit();
        }
    }

    @Test
    void theRealRepositoryBuildsToAPageThatMatchesItsCsv() throws IOException {
        Path out = folder.resolve("repository-dist");
        Run run = Run.of("build", "--repo", TempRegistry.realRepository().toString(), "--out", out.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.all());
        List<CSVRecord> published = SiteBuild.readCsv(out.resolve("above_1e25_flop.csv"));

        load(out.resolve(SitePage.FILE_NAME));

        List<String> ids = published.stream().map(r -> r.get("id")).toList();
        assertEquals(ids, modelBodies().stream().map(b -> b.getAttribute("data-id")).toList());
        List<String> withCompute = published.stream().filter(r -> !r.get("Training compute (FLOP)").isEmpty())
                .map(r -> r.get("id")).toList();
        assertEquals(withCompute, driver.findElements(By.cssSelector("svg.chart g.point")).stream()
                .map(p -> p.getAttribute("data-id")).toList());
        assertEquals(Integer.toString(published.size()), driver.findElement(By.id("count-models")).getText());
        assertNoConsoleErrors();
        screenshot(TempRegistry.realRepository().resolve("tool/target/site-screenshot-repository.png"));
    }

    @Test
    void aScreenshotIsSavedAsATestArtifact() throws IOException {
        open();
        driver.findElement(By.cssSelector("#model-delta-mix summary")).click();
        Path file = TempRegistry.realRepository().resolve("tool/target/site-screenshot.png");

        screenshot(file);

        byte[] png = Files.readAllBytes(file);
        assertTrue(png.length > 10_000, "a real picture, not an empty one");
        assertEquals(0L, ((JavascriptExecutor) driver).executeScript(
                "return document.querySelector('#published .table-wrap').scrollWidth - document.querySelector('#published .table-wrap').clientWidth"),
                "at 1280 px the table fits without a horizontal scroll bar");
        assertEquals(0x89, png[0] & 0xff);
        assertEquals('P', png[1]);
        assertNoConsoleErrors();
    }

    private void screenshot(Path file) throws IOException {
        Dimension before = driver.manage().window().getSize();
        long height = (Long) ((JavascriptExecutor) driver)
                .executeScript("return Math.ceil(document.documentElement.scrollHeight)");
        driver.manage().window().setSize(new Dimension(1280, (int) Math.min(height + 120, 6000)));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private List<WebElement> modelBodies() {
        return driver.findElements(By.cssSelector("#published-table tbody.model"));
    }

    private List<String> visibleIds() {
        return modelBodies().stream()
                .filter(b -> b.findElement(By.cssSelector("th.name")).isDisplayed())
                .map(b -> b.getAttribute("data-id")).toList();
    }

    private List<String> csvIds() {
        return csv.stream().map(r -> r.get("id")).toList();
    }

    private List<String> idsWhere(java.util.function.Predicate<CSVRecord> test) {
        return csv.stream().filter(test).map(r -> r.get("id")).toList();
    }

    private static String modelName(CSVRecord row) {
        String name = row.get("Model");
        return name.startsWith("'") ? name.substring(1) : name;
    }

    private void assertThrowsNoAlert() {
        try {
            driver.switchTo().alert();
            fail("a script in the record text ran and opened an alert");
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
    }

    private void assertNoConsoleErrors() {
        List<LogEntry> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .toList();
        assertEquals(List.of(), errors, "the browser logged warnings or errors");
    }
}
