package dev.pvw.cli;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * A full disk, as a process sees it, without root or a small file system: {@code prlimit --fsize} (util-linux) lowers
 * the largest file size a running process may write, so that a write past it fails with EFBIG ("File too large") the
 * way a write to a full disk fails with ENOSPC, at the same place in the engine. Both DuckDB (inside the pvw process)
 * and a PostgreSQL backend report the failed write and roll back; the JVM and PostgreSQL ignore SIGXFSZ.
 */
final class FileSizeLimit {
    private FileSizeLimit() {}

    static boolean available() {
        try {
            Process process = new ProcessBuilder("prlimit", "--version")
                    .redirectErrorStream(true)
                    .start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Lets process {@code pid} write no file beyond {@code bytes}. */
    static void apply(long pid, long bytes) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("prlimit", "--pid", Long.toString(pid), "--fsize=" + bytes)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("prlimit on process " + pid + " failed: " + output);
        }
    }
}
