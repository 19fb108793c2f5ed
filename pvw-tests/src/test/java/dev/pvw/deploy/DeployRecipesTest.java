package dev.pvw.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pvw.schedule.CronSchedule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The recipes in deploy/ are valid for their tools' formats, call the same pvw commands, and keep the promises their
 * READMEs make: an hourly run at five past, as of its slot, never overlapping, retried on failure but not on exit 3,
 * and a daily status --check.
 */
class DeployRecipesTest {
    private static final Path DEPLOY = Path.of("deploy");
    private static final String RUN_AS_OF_SLOT = "pvw run --as-of";
    private static final String CHECK = "pvw status --check";

    @ParameterizedTest(name = "deploy/{0}")
    @ValueSource(strings = {".", "airflow", "kubernetes", "systemd", "cron", "spark"})
    void everyRecipeHasAReadmeThatNamesItsFiles(String folder) throws IOException {
        Path directory = DEPLOY.resolve(folder);
        String readme = read(directory.resolve("README.md"));

        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (!name.equals("README.md")) {
                    assertThat(readme)
                            .as("%s names %s", directory.resolve("README.md"), name)
                            .contains(name);
                }
            }
        }
    }

    @Nested
    class Kubernetes {
        private final List<Map<String, Object>> documents = yamlDocuments(DEPLOY.resolve("kubernetes/cronjob.yaml"));

        @Test
        void theHourlyCronJobRunsAtFivePastUtcNeverTwiceAtOnceAndEndsWithinTheHour() {
            Map<String, Object> cronJob = cronJob(documents, "pvw-run");

            assertHourlyAtFivePastWithinTheHourNotRetriedOnExitThree(cronJob);
            assertThat(command(cronJob)).contains(RUN_AS_OF_SLOT + " \"$(date -u +%Y-%m-%dT%H:05:00)\"");
            assertLimited(cronJob);
        }

        @Test
        void theDailyCronJobRunsTheCheckWithoutRetries() {
            Map<String, Object> cronJob = cronJob(documents, "pvw-check");

            assertDailyAtHalfPastSixWithoutRetries(cronJob);
            assertThat(command(cronJob)).isEqualTo(CHECK);
            assertLimited(cronJob);
        }
    }

    private static Map<String, Object> cronJob(List<Map<String, Object>> documents, String name) {
        return documents.stream()
                .filter(document -> "CronJob".equals(document.get("kind")))
                .filter(document -> name.equals(map(document, "metadata").get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no CronJob " + name));
    }

    private static void assertHourlyAtFivePastWithinTheHourNotRetriedOnExitThree(Map<String, Object> cronJob) {
        Map<String, Object> spec = map(cronJob, "spec");
        Map<String, Object> job = map(spec, "jobTemplate", "spec");

        assertThat(cronJob).containsEntry("apiVersion", "batch/v1");
        assertThat(spec)
                .containsEntry("schedule", CronSchedule.DEFAULT_EXPRESSION)
                .containsEntry("timeZone", "Etc/UTC")
                .containsEntry("concurrencyPolicy", "Forbid");
        int startingDeadline = (Integer) spec.get("startingDeadlineSeconds");
        int activeDeadline = (Integer) job.get("activeDeadlineSeconds");
        assertThat(5 * 60 + startingDeadline + activeDeadline)
                .as("the latest end of an attempt, in seconds after the hour")
                .isLessThanOrEqualTo(3600);
        assertThat((Integer) job.get("backoffLimit")).isPositive();
        assertThat(list(map(job, "podFailurePolicy"), "rules")).singleElement().satisfies(rule -> assertThat(rule)
                .containsEntry("action", "FailJob")
                .extracting(r -> ((Map<?, ?>) r).get("onExitCodes"))
                .isEqualTo(Map.of("containerName", "pvw", "operator", "In", "values", List.of(3))));
    }

    private static void assertDailyAtHalfPastSixWithoutRetries(Map<String, Object> cronJob) {
        Map<String, Object> spec = map(cronJob, "spec");

        assertThat(spec).containsEntry("concurrencyPolicy", "Forbid").containsEntry("timeZone", "Etc/UTC");
        assertThat(CronSchedule.parse((String) spec.get("schedule")).description())
                .isEqualTo("at 06:30");
        assertThat(map(spec, "jobTemplate", "spec")).containsEntry("backoffLimit", 0);
    }

    private static Map<String, Object> podSpec(Map<String, Object> cronJob) {
        Map<String, Object> pod = map(cronJob, "spec", "jobTemplate", "spec", "template", "spec");
        assertThat(pod).containsEntry("restartPolicy", "Never");
        return pod;
    }

    private static Map<String, Object> container(Map<String, Object> cronJob) {
        return list(podSpec(cronJob), "containers").get(0);
    }

    private static String command(Map<String, Object> cronJob) {
        @SuppressWarnings("unchecked")
        List<String> command = (List<String>) container(cronJob).get("command");
        return String.join(" ", command);
    }

    private static void assertLimited(Map<String, Object> cronJob) {
        Map<String, Object> resources = map(container(cronJob), "resources");
        assertThat(map(resources, "limits")).containsKeys("cpu", "memory");
        assertThat(map(resources, "requests")).containsKeys("cpu", "memory");
    }

    @Nested
    class Systemd {
        @Test
        void theTimerStartsTheRunAtFivePastEveryHourUtcAndCatchesUpAfterDowntime() {
            Map<String, List<String>> timer = unit("pvw-run.timer");

            assertThat(timer.get("Timer.OnCalendar")).containsExactly("*-*-* *:05:00 UTC");
            assertThat(timer.get("Timer.Persistent")).containsExactly("true");
            assertThat(timer.get("Timer.Unit")).containsExactly("pvw-run.service");
            assertThat(timer.get("Install.WantedBy")).containsExactly("timers.target");
        }

        @Test
        void theRunIsAOneshotAsOfItsSlotRetriedWithinTheHourButNotOnExitThree() {
            Map<String, List<String>> service = unit("pvw-run.service");

            assertThat(service.get("Service.Type")).containsExactly("oneshot");
            assertThat(service.get("Service.ExecStart"))
                    .singleElement()
                    .asString()
                    .contains(RUN_AS_OF_SLOT + " \"$(date -u +%%Y-%%m-%%dT%%H:05:00)\"");
            assertThat(service.get("Service.Restart")).containsExactly("on-failure");
            assertThat(service.get("Service.RestartPreventExitStatus")).containsExactly("3");
            assertThat(service.get("Unit.StartLimitIntervalSec")).containsExactly("50min");
        }

        @Test
        void theDailyCheckIsAOneshotOfStatusCheck() {
            assertThat(unit("pvw-check.timer").get("Timer.OnCalendar")).containsExactly("*-*-* 06:30:00 UTC");
            Map<String, List<String>> service = unit("pvw-check.service");
            assertThat(service.get("Service.Type")).containsExactly("oneshot");
            assertThat(service.get("Service.ExecStart")).containsExactly("/opt/pvw/" + CHECK);
        }

        @Test
        void theBuiltInSchedulerServiceTakesTheJvmsExitOnSigtermAsSuccessAndLetsARunFinish() {
            Map<String, List<String>> service = unit("pvw-schedule.service");

            assertThat(service.get("Service.ExecStart")).containsExactly("/opt/pvw/pvw schedule --cron \"5 * * * *\"");
            assertThat(service.get("Service.SuccessExitStatus")).containsExactly("143");
            assertThat(service.get("Service.TimeoutStopSec")).containsExactly("30min");
        }

        /**
         * Where systemd is installed, systemd-analyze reads every unit as systemd would and names any unknown key, bad
         * value or missing program; the copies it reads call a stand-in for the launcher, which is not installed here.
         */
        @Test
        void systemdAnalyzeFindsNothingWrong(@TempDir Path copy) throws Exception {
            assumeTrue(onPath("systemd-analyze"), "systemd-analyze is not installed here");
            Path launcher = Files.writeString(copy.resolve("pvw"), "#!/bin/sh\n");
            assertThat(launcher.toFile().setExecutable(true)).isTrue();
            List<String> command = new ArrayList<>(List.of("systemd-analyze", "verify"));
            try (Stream<Path> files = Files.list(DEPLOY.resolve("systemd"))) {
                for (Path file :
                        files.filter(file -> !file.toString().endsWith(".md")).toList()) {
                    Path unit = copy.resolve(file.getFileName());
                    Files.writeString(unit, read(file).replace("/opt/pvw/pvw", launcher.toString()));
                    command.add(unit.toString());
                }
            }

            assertThat(run(copy, command)).isEmpty();
        }

        private static Map<String, List<String>> unit(String name) {
            Map<String, List<String>> values = new LinkedHashMap<>();
            String section = null;
            for (String raw :
                    read(DEPLOY.resolve("systemd").resolve(name)).lines().toList()) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                    continue;
                }
                if (line.startsWith("[") && line.endsWith("]")) {
                    section = line.substring(1, line.length() - 1);
                    continue;
                }
                int equals = line.indexOf('=');
                assertThat(section)
                        .as("%s: a key before any section: %s", name, line)
                        .isNotNull();
                assertThat(equals)
                        .as("%s: not a key=value line: %s", name, line)
                        .isPositive();
                values.computeIfAbsent(section + "." + line.substring(0, equals).strip(), key -> new ArrayList<>())
                        .add(line.substring(equals + 1).strip());
            }
            return values;
        }
    }

    @Nested
    class Cron {
        private final List<String> entries = read(DEPLOY.resolve("cron/crontab"))
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .filter(line -> !line.matches("[A-Z_]+=.*"))
                .toList();

        @Test
        void eachEntryIsFiveUnixCronFieldsAndACommandWithItsPercentSignsEscaped() {
            CronParser unix = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

            assertThat(entries).hasSize(2).allSatisfy(entry -> {
                String[] fields = entry.split("\\s+", 6);
                unix.parse(String.join(" ", List.of(fields).subList(0, 5))).validate();
                assertThat(fields[5])
                        .as("cron turns an unescaped %% into a new line")
                        .doesNotContainPattern("(?<!\\\\)%");
            });
        }

        @Test
        void theRunIsAtFivePastAsOfItsSlotAndTheCheckDaily() {
            assertThat(entries.get(0))
                    .startsWith(CronSchedule.DEFAULT_EXPRESSION + " ")
                    .contains("/opt/" + "pvw/" + RUN_AS_OF_SLOT + " \"$(date -u +\\%Y-\\%m-\\%dT\\%H:05:00)\"");
            assertThat(entries.get(1)).startsWith("30 6 * * * ").contains("/opt/pvw/" + CHECK);
        }

        @Test
        void timesAreUtc() {
            assertThat(read(DEPLOY.resolve("cron/crontab"))).contains("\nCRON_TZ=UTC\n");
        }
    }

    @Nested
    class Airflow {
        private final Path dag = DEPLOY.resolve("airflow/pvw_dag.py");
        private final String source = read(dag);

        @Test
        void pythonCompilesTheDag(@TempDir Path cache) throws Exception {
            assertCompiles(dag, cache);
        }

        @Test
        void theHourlyDagRunsAtFivePastAsOfItsDataIntervalEndOneAtATimeWithoutCatchUp() {
            String hourly = dagSource("pvw_hourly");

            assertThat(hourly)
                    .contains("schedule=\"5 * * * *\"")
                    .contains("catchup=False")
                    .contains("max_active_runs=1")
                    .containsPattern("\"retries\": [1-9]")
                    .contains("\"retry_exponential_backoff\": True")
                    .contains("skip_on_exit_code=[3, 99]")
                    .contains("tz=\"UTC\"");
            assertThat(source)
                    .contains("PVW + ' run --as-of \"{{ data_interval_end.strftime(\\'%Y-%m-%dT%H:%M:%S\\') }}\"'")
                    .contains("data_interval_end.start_of(\"hour\").add(hours=1).int_timestamp");
        }

        @Test
        void theDailyDagRunsTheCheckWithoutRetries() {
            String daily = dagSource("pvw_daily_check");

            assertThat(daily)
                    .contains("schedule=\"30 6 * * *\"")
                    .contains("catchup=False")
                    .contains("\"retries\": 0")
                    .contains("PVW + \" status --check\"");
        }

        private String dagSource(String dagId) {
            return DeployRecipesTest.dagSource(source, dagId);
        }
    }

    /** Python compiles the DAG file (a copy, so that no cache lands in deploy/), where python3 is installed. */
    private static void assertCompiles(Path dag, Path cache) throws IOException, InterruptedException {
        assumeTrue(onPath("python3"), "python3 is not installed here");
        Path copy = Files.copy(dag, cache.resolve(dag.getFileName()));

        String output = run(cache, List.of("python3", "-m", "py_compile", copy.toString()));

        assertThat(output).isEmpty();
    }

    /** The text of one DAG's with-block. */
    private static String dagSource(String source, String dagId) {
        int start = source.indexOf("dag_id=\"" + dagId + "\"");
        assertThat(start).as("a DAG %s", dagId).isNotNegative();
        int end = source.indexOf("\nwith DAG(", start);
        return end < 0 ? source.substring(start) : source.substring(start, end);
    }

    /**
     * The recipes for a Spark cluster (deploy/spark): pvw-spark.jar submitted with Iceberg's extensions and the
     * catalog {@code lake}, the same commands at the same times as the other recipes.
     */
    @Nested
    class Spark {
        private static final Path FOLDER = DEPLOY.resolve("spark");
        private static final String EXTENSIONS =
                "spark.sql.extensions=org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions";
        private static final String CATALOG = "spark.sql.catalog.lake=org.apache.iceberg.spark.SparkCatalog";
        private static final String GLUE =
                "spark.sql.catalog.lake.catalog-impl=org.apache.iceberg.aws.glue.GlueCatalog";
        private static final String S3_FILE_IO = "spark.sql.catalog.lake.io-impl=org.apache.iceberg.aws.s3.S3FileIO";
        private static final String REST = "spark.sql.catalog.lake.type=rest";

        private final Path dag = FOLDER.resolve("pvw_spark_dag.py");
        private final String dagSource = read(dag);
        private final List<Map<String, Object>> kubernetes = yamlDocuments(FOLDER.resolve("spark-submit-cronjob.yaml"));

        @Test
        void pythonCompilesTheDag(@TempDir Path cache) throws Exception {
            assertCompiles(dag, cache);
        }

        @Test
        void theHourlyDagSubmitsARunAsOfItsSlotOneAtATimeAndSkipsAnAttemptPastTheHour() {
            String hourly = dagSource(dagSource, "pvw_spark_hourly");

            assertThat(hourly)
                    .contains("schedule=\"5 * * * *\"")
                    .contains("tz=\"UTC\"")
                    .contains("catchup=False")
                    .contains("max_active_runs=1")
                    .containsPattern("\"retries\": [1-9]")
                    .contains("pre_execute=skip_when_too_late")
                    .contains(
                            "\"run\",\n        \"--as-of\",\n        \"{{ data_interval_end.strftime('%Y-%m-%dT%H:%M:%S') }}\"");
            assertThat(dagSource)
                    .contains("java_class=\"dev.pvw.cli.Main\"")
                    .contains("application_args=[\"--warehouse\", f\"spark:{CATALOG}\", *command]")
                    .contains("CATALOG = \"lake\"")
                    .contains("slot_end = context[\"data_interval_end\"].start_of(\"hour\").add(hours=1)")
                    .contains("raise AirflowSkipException(");
        }

        @Test
        void theDailyDagSubmitsTheCheckWithoutRetries() {
            assertThat(dagSource(dagSource, "pvw_spark_daily_check"))
                    .contains("schedule=\"30 6 * * *\"")
                    .contains("\"retries\": 0")
                    .contains("pvw(\"pvw_status_check\", \"status\", \"--check\"");
        }

        @Test
        void theMaintenanceDagRunsDailyAndWaitsForTheRunLock() {
            assertThat(dagSource(dagSource, "pvw_spark_daily_maintain"))
                    .contains("schedule=\"30 4 * * *\"")
                    .contains("max_active_runs=1")
                    .contains("pvw(\"pvw_maintain\", \"--lock-wait\", \"900\", \"maintain\"");
        }

        @Test
        void theDagHasBothCatalogsSettingsAndNoSecret() {
            String settings = dagSource
                    .replace("f\"spark.sql.catalog.{CATALOG}", "\"spark.sql.catalog.lake")
                    .replace("\": \"", "=");

            assertThat(settings)
                    .contains(EXTENSIONS, CATALOG, REST, GLUE, S3_FILE_IO)
                    .contains("\"spark.sql.catalog.lake.uri=")
                    .doesNotContain(".credential=", ".token=");
        }

        @Test
        void theKubernetesRunIsAnHourlyCronJobWhosePodIsSparksDriver() {
            Map<String, Object> cronJob = cronJob(kubernetes, "pvw-spark-run");

            assertHourlyAtFivePastWithinTheHourNotRetriedOnExitThree(cronJob);
            assertThat(command(cronJob))
                    .contains("spark-submit --master k8s://https://kubernetes.default.svc --deploy-mode client")
                    .contains("--class dev.pvw.cli.Main")
                    .contains("--conf spark.kubernetes.driver.pod.name=\"$POD_NAME\"")
                    .contains("--conf spark.driver.host=\"$POD_IP\"")
                    .contains("--conf " + EXTENSIONS, "--conf " + CATALOG, "--conf " + REST)
                    .endsWith(" /opt/pvw/pvw-spark.jar --warehouse spark:lake run --as-of"
                            + " \"$(date -u +%Y-%m-%dT%H:05:00)\"");
            assertThat(list(container(cronJob), "env"))
                    .extracting(variable -> variable.get("name"))
                    .contains("POD_NAME", "POD_IP", "POD_NAMESPACE");
            assertLimited(cronJob);
        }

        @Test
        void theKubernetesCheckRunsDailyInLocalModeWithoutRetries() {
            Map<String, Object> cronJob = cronJob(kubernetes, "pvw-spark-check");

            assertDailyAtHalfPastSixWithoutRetries(cronJob);
            assertThat(command(cronJob))
                    .contains("--master \"local[2]\"")
                    .contains("--conf " + EXTENSIONS, "--conf " + CATALOG)
                    .endsWith(" /opt/pvw/pvw-spark.jar --warehouse spark:lake status --check");
            assertLimited(cronJob);
        }

        @Test
        void theKubernetesMaintenanceRunsDailyUnderTheRunLock() {
            Map<String, Object> cronJob = cronJob(kubernetes, "pvw-spark-maintain");

            assertThat(map(cronJob, "spec")).containsEntry("schedule", "30 4 * * *");
            assertThat(command(cronJob))
                    .contains("--conf " + EXTENSIONS, "--conf " + CATALOG)
                    .endsWith(" /opt/pvw/pvw-spark.jar --warehouse spark:lake --lock-wait 900 maintain");
            assertLimited(cronJob);
        }

        @Test
        void theKubernetesDriverMayStartItsExecutors() {
            Map<String, Object> serviceAccount = kubernetes.stream()
                    .filter(document -> "ServiceAccount".equals(document.get("kind")))
                    .findFirst()
                    .orElseThrow();
            Object name = map(serviceAccount, "metadata").get("name");
            Map<String, Object> binding = kubernetes.stream()
                    .filter(document -> "RoleBinding".equals(document.get("kind")))
                    .findFirst()
                    .orElseThrow();

            assertThat(list(binding, "subjects")).singleElement().satisfies(subject -> assertThat(subject)
                    .containsEntry("name", name));
            for (String job : List.of("pvw-spark-run", "pvw-spark-check", "pvw-spark-maintain")) {
                assertThat(podSpec(cronJob(kubernetes, job))).containsEntry("serviceAccountName", name);
            }
            Map<String, Object> role = kubernetes.stream()
                    .filter(document -> "Role".equals(document.get("kind")))
                    .findFirst()
                    .orElseThrow();
            assertThat(list(role, "rules")).singleElement().satisfies(rule -> assertThat(rule.get("verbs"))
                    .asInstanceOf(InstanceOfAssertFactories.LIST)
                    .contains("create", "watch", "delete"));
        }

        @Test
        void theEmrStepSubmitsARunInClientModeWithGlueAsTheCatalog() throws IOException {
            JsonNode steps = new ObjectMapper().readTree(read(FOLDER.resolve("emr-step.json")));
            JsonNode step = steps.get(0);
            List<String> args = new ArrayList<>();
            step.path("HadoopJarStep").path("Args").forEach(arg -> args.add(arg.asText()));
            String command = String.join(" ", args);

            assertThat(steps).hasSize(1);
            assertThat(step.path("HadoopJarStep").path("Jar").asText()).isEqualTo("command-runner.jar");
            assertThat(command)
                    .startsWith("spark-submit --deploy-mode client --class dev.pvw.cli.Main ")
                    .contains("--conf " + EXTENSIONS, "--conf " + CATALOG, "--conf " + GLUE, "--conf " + S3_FILE_IO)
                    .contains("--packages org.apache.iceberg:iceberg-aws-bundle:")
                    .endsWith("/pvw-spark.jar --warehouse spark:lake run --as-of ${AS_OF}");
            assertThat(read(FOLDER.resolve("README.md")))
                    .contains("AS_OF=\"$(date -u +%Y-%m-%dT%H:05:00)\" envsubst '$AS_OF' < emr-step.json");
        }

        /** The AWS bundle named anywhere in deploy/spark is the Iceberg version pvw-spark.jar is built with. */
        @Test
        void theIcebergAwsBundleIsTheVersionOfTheJarsIcebergRuntime() throws IOException {
            Matcher version = Pattern.compile("<iceberg.version>([^<]+)</iceberg.version>")
                    .matcher(read(Path.of("pom.xml")));
            assertThat(version.find()).isTrue();
            Pattern bundle = Pattern.compile("iceberg-aws-bundle[:/-]([0-9][0-9.]*[0-9])");
            List<String> named = new ArrayList<>();
            try (Stream<Path> files = Files.list(FOLDER)) {
                for (Path file : files.toList()) {
                    bundle.matcher(read(file))
                            .results()
                            .forEach(match -> named.add(file.getFileName() + ": " + match.group(1)));
                }
            }

            assertThat(named).hasSizeGreaterThanOrEqualTo(3).allSatisfy(entry -> assertThat(entry)
                    .endsWith(": " + version.group(1)));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file.toAbsolutePath(), e);
        }
    }

    private static List<Map<String, Object>> yamlDocuments(Path file) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(read(file))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) document;
            documents.add(map);
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String... path) {
        Map<String, Object> current = parent;
        for (String key : path) {
            assertThat(current).as("has %s", key).containsKey(key);
            current = (Map<String, Object>) current.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        assertThat(parent).as("has %s", key).containsKey(key);
        return (List<Map<String, Object>>) parent.get(key);
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null
                && Stream.of(path.split(":")).anyMatch(directory -> Files.isExecutable(Path.of(directory, program)));
    }

    /** Runs a program in {@code directory} and returns its output, failing unless it exits 0 within a minute. */
    private static String run(Path directory, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s ends", command).isTrue();
        assertThat(process.exitValue()).as("%s exits 0:%n%s", command, output).isZero();
        return output;
    }
}
