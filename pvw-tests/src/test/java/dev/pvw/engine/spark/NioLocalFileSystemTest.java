package dev.pvw.engine.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hadoop's local file system with permissions set through java.nio: what it writes is as Hadoop's own would be. */
class NioLocalFileSystemTest {
    @TempDir
    Path directory;

    private FileSystem files;

    @BeforeEach
    void aFileSystem() throws IOException {
        files = new NioLocalFileSystem();
        files.initialize(URI.create("file:///"), new Configuration(false));
    }

    @Test
    void aFileCreatedWithPermissionsGetsThemAndAChecksum() throws IOException {
        try (FSDataOutputStream out = files.create(
                hadoopPath("data.parquet"), new FsPermission((short) 0640), true, 4096, (short) 1, 1 << 20, null)) {
            out.writeBytes("rows");
        }

        assertThat(Files.readString(directory.resolve("data.parquet"))).isEqualTo("rows");
        assertThat(permissions("data.parquet")).isEqualTo("rw-r-----");
        assertThat(directory.resolve(".data.parquet.crc")).exists();
    }

    @Test
    void directoriesAndLaterChangesGetThePermissionsAskedFor() throws IOException {
        files.mkdirs(hadoopPath("a/b"), new FsPermission((short) 0750));
        assertThat(permissions("a/b")).isEqualTo("rwxr-x---");

        files.setPermission(hadoopPath("a/b"), new FsPermission((short) 0705));
        assertThat(permissions("a/b")).isEqualTo("rwx---r-x");
    }

    /** The file or directory {@code relative} to the test's folder, as Hadoop names it. */
    private org.apache.hadoop.fs.Path hadoopPath(String relative) {
        return new org.apache.hadoop.fs.Path(directory.resolve(relative).toUri());
    }

    /** The permissions of {@code relative} as {@code ls -l} shows them, {@code rwxr-x---}. */
    private String permissions(String relative) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve(relative)));
    }
}
