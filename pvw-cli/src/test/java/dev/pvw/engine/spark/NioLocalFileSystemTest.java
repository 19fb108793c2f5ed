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
        org.apache.hadoop.fs.Path file =
                new org.apache.hadoop.fs.Path(directory.resolve("data.parquet").toUri());

        try (FSDataOutputStream out =
                files.create(file, new FsPermission((short) 0640), true, 4096, (short) 1, 1 << 20, null)) {
            out.writeBytes("rows");
        }

        assertThat(Files.readString(directory.resolve("data.parquet"))).isEqualTo("rows");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve("data.parquet"))))
                .isEqualTo("rw-r-----");
        assertThat(directory.resolve(".data.parquet.crc")).exists();
    }

    @Test
    void directoriesAndLaterChangesGetThePermissionsAskedFor() throws IOException {
        org.apache.hadoop.fs.Path nested =
                new org.apache.hadoop.fs.Path(directory.resolve("a/b").toUri());

        files.mkdirs(nested, new FsPermission((short) 0750));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve("a/b"))))
                .isEqualTo("rwxr-x---");

        files.setPermission(nested, new FsPermission((short) 0705));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve("a/b"))))
                .isEqualTo("rwx---r-x");
    }
}
