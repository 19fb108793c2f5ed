package dev.pvw.engine.spark;

import static java.util.Objects.requireNonNull;

import dev.pvw.PvwException;
import dev.pvw.PvwException.ErrorCode;
import dev.pvw.warehouse.RunLock;
import dev.pvw.warehouse.WarehouseUrl;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run lock of a local Spark warehouse: an operating-system lock on {@code DIR/run.lock}, which every process on
 * this machine sees and which goes with a process that dies. (A catalog shared by machines needs a lease instead.)
 */
final class FileRunLock implements RunLock {
    private static final Logger LOG = LoggerFactory.getLogger(FileRunLock.class);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(250);

    private final WarehouseUrl url;
    private final Path file;

    FileRunLock(WarehouseUrl url, Path file) {
        this.url = requireNonNull(url, "url");
        this.file = requireNonNull(file, "file");
    }

    @Override
    public Lease acquire(Duration wait) {
        FileChannel channel = open();
        Instant giveUpAt = Instant.now().plus(wait);
        boolean told = false;
        try {
            while (true) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    return () -> release(channel);
                }
                if (Instant.now().isAfter(giveUpAt)) {
                    throw new PvwException(
                            ErrorCode.FAILURE,
                            "Another run is using warehouse " + url.redacted() + " (waited " + wait.toSeconds()
                                    + " s); try again when it has finished, or give --lock-wait more seconds.");
                }
                if (!told) {
                    LOG.info("Warehouse {} is in use by another run; waiting up to {} s", url, wait.toSeconds());
                    told = true;
                }
                Thread.sleep(RETRY_PAUSE.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            release(channel);
            throw new PvwException(ErrorCode.FAILURE, "Interrupted while waiting for the run lock of " + url + ".", e);
        } catch (RuntimeException e) {
            release(channel);
            throw e;
        }
    }

    private FileChannel open() {
        try {
            return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new PvwException(
                    ErrorCode.FAILURE,
                    "Cannot open the run lock " + file + " of " + url.redacted() + " (" + e.getMessage()
                            + "); check the directory's permissions and free space.",
                    e);
        }
    }

    private FileLock tryLock(FileChannel channel) {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // Another session of this same process holds it.
            return null;
        } catch (IOException e) {
            throw new PvwException(
                    ErrorCode.FAILURE,
                    "Cannot lock " + file + " of " + url.redacted() + " (" + e.getMessage()
                            + "); check that its file system supports locks.",
                    e);
        }
    }

    /** Closing the channel lets go of its lock. */
    private static void release(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("Could not close the run lock's file", e);
        }
    }
}
