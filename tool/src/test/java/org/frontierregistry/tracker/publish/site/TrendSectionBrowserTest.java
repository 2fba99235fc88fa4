package org.frontierregistry.tracker.publish.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import org.frontierregistry.tracker.cli.ExitCodes;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.frontierregistry.tracker.testing.TempRegistry.Run;
import org.frontierregistry.tracker.trend.Rounded;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The trends section in a real headless Chromium: the cumulative chart's marks carry, and are drawn at, the numbers
 * of {@code tracker stats --trends --format json} for the same records and day, and the sentence gives the same
 * growth rates. Saves tool/target/site-trends-screenshot.png. Needs Chromium like {@link SiteBrowserTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisabledIfEnvironmentVariable(named = "TRACKER_SKIP_BROWSER", matches = "1",
        disabledReason = "TRACKER_SKIP_BROWSER=1: the browser test of the site is skipped (no Chromium on this machine)")
class TrendSectionBrowserTest {
    @TempDir
    static Path folder;

    private WebDriver driver;

    @BeforeAll
    void startTheBrowser() throws IOException {
        SiteBrowserTest.requireBrowser();
        driver = SiteBrowserTest.startChromium(folder.resolve("profile"), true);
    }

    @AfterAll
    void stopTheBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void theChartsPointsAndTheSentenceMatchTheJsonOfStatsTrends() throws IOException {
        TempRegistry registry = SiteFixtures.registry(folder.resolve("repo"));
        Path page = SiteBuild.publish(registry, 9, SiteOptions.defaults(), folder.resolve("dist"));
        driver.get(page.toUri().toString());

        JsonNode json = statsTrends(registry.root());

        assertChartMatches(json);
        assertEquals(List.of("iris"), List.of(json.get("not_counted").get(0).asText()), "no estimate, so not counted");
        assertNoConsoleErrors();
    }

    @Test
    void theRealRepositorysPageMatchesItsJsonToo() throws IOException {
        Path out = folder.resolve("repository-dist");
        Run run = Run.of("build", "--repo", TempRegistry.realRepository().toString(), "--out", out.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.all());
        driver.get(out.resolve(SitePage.FILE_NAME).toUri().toString());

        assertChartMatches(statsTrends(TempRegistry.realRepository()));
        assertNoConsoleErrors();
        screenshotOfTheSection(TempRegistry.realRepository().resolve("tool/target/site-trends-screenshot.png"));
    }

    /** The JSON for the page's own as-of day, which the page shows in its headline. */
    private JsonNode statsTrends(Path repo) throws IOException {
        String asOf = driver.findElement(By.id("as-of")).getAttribute("datetime");
        Run run = Run.of("stats", "--trends", "--format", "json", "--today", asOf, "--repo", repo.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.all());
        return new ObjectMapper().readTree(run.out());
    }

    private void assertChartMatches(JsonNode json) {
        List<WebElement> marks = driver.findElements(By.cssSelector("svg.trend-chart g.quarter"));
        JsonNode quarters = json.get("quarters");
        assertTrue(quarters.size() > 1, "enough quarters to test: " + quarters);
        assertEquals(quarters.size(), marks.size());
        double zero = tickY("0");
        List<WebElement> ticks = driver.findElements(By.cssSelector("svg.trend-chart text.tick[text-anchor='end']"));
        WebElement topTick = ticks.get(ticks.size() - 1);
        double topValue = Double.parseDouble(topTick.getAttribute("textContent"));
        double topY = Double.parseDouble(topTick.getAttribute("y")) - 4;
        for (int i = 0; i < marks.size(); i++) {
            WebElement mark = marks.get(i);
            JsonNode q = quarters.get(i);
            assertEquals(q.get("quarter").asText(), mark.getAttribute("data-quarter"));
            double expected = q.get("cumulative_expected").asDouble();
            assertEquals(expected, Double.parseDouble(mark.getAttribute("data-expected")), 1e-9, q.toString());
            assertEquals(q.get("cumulative_low").asInt(), Integer.parseInt(mark.getAttribute("data-low")));
            assertEquals(q.get("cumulative_high").asInt(), Integer.parseInt(mark.getAttribute("data-high")));
            assertEquals(q.get("in_fit").asBoolean(), !mark.getAttribute("class").contains("not-fitted"), q.toString());
            // Drawn at that height on the chart's own axis (to the 0.1 unit the SVG is written with).
            double cy = Double.parseDouble(mark.findElement(By.tagName("circle")).getAttribute("cy"));
            assertEquals(zero - expected / topValue * (zero - topY), cy, 0.11, q.toString());
            assertTrue(mark.findElement(By.tagName("title")).getAttribute("textContent")
                    .startsWith(q.get("quarter").asText() + ": " + Rounded.countText(expected) + " models expected"));
        }
        String sentence = driver.findElement(By.id("trend-growth")).getText();
        for (String growth : List.of("frontier_compute_growth", "count_growth")) {
            JsonNode g = json.get(growth);
            assertTrue(sentence.contains("grew about " + Rounded.factorText(g.get("per_year").asDouble()) + " a year (90% interval "
                    + Rounded.factorText(g.get("low").asDouble()) + " to " + Rounded.factorText(g.get("high").asDouble())), sentence);
        }
        assertTrue(driver.findElement(By.id("trend-projection")).getText().startsWith("Projection, if the count trend holds (not a forecast)"));
        assertTrue(driver.findElement(By.cssSelector("svg.trend-chart")).isDisplayed());
    }

    private double tickY(String label) {
        return driver.findElements(By.cssSelector("svg.trend-chart text.tick[text-anchor='end']")).stream()
                .filter(t -> t.getAttribute("textContent").equals(label))
                .mapToDouble(t -> Double.parseDouble(t.getAttribute("y")) - 4).findFirst().orElseThrow();
    }

    private void screenshotOfTheSection(Path file) throws IOException {
        ((JavascriptExecutor) driver).executeScript("document.getElementById('trends').scrollIntoView()");
        Files.createDirectories(file.getParent());
        Files.write(file, driver.findElement(By.id("trends")).getScreenshotAs(OutputType.BYTES));
        assertTrue(Files.size(file) > 10_000, "a real picture");
    }

    private void assertNoConsoleErrors() {
        List<LogEntry> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .toList();
        assertEquals(List.of(), errors, "the browser logged warnings or errors");
    }
}
