package dev.pvw.engine.duckdb;

import dev.pvw.PvwException;
import dev.pvw.PvwException.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps DuckDB's native library (70 MB) in a stable place beside pvw.jar, so that a fresh process loads it as it is.
 *
 * <p>The driver unpacks the library from its jar into a new temp file on every start when it finds it at the jar's
 * root: about 0.7 s of each hourly process, and a 70 MB file left in the temp folder by every process that is killed.
 * pvw.jar carries the library under {@value #FOLDER} instead, where the driver does not look; the driver then loads
 * {@code libduckdb_java.so_<os>_<arch>} from the folder of the jar that holds it, which this class unpacks there once
 * (and again when the jar carries another build of it). Where the driver's jar is on the classpath as it is (tests,
 * an embedding application) the driver's own unpacking stays and this class does nothing.
 */
final class DuckDbNativeLibrary {
    private static final Logger LOG = LoggerFactory.getLogger(DuckDbNativeLibrary.class);
    static final String FOLDER = "native/duckdb/";
    private static final String DRIVER_CLASS = "org.duckdb.DuckDBDriver";

    private static volatile boolean prepared = false;

    private DuckDbNativeLibrary() {}

    /** Makes sure the driver will find the library, unpacking it beside the jar if needed; once per process. */
    static synchronized void prepare() {
        if (prepared) {
            return;
        }
        String name = libraryName();
        if (DuckDbNativeLibrary.class.getResource("/" + name) == null) {
            URL packed = DuckDbNativeLibrary.class.getResource("/" + FOLDER + name);
            if (packed != null) {
                jarFolder().ifPresent(folder -> unpack(packed, folder.resolve(name)));
            }
        }
        prepared = true;
    }

    /** The driver's name for the library of this platform (its {@code DuckDBNative.nativeLibName}). */
    static String libraryName() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT).trim();
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT).trim();
        String osName = os.startsWith("windows") ? "windows" : os.startsWith("mac") ? "macos" : "linux";
        String archName = arch.equals("x86_64") || arch.equals("amd64")
                ? "amd64"
                : arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : arch;
        return "libduckdb_java.so_" + osName + "_" + archName;
    }

    /** The folder of the jar that holds the driver: where the driver looks for the library when its jar has none. */
    private static Optional<Path> jarFolder() {
        try {
            Class<?> driver = Class.forName(DRIVER_CLASS, false, DuckDbNativeLibrary.class.getClassLoader());
            var source = driver.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path location = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(location) ? Optional.ofNullable(location.getParent()) : Optional.empty();
        } catch (ClassNotFoundException | URISyntaxException | IllegalArgumentException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** Unpacks the library to {@code target} unless the same build is there already (its size and CRC recorded). */
    private static void unpack(URL packed, Path target) {
        Path stamp = target.resolveSibling(target.getFileName() + ".crc32");
        try {
            String expected = stampOf(packed);
            if (unpacked(target, stamp, expected)) {
                return;
            }
            long started = System.nanoTime();
            Path partial = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".partial");
            try {
                try (InputStream in = packed.openStream()) {
                    Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                }
                moveAtomically(partial, target);
            } finally {
                Files.deleteIfExists(partial);
            }
            Files.writeString(stamp, expected + "\n", StandardCharsets.US_ASCII);
            LOG.info(
                    "Unpacked DuckDB's native library to {} in {} ms, once for every later run",
                    target,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            throw new PvwException(
                    ErrorCode.FAILURE,
                    "Cannot unpack DuckDB's native library to " + target + " ("
                            + (e.getMessage() == null ? "cannot write there" : e.getMessage())
                            + "), which pvw keeps beside pvw.jar and loads from there on every later"
                            + " run; give " + target.getParent() + " room and let pvw write there once, or copy "
                            + target.getFileName() + " there from where pvw has run, then run again.",
                    e);
        }
    }

    /**
     * Whether {@code target} holds the packed build: its stamp says so, or, for a file installed without its stamp in
     * a folder pvw may not write to, its size does.
     */
    private static boolean unpacked(Path target, Path stamp, String expected) throws IOException {
        if (!Files.isRegularFile(target)) {
            return false;
        }
        if (Files.isRegularFile(stamp)) {
            return Files.readString(stamp, StandardCharsets.US_ASCII).strip().equals(expected);
        }
        return expected.startsWith(Files.size(target) + " ") && !Files.isWritable(target.getParent());
    }

    /** Another process may be unpacking the same file: each writes its own partial file and renames it. */
    private static void moveAtomically(Path partial, Path target) throws IOException {
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The packed library's size and CRC, from the jar's directory: no need to read 70 MB to compare. */
    private static String stampOf(URL packed) throws IOException {
        URLConnection connection = packed.openConnection();
        if (connection instanceof JarURLConnection jar) {
            jar.setUseCaches(false);
            ZipEntry entry = jar.getJarEntry();
            return entry.getSize() + " " + Long.toHexString(entry.getCrc());
        }
        return Long.toString(connection.getContentLengthLong());
    }
}
