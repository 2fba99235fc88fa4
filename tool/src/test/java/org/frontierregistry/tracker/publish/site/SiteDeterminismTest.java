package org.frontierregistry.tracker.publish.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.TimeZone;
import org.frontierregistry.tracker.cli.ExitCodes;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.frontierregistry.tracker.testing.TempRegistry.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page is a pure function of the records and the options: no clock, no default locale or time zone. */
class SiteDeterminismTest {
    @TempDir
    Path folder;

    @Test
    void twoBuildsAndABuildUnderAnotherLocaleAndTimeZoneGiveTheSameBytes() throws IOException {
        TempRegistry registry = SiteFixtures.registry(folder.resolve("repo"));
        SiteOptions options = SiteOptions.defaults();
        byte[] first = Files.readAllBytes(SiteBuild.publish(registry, 9, options, folder.resolve("first")));
        byte[] second = Files.readAllBytes(SiteBuild.publish(registry, 9, options, folder.resolve("second")));
        byte[] foreign;
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            // Turkish dotless i, German month names and decimal commas, a day ahead of UTC.
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            foreign = Files.readAllBytes(SiteBuild.publish(registry, 9, options, folder.resolve("tr")));
            Locale.setDefault(Locale.GERMANY);
            TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
            assertArrayEquals(first, Files.readAllBytes(SiteBuild.publish(registry, 9, options, folder.resolve("de"))),
                    "index.html under de-DE / America/Los_Angeles");
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
        assertArrayEquals(first, second, "two builds of index.html");
        assertArrayEquals(first, foreign, "index.html under tr-TR / Pacific/Kiritimati");
    }

    @Test
    void theCommandLineDateAndRepositoryOptionsReachThePage() throws IOException {
        Path repo = TempRegistry.realRepository();
        Path out = folder.resolve("dist");

        Run run = Run.of("build", "--repo", repo.toString(), "--out", out.toString(), "--date", "2026-03-31",
                "--site-repo-url", "https://github.com/example-org/registry");

        assertEquals(ExitCodes.OK, run.exitCode(), run.all());
        String html = Files.readString(out.resolve(SitePage.FILE_NAME));
        assertEquals(true, html.contains("<time id=\"as-of\" datetime=\"2026-03-31\">31 March 2026</time>"));
        assertEquals(true, html.contains("https://github.com/example-org/registry/blob/main/models/"));
        assertEquals(true, run.out().contains("  index.html"), run.out());

        Run again = Run.of("build", "--repo", repo.toString(), "--out", folder.resolve("again").toString(),
                "--date", "2026-03-31", "--site-repo-url", "https://github.com/example-org/registry");
        assertArrayEquals(Files.readAllBytes(out.resolve(SitePage.FILE_NAME)),
                Files.readAllBytes(folder.resolve("again").resolve(SitePage.FILE_NAME)));
        Run otherDate = Run.of("build", "--repo", repo.toString(), "--out", folder.resolve("other").toString(),
                "--date", "2026-04-01");
        assertEquals(ExitCodes.OK, otherDate.exitCode(), otherDate.all());
        assertNotEquals(html, Files.readString(folder.resolve("other").resolve(SitePage.FILE_NAME)));
    }

    @Test
    void withoutADateTheAsOfDateComesFromTheRecordsNotTheClock() throws IOException {
        TempRegistry registry = SiteFixtures.registry(folder.resolve("repo"));
        String html = Files.readString(SiteBuild.publish(registry, 9, SiteOptions.defaults(), folder.resolve("dist")));

        assertEquals(true, html.contains("datetime=\"2025-07-02\""));
        assertEquals(LocalDate.of(2025, 7, 2), AsOfDate.newestIn(SiteBuild.records(registry, 9).records()).orElseThrow());
    }

    @Test
    void aRepositoryUrlThatIsNotAWebAddressIsAUsageError() {
        Path repo = TempRegistry.realRepository();

        Run run = Run.of("build", "--repo", repo.toString(), "--out", folder.resolve("dist").toString(),
                "--site-repo-url", "not a url");

        assertEquals(ExitCodes.USAGE, run.exitCode(), run.all());
        assertEquals(true, run.err().contains("--site-repo-url"), run.err());
        assertEquals(false, run.err().contains("Exception"), run.err());
        Run badDate = Run.of("build", "--repo", repo.toString(), "--date", "31/03/2026");
        assertEquals(ExitCodes.USAGE, badDate.exitCode(), badDate.all());
    }
}
