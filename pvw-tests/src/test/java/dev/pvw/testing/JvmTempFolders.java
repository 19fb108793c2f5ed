package dev.pvw.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Folders that live as long as the test JVM: what is built once per JVM and shared between test classes. */
public final class JvmTempFolders {
    private static Path root;

    private JvmTempFolders() {}

    /** The folder {@code name}, created on first use under one temp folder that is deleted when the JVM exits. */
    public static synchronized Path folder(String name) {
        try {
            if (root == null) {
                root = Files.createTempDirectory("pvw-test-jvm-");
                Runtime.getRuntime().addShutdownHook(new Thread(JvmTempFolders::deleteRoot, "pvw-test-cleanup"));
            }
            return Files.createDirectories(root.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRoot() {
        delete(root);
    }

    /** Deletes a folder and everything in it, as far as it can: what is left behind costs only disk space. */
    static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A temp folder left behind is the operating system's to clean.
        }
    }
}
