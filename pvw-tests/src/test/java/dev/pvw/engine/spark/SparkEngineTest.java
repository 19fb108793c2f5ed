package dev.pvw.engine.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pvw.PvwException;
import dev.pvw.warehouse.OpenOptions;
import dev.pvw.warehouse.WarehouseUrl;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark engine without Spark: what pvw.jar does on its own, where Spark is not on the class path. */
class SparkEngineTest {
    @TempDir
    Path directory;

    @Test
    void findingTheEnginesAndParsingAnotherEnginesUrlLoadsNoSparkClass() throws Exception {
        try (URLClassLoader withoutSpark = classPathWithoutSpark()) {
            Object url = parse(withoutSpark, "jdbc:duckdb:warehouse.duckdb");

            assertThat(url.toString()).isEqualTo("jdbc:duckdb:warehouse.duckdb");
            assertThat(parse(withoutSpark, "spark:local:/tmp/w").toString()).isEqualTo("spark:local:/tmp/w");
        }
    }

    @Test
    void openingASparkWarehouseWithoutSparkSaysHowToGetIt() throws Exception {
        try (URLClassLoader withoutSpark = classPathWithoutSpark()) {
            Object url = parse(withoutSpark, "spark:local:" + directory);
            Class<?> options = withoutSpark.loadClass(OpenOptions.class.getName());
            Object forReading = options.getMethod("forReading", Duration.class).invoke(null, Duration.ZERO);
            Method open =
                    withoutSpark.loadClass("dev.pvw.warehouse.Warehouse").getMethod("open", url.getClass(), options);

            assertThatThrownBy(() -> invoke(open, null, url, forReading))
                    .hasMessageStartingWith("Spark and Iceberg are not on the class path, which spark:local:")
                    .hasMessageContaining("run pvw through ./pvw");
        }
    }

    @Test
    void urlsNameALocalDirectoryOrACatalog() {
        assertThat(SparkUrl.parse(new WarehouseUrl("spark:local:/data/pvw", "spark")))
                .isEqualTo(new SparkUrl.Local(Path.of("/data/pvw")));
        assertThat(SparkUrl.parse(new WarehouseUrl("spark:glue", "spark"))).isEqualTo(new SparkUrl.Submitted("glue"));
        assertThatThrownBy(() -> SparkUrl.parse(new WarehouseUrl("spark:local:", "spark")))
                .isInstanceOf(PvwException.class)
                .hasMessage(
                        "Spark warehouse URL spark:local: is not valid: it names no directory; use spark:local:DIR or"
                                + " spark:CATALOG.");
        assertThatThrownBy(() -> SparkUrl.parse(new WarehouseUrl("spark:a.b", "spark")))
                .hasMessageContaining("'a.b' is not a catalog name");
    }

    @Test
    void aRelativeDirectoryIsTakenInTheWorkingDirectory() {
        SparkEngine engine = new SparkEngine();

        assertThat(engine.inWorkingDirectory(new WarehouseUrl("spark:local:w", "spark"), directory)
                        .value())
                .isEqualTo("spark:local:" + directory.resolve("w"));
        assertThat(engine.inWorkingDirectory(new WarehouseUrl("spark:glue", "spark"), directory)
                        .value())
                .isEqualTo("spark:glue");
    }

    private static Object parse(ClassLoader loader, String url) throws Exception {
        return invoke(loader.loadClass(WarehouseUrl.class.getName()).getMethod("parse", String.class), null, url);
    }

    /** Calls into the loader's classes as pvw.jar's main would: with that loader as the thread's, for ServiceLoader. */
    private static Object invoke(Method method, Object target, Object... arguments) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(method.getDeclaringClass().getClassLoader());
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The test's class path without Spark, Scala and Iceberg, under the platform loader: pvw.jar's situation. */
    private static URLClassLoader classPathWithoutSpark() {
        URL[] urls = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.matches(".*/(spark-|scala-|iceberg-)[^/]*\\.jar"))
                .map(SparkEngineTest::url)
                .toArray(URL[]::new);
        return new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
    }

    private static URL url(String entry) {
        try {
            return Path.of(entry).toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(entry, e);
        }
    }
}
