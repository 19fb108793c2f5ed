package dev.pvw.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A PostgreSQL server to measure {@code pvw bench --engine postgresql} on a machine without one: the suite's server
 * (PostgreSQL 14.19 from Maven Central), durable unlike the tests' (fsync and full-page writes on), with the settings
 * of docs/performance.md for a 2-core, 24 GB machine. Prints its URL and runs until stopped; DEVELOPMENT.md says how
 * to start it. Not used by any test.
 */
public final class BenchPostgresServer {
    /** What a careful operator sets for one big batch session at a time on 2 cores and 24 GB (docs/performance.md). */
    static final Map<String, String> SETTINGS = Map.of(
            "shared_buffers", "6GB",
            "effective_cache_size", "16GB",
            "work_mem", "256MB",
            "maintenance_work_mem", "2GB",
            "max_wal_size", "16GB",
            "checkpoint_timeout", "30min",
            "max_parallel_workers_per_gather", "2",
            "random_page_cost", "1.1",
            "effective_io_concurrency", "200");

    private BenchPostgresServer() {}

    /** Starts the server on data directory {@code args[0]} (kept between starts) and waits until the JVM is stopped. */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 1) {
            System.err.println("Give the server's data directory, such as /work/bench-postgres.");
            System.exit(2);
        }
        Path data = Files.createDirectories(Path.of(args[0]));
        EmbeddedPostgres.Builder builder =
                EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false);
        SETTINGS.forEach(builder::setServerConfig);
        EmbeddedPostgres server = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (IOException e) {
                System.err.println("The server did not stop cleanly: " + e.getMessage());
            }
        }));
        System.out.println(
                "jdbc:postgresql://localhost:" + server.getPort() + "/postgres?user=" + EmbeddedPostgresServer.USER);
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
