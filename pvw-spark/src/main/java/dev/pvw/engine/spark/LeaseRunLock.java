package dev.pvw.engine.spark;

import static java.util.Objects.requireNonNull;

import dev.pvw.PvwException;
import dev.pvw.PvwException.ErrorCode;
import dev.pvw.warehouse.RunLock;
import dev.pvw.warehouse.WarehouseUrl;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.types.Types;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run lock of a warehouse in a catalog that machines share ({@code spark:CATALOG}): a lease that is the table
 * {@code pvw_lock.run_lock} itself. Creating a table that exists fails in every Iceberg catalog (JDBC, REST, Glue, Hive),
 * so of two processes that try at once exactly one gets it. The holder renews the lease's expiry (a table property)
 * every {@link #RENEW_EVERY} and drops the table to let go; a holder that died leaves a lease that expires after
 * {@link #LEASE}, which the next process takes over by renaming the stale table away (a rename, too, succeeds once).
 */
final class LeaseRunLock implements RunLock {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseRunLock.class);

    /** Apart from raw, core and mart, so that no reader or run ever lists it among the warehouse's tables. */
    static final Namespace NAMESPACE = Namespace.of("pvw_lock");

    static final TableIdentifier TABLE = TableIdentifier.of(NAMESPACE, "run_lock");
    static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration RENEW_EVERY = Duration.ofSeconds(30);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
    static final String HOLDER = "pvw.lease.holder";
    static final String EXPIRES_AT = "pvw.lease.expires-at";

    private static final Schema SCHEMA = new Schema(Types.NestedField.optional(1, "holder", Types.StringType.get()));

    private final WarehouseUrl url;
    private final WarehouseCatalog catalog;
    private final Clock clock;

    LeaseRunLock(WarehouseUrl url, WarehouseCatalog catalog, Clock clock) {
        this.url = requireNonNull(url, "url");
        this.catalog = requireNonNull(catalog, "catalog");
        this.clock = requireNonNull(clock, "clock");
    }

    @Override
    public Lease acquire(Duration wait) {
        String holder = holderName();
        Instant giveUpAt = clock.instant().plus(wait);
        boolean told = false;
        SparkEngineSession.guarded(() -> {
            catalog.createNamespaceIfMissing(NAMESPACE);
            return null;
        });
        while (true) {
            if (tryCreate(holder)) {
                return new HeldLease(holder);
            }
            Map<String, String> lease = currentLease();
            if (!lease.isEmpty() && expired(lease)) {
                takeOver(lease);
                continue;
            }
            if (!clock.instant().isBefore(giveUpAt)) {
                throw new PvwException(
                        ErrorCode.FAILURE,
                        "Another run is using warehouse " + url.redacted() + " (" + lease.getOrDefault(HOLDER, "?")
                                + " holds its lease; waited " + wait.toSeconds()
                                + " s); try again when it has finished, or give --lock-wait more seconds.");
            }
            if (!told) {
                LOG.info(
                        "Warehouse {} is in use by another run ({}); waiting up to {} s",
                        url,
                        lease.getOrDefault(HOLDER, "?"),
                        wait.toSeconds());
                told = true;
            }
            pause();
        }
    }

    private boolean tryCreate(String holder) {
        try {
            SparkEngineSession.guarded(() -> catalog.createTable(
                    TABLE,
                    SCHEMA,
                    Map.of(
                            HOLDER,
                            holder,
                            EXPIRES_AT,
                            clock.instant().plus(LEASE).toString())));
            return true;
        } catch (RuntimeException e) {
            if (causedBy(e, AlreadyExistsException.class)) {
                return false;
            }
            throw e;
        }
    }

    /** The lease's properties; empty if it went between our failed create and now. */
    private Map<String, String> currentLease() {
        try {
            return catalog.table(TABLE).properties();
        } catch (NoSuchTableException e) {
            return Map.of();
        }
    }

    private boolean expired(Map<String, String> lease) {
        String expiresAt = lease.get(EXPIRES_AT);
        return expiresAt == null || Instant.parse(expiresAt).isBefore(clock.instant());
    }

    /** Renames the stale lease away (only one process's rename succeeds) and drops it. */
    private void takeOver(Map<String, String> lease) {
        TableIdentifier stale = TableIdentifier.of(
                NAMESPACE,
                "run_lock_expired_"
                        + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
        try {
            catalog.renameTable(TABLE, stale);
        } catch (RuntimeException e) {
            // Another process took it over first, or its holder let go: try again from the start.
            return;
        }
        LOG.warn(
                "Took over the run lock of {}: the lease of {} expired at {} (its process ended without letting go)",
                url,
                lease.getOrDefault(HOLDER, "?"),
                lease.getOrDefault(EXPIRES_AT, "?"));
        catalog.dropTable(stale);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PvwException(ErrorCode.FAILURE, "Interrupted while waiting for the run lock.", e);
        }
    }

    /** Who holds the lease, for the message of whoever waits: host, process id and a random part. */
    private static String holderName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "/" + ProcessHandle.current().pid() + "/"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    /** The held lease: renewed in the background until closed, then dropped. */
    private final class HeldLease implements Lease {
        private final String holder;
        private final ScheduledExecutorService renewal;

        HeldLease(String holder) {
            this.holder = holder;
            this.renewal = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "pvw-lease-renewal");
                thread.setDaemon(true);
                return thread;
            });
            renewal.scheduleWithFixedDelay(
                    this::renew, RENEW_EVERY.toMillis(), RENEW_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        }

        private void renew() {
            try {
                Table table = catalog.table(TABLE);
                if (!holder.equals(table.properties().get(HOLDER))) {
                    LOG.error("Lost the run lock of {}: another process took over its lease", url);
                    return;
                }
                table.updateProperties()
                        .set(EXPIRES_AT, clock.instant().plus(LEASE).toString())
                        .commit();
            } catch (RuntimeException e) {
                LOG.warn("Could not renew the run lock's lease of {}: {}", url, e.getMessage());
            }
        }

        @Override
        public void close() {
            renewal.shutdownNow();
            try {
                if (holder.equals(currentLease().get(HOLDER))) {
                    catalog.dropTable(TABLE);
                }
            } catch (RuntimeException e) {
                LOG.warn("Could not let go of the run lock of {}; it expires within {}", url, LEASE);
            }
        }
    }
}
