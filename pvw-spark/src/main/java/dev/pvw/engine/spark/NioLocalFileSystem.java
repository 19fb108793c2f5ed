package dev.pvw.engine.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system ({@code file:}, with its checksum files), setting permissions through {@code java.nio}.
 * Without Hadoop's native library, which no Maven artifact ships, Hadoop starts a {@code chmod} process for every file
 * and directory it creates: a hundred or more for one {@code pvw init} on {@code spark:local} (each data, manifest and
 * metadata file and its checksum), a process start each.
 */
public final class NioLocalFileSystem extends LocalFileSystem {
    public NioLocalFileSystem() {
        super(new Raw());
    }

    /** The file system beneath the checksums: Hadoop's own but for {@link #setPermission}. */
    static final class Raw extends RawLocalFileSystem {
        /**
         * The owner's, group's and others' read, write and execute bits, as {@code chmod} would set them; a file system
         * without POSIX permissions (Windows) gets Hadoop's own way. The sticky bit, which no file of a warehouse has,
         * is not set.
         */
        @Override
        public void setPermission(Path path, FsPermission permission) throws IOException {
            String symbolic = permission.getUserAction().SYMBOL
                    + permission.getGroupAction().SYMBOL
                    + permission.getOtherAction().SYMBOL;
            try {
                Files.setPosixFilePermissions(pathToFile(path).toPath(), PosixFilePermissions.fromString(symbolic));
            } catch (UnsupportedOperationException e) {
                super.setPermission(path, permission);
            }
        }
    }
}
