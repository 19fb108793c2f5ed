package dev.pvw.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pvw.testing.CliResult;
import dev.pvw.testing.TestingDemo;
import dev.pvw.testing.TestingWarehouse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code pvw serve} end to end: the real executable serves the demo warehouse; its CSV and JSON give what
 * {@code pvw query} prints, bad requests get a 400 sentence, a run holding the DuckDB file gets a 503 sentence, and in
 * headless Chromium the page shows the same numbers while the question, grain, window and postcodes change.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServeIT {
    private static final Pattern SERVING = Pattern.compile("Serving (\\S+) at (http://\\S+/)");
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final String WAREHOUSE = "jdbc:duckdb:" + DemoCommand.DATABASE_FILE;

    /** The window the browser test picks, as pvw query's arguments. */
    private static final String[] MORNING = {
        "--grain", "hour", "--from", "2026-01-09T06:00:00", "--to", "2026-01-09T12:00:00"
    };

    /** Debian's packages, which .ci/run installs. */
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Path directory;

    private PvwProcess serve;
    private URI page;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    void serveTheDemo(@TempDir Path directory) throws Exception {
        this.directory = directory;
        // The demo, built once per test JVM (TestingDemo), copied here as demo.duckdb.
        assertThat(TestingDemo.run().result().exitCode()).isZero();
        TestingDemo.run().copyInto(directory);
        serve = PvwProcess.start(directory, "serve", "--warehouse", WAREHOUSE, "serve", "--port", "0");
        Matcher serving = SERVING.matcher(serve.awaitLine(SERVING, STARTUP));
        assertThat(serving.find()).isTrue();
        page = URI.create(serving.group(2));
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (serve != null) {
            serve.close();
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "question=current&grain=day | current --grain day",
                "question=at-view&grain=hour | at-view --grain hour",
                "question=current&grain=week&postcode=sw19 | current --grain week --postcode sw19",
                "question=at-view&grain=hour&from=2026-01-08T03:00:00&to=2026-01-09 | at-view --grain hour"
                        + " --from 2026-01-08T03:00:00 --to 2026-01-09",
                "question=current&grain=month&from=2026-01-09 | current --grain month --from 2026-01-09",
                "question=at-view&grain=year&postcode=NOWHERE | at-view --grain year --postcode NOWHERE"
            })
    void theCsvDownloadIsWhatPvwQueryPrints(String parameters, String queryArguments) throws Exception {
        HttpResponse<String> response = get("api/csv?" + parameters);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
        assertThat(response.body()).isEqualTo(query(queryArguments.split(" ")));
    }

    @Test
    void theChartAndItsDownloadsGiveWhatPvwQueryPrintsForTheBusiestPostcodes() throws Exception {
        JsonNode chart = getJson("api/chart?question=both&grain=hour&from=2026-01-09T00:00:00&top=3");

        List<String> postcodes = texts(chart.get("postcodes"));
        assertThat(postcodes).hasSize(3);
        assertThat(chart.get("busiest").asBoolean()).isTrue();
        for (JsonNode series : chart.get("series")) {
            String question = series.get("question").asText();
            String postcode = series.get("postcode").asText();
            Map<String, Long> expected = csvRows(
                            query(question, "--grain", "hour", "--from", "2026-01-09T00:00:00", "--postcode", postcode))
                    .stream()
                    .collect(Collectors.toMap(row -> row.get(0), row -> Long.parseLong(row.get(2))));
            List<String> periods = texts(chart.get("periods"));
            for (int index = 0; index < periods.size(); index++) {
                assertThat(series.get("pageviews").get(index).asLong())
                        .as("%s %s at %s", question, postcode, periods.get(index))
                        .isEqualTo(expected.getOrDefault(periods.get(index), 0L));
            }
        }
        // The busiest by current postcode, as pvw demo ranks them.
        List<List<String>> year = csvRows(query("current", "--grain", "year", "--from", "2026-01-09T00:00:00"));
        List<String> busiest = year.stream()
                .filter(row -> !row.get(1).isEmpty())
                .sorted((left, right) -> Long.compare(Long.parseLong(right.get(2)), Long.parseLong(left.get(2))))
                .limit(3)
                .map(row -> row.get(1))
                .toList();
        assertThat(postcodes).isEqualTo(busiest);
        for (JsonNode download : chart.get("downloads")) {
            assertThat(get(download.get("href").asText()).body())
                    .as(download.get("command").asText())
                    .isEqualTo(query(download.get("command")
                            .asText()
                            .replaceFirst("^pvw query ", "")
                            .replace(" --format csv", "")
                            .split(" ")));
        }
    }

    @Test
    void thePostcodeViewShowsBothAnswersAndTheirDifference() throws Exception {
        JsonNode history = getJson("api/postcode?postcode=%20e14&grain=day");

        assertThat(history.get("postcode").asText()).isEqualTo("E14");
        Map<String, Long> current = byPeriod(query("current", "--grain", "day", "--postcode", "E14"));
        Map<String, Long> atView = byPeriod(query("at-view", "--grain", "day", "--postcode", "E14"));
        List<String> periods = texts(history.get("periods"));
        assertThat(periods)
                .containsExactlyElementsOf(Stream.concat(current.keySet().stream(), atView.keySet().stream())
                        .distinct()
                        .sorted()
                        .toList());
        for (int index = 0; index < periods.size(); index++) {
            long expectedCurrent = current.getOrDefault(periods.get(index), 0L);
            long expectedAtView = atView.getOrDefault(periods.get(index), 0L);
            assertThat(history.get("current").get(index).asLong()).isEqualTo(expectedCurrent);
            assertThat(history.get("atView").get(index).asLong()).isEqualTo(expectedAtView);
            assertThat(history.get("difference").get(index).asLong()).isEqualTo(expectedCurrent - expectedAtView);
        }
    }

    @Test
    void theStatusStripCarriesTheHealthCheckOfStatusCheck() throws Exception {
        JsonNode status = getJson("api/status");

        // The page checks as of now, on the real clock.
        String now = LocalDateTime.now(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        CliResult check = pvw("--warehouse", WAREHOUSE, "status", "--check", "--as-of", now);
        assertThat(status.get("healthy").asBoolean()).isEqualTo(check.exitCode() == 0);
        // Both judge as of now; the ages in the sentences may differ by the seconds between the two calls.
        assertThat(status.get("health").size()).isEqualTo(check.out().lines().count());
        assertThat(status.get("lastHour").asText()).isNotEmpty();
        assertThat(status.get("warehouse").asText()).contains(DemoCommand.DATABASE_FILE);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "api/chart?grain=minute | Unknown grain 'minute'; use hour, day, week, month or year.",
                "api/chart?question=both&question=current | Parameter 'question' is given twice; give it once.",
                "api/chart?question=sideways | Unknown question 'sideways'; use current, at-view or both.",
                "api/chart?from=yesterday | 'yesterday' is not a timestamp for 'from'; write it as"
                        + " 2026-01-02T00:05:00 (UTC, no zone).",
                "api/chart?from=2026-01-09&to=2026-01-08 | The window is empty: 'from' (2026-01-09T00:00) must be"
                        + " before 'to' (2026-01-08T00:00).",
                "api/chart?top=0 | 'top' must be a whole number from 1 to 20, not '0'.",
                "api/chart?postcodes=A,B,C,D,E,F,G,H,I,J,K,L,M,N,O,P,Q,R,S,T,U | Too many postcodes (21); choose at"
                        + " most 20.",
                "api/chart?postcodes=x%27%20OR%201%3D1%20--%20xxxxxxxxxxxxxxxxxxxx | 'x' OR 1=1 --"
                        + " xxxxxxxxxxxxxxxxxxxx' is not a postcode: at most 32 printable characters.",
                "api/postcode?grain=day | Parameter 'postcode' is missing; give the postcode to show, such as SW19.",
                "api/csv?question=both | Unknown question 'both'; use current or at-view.",
                "api/status?debug=1 | Unknown parameter 'debug'; this page takes no parameters.",
                "api/postcode?postcode=SW19&top=3 | Unknown parameter 'top'; this page takes from, grain, postcode,"
                        + " to."
            })
    void aBadRequestGetsA400WithOneSentence(String path, String sentence) throws Exception {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(sentence + "\n");
    }

    @Test
    void aBindParameterPostcodeThatLooksLikeSqlMatchesNothing() throws Exception {
        HttpResponse<String> response = get("api/csv?question=current&postcode=%27%20OR%20%271%27%3D%271");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("period_start,postcode,pageviews\n");
    }

    @Test
    void thePageOnlyReads() throws Exception {
        HttpResponse<String> posted = http.send(
                HttpRequest.newBuilder(page.resolve("api/chart"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unknown = get("admin");

        assertThat(posted.statusCode()).isEqualTo(405);
        assertThat(posted.body()).isEqualTo("This page only reads: use GET.\n");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(page.getHost()).as("loopback unless told otherwise").isEqualTo("127.0.0.1");
    }

    @Test
    void aRunHoldingTheFileGetsA503SentenceAndThePageAnswersAgainOnceItIsDone() throws Exception {
        Path resume = directory.resolve("resume-run");
        try (PvwProcess run = PvwProcess.start(
                directory,
                "held-run",
                List.of(),
                AbstractKillIT.pauseAt("started", resume),
                "--warehouse",
                WAREHOUSE,
                "run",
                "--as-of",
                "2026-01-10T12:05:00")) {
            run.awaitLine(Pattern.compile("Test hook: paused at started$"), STARTUP);
            long started = System.nanoTime();
            HttpResponse<String> busy = get("api/chart");
            long waitedMillis = (System.nanoTime() - started) / 1_000_000;

            assertThat(busy.statusCode()).as(busy.body()).isEqualTo(503);
            assertThat(busy.body())
                    .startsWith("Another process is using warehouse jdbc:duckdb:")
                    .endsWith("; try again when it has finished, or give --lock-wait more seconds.\n")
                    .doesNotContain("\n\n");
            assertThat(busy.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(waitedMillis)
                    .as("waits about %s, then answers", ServeCommand.REQUEST_LOCK_WAIT)
                    .isBetween(ServeCommand.REQUEST_LOCK_WAIT.toMillis(), 30_000L);

            Files.createFile(resume);
            assertThat(run.waitFor(STARTUP)).as(run.describe()).isZero();
        }
        assertThat(get("api/chart").statusCode()).isEqualTo(200);
    }

    @Test
    void theBrowserShowsWhatPvwQueryPrintsWhileTheQuestionGrainAndPostcodesChange() throws Exception {
        WebDriver browser = chromium();
        try {
            browser.get(page.toString());
            awaitShown(browser, 0);
            screenshot(browser, "serve-postcodes.png");
            // Both questions by day for the 5 busiest: each column is one pvw query's rows.
            assertTableMatches(browser, List.of("current", "at-view"), "--grain", "day");

            int shown = shownCount(browser);
            new Select(browser.findElement(By.id("question"))).selectByValue("at-view");
            shown = awaitShown(browser, shown);
            new Select(browser.findElement(By.id("grain"))).selectByValue("hour");
            shown = awaitShown(browser, shown);
            browser.findElement(By.id("from")).sendKeys(MORNING[3]);
            browser.findElement(By.id("to")).sendKeys(MORNING[5]);
            browser.findElement(By.id("show")).click();
            shown = awaitShown(browser, shown);
            assertTableMatches(browser, List.of("at-view"), MORNING);

            browser.findElement(By.id("search")).sendKeys("m20");
            browser.findElement(By.id("add")).click();
            shown = awaitShown(browser, shown);
            assertThat(browser.findElements(By.cssSelector("#chosen .chip")))
                    .extracting(chip -> chip.getDomAttribute("data-postcode"))
                    .containsExactly("M20");
            assertThat(column(browser, "postcode")).containsOnly("M20");
            assertTableMatches(browser, List.of("at-view"), MORNING);
            String csvLink =
                    browser.findElement(By.cssSelector("#downloads a.csv")).getDomAttribute("href");
            assertThat(get(csvLink).body())
                    .isEqualTo(query(Stream.of(Stream.of("at-view"), Stream.of(MORNING), Stream.of("--postcode", "M20"))
                            .flatMap(arguments -> arguments)
                            .toArray(String[]::new)));

            browser.findElement(By.cssSelector("#table td[data-column=postcode] a"))
                    .click();
            shown = awaitShown(browser, shown);
            new Select(browser.findElement(By.id("grain"))).selectByValue("day");
            browser.findElement(By.id("from")).clear();
            browser.findElement(By.id("to")).clear();
            browser.findElement(By.id("show")).click();
            awaitShown(browser, shown);
            screenshot(browser, "serve-one-postcode.png");
            Map<String, Long> current = byPeriod(query("current", "--grain", "day", "--postcode", "M20"));
            Map<String, Long> atView = byPeriod(query("at-view", "--grain", "day", "--postcode", "M20"));
            List<String> periods = column(browser, "period_start");
            assertThat(periods).isNotEmpty();
            assertThat(numbers(column(browser, "current")))
                    .isEqualTo(periods.stream()
                            .map(period -> current.getOrDefault(period, 0L))
                            .toList());
            assertThat(numbers(column(browser, "at-view")))
                    .isEqualTo(periods.stream()
                            .map(period -> atView.getOrDefault(period, 0L))
                            .toList());
            assertThat(numbers(column(browser, "difference")))
                    .isEqualTo(periods.stream()
                            .map(period -> current.getOrDefault(period, 0L) - atView.getOrDefault(period, 0L))
                            .toList());
            assertThat(browser.findElement(By.id("status")).getText()).contains("Last hour loaded: 2026-01-");
            assertThat(browser.findElement(By.id("error")).isDisplayed()).isFalse();
        } finally {
            browser.quit();
        }
    }

    /** The table's rows equal, question by question, what pvw query prints for the shown postcodes. */
    private void assertTableMatches(WebDriver browser, List<String> questions, String... arguments) {
        List<String> periods = column(browser, "period_start");
        List<String> postcodes = column(browser, "postcode");
        assertThat(periods).isNotEmpty();
        Set<String> shown = Set.copyOf(postcodes);
        for (String question : questions) {
            List<String> expected = new ArrayList<>(List.of(question));
            expected.addAll(Arrays.asList(arguments));
            Map<String, Long> rows = csvRows(query(expected.toArray(String[]::new))).stream()
                    .filter(row -> shown.contains(row.get(1)))
                    .collect(Collectors.toMap(row -> row.get(0) + " " + row.get(1), row -> Long.parseLong(row.get(2))));
            List<Long> values = numbers(column(browser, question));
            Map<String, Long> onPage = new HashMap<>();
            for (int index = 0; index < periods.size(); index++) {
                if (values.get(index) != 0) {
                    onPage.put(periods.get(index) + " " + postcodes.get(index), values.get(index));
                }
            }
            assertThat(onPage)
                    .as("%s %s", question, String.join(" ", arguments))
                    .isEqualTo(rows);
        }
    }

    private WebDriver chromium() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        assumeTrue(
                installed || System.getenv("CI") != null,
                "Chromium is not installed (apt-get install chromium chromium-driver); the browser test needs it,"
                        + " and runs always when CI is set");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,1000",
                "--user-data-dir=" + directory.resolve("chromium-profile-" + System.nanoTime()));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    private static int shownCount(WebDriver browser) {
        String shown = browser.findElement(By.tagName("body")).getDomAttribute("data-shown");
        return shown == null ? 0 : Integer.parseInt(shown);
    }

    /**
     * Waits until the page has drawn the answer to its latest request, after the {@code shown}th answer, and returns
     * the new count of answers drawn.
     */
    private static int awaitShown(WebDriver browser, int shown) {
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(driver -> shownCount(driver) > shown
                        && "ready".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-state")));
        assertThat(browser.findElement(By.id("error")).getText()).isEmpty();
        return shownCount(browser);
    }

    private static List<String> column(WebDriver browser, String key) {
        return texts(browser, "#table tbody td[data-column='" + key + "']");
    }

    private static List<String> texts(WebDriver browser, String selector) {
        return browser.findElements(By.cssSelector(selector)).stream()
                .map(WebElement::getText)
                .toList();
    }

    private static List<Long> numbers(List<String> texts) {
        return texts.stream().map(text -> Long.parseLong(text.replace(",", ""))).toList();
    }

    /** Saves a screenshot under target/serve-screenshots, from where docs/images takes them. */
    private static void screenshot(WebDriver browser, String name) throws IOException {
        Path folder =
                Files.createDirectories(Path.of(System.getProperty("basedir", "."), "target", "serve-screenshots"));
        Files.write(folder.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(page.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** What {@code pvw query ARGS --format csv} prints on the demo warehouse. */
    private String query(String... arguments) {
        List<String> args = new ArrayList<>(List.of("--warehouse", WAREHOUSE, "query"));
        args.addAll(Arrays.asList(arguments));
        args.addAll(List.of("--format", "csv"));
        CliResult result = pvw(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result.out();
    }

    private CliResult pvw(String... args) {
        return TestingWarehouse.pvwIn(directory, args);
    }

    private static List<List<String>> csvRows(String csv) {
        return csv.lines()
                .skip(1)
                .map(line -> Arrays.asList(line.split(",", -1)))
                .toList();
    }

    private static Map<String, Long> byPeriod(String csv) {
        return csvRows(csv).stream().collect(Collectors.toMap(row -> row.get(0), row -> Long.parseLong(row.get(2))));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
