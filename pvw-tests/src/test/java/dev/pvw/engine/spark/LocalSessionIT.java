package dev.pvw.engine.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.hadoop.fs.FileSystem;
import org.apache.iceberg.Table;
import org.apache.iceberg.hadoop.HadoopFileIO;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session of a spark:local warehouse, as pvw opens one. */
class LocalSessionIT {
    @TempDir
    Path directory;

    @Test
    void tablesAreWrittenThroughTheFileSystemThatStartsNoChmodProcess() throws Exception {
        SparkSession session = SparkSessions.localSession(directory);
        session.sql("CREATE NAMESPACE pvw.probe");
        session.sql("CREATE TABLE pvw.probe.t (id INT) USING iceberg");
        session.sql("INSERT INTO pvw.probe.t VALUES (1)");

        Table table = Spark3Util.loadIcebergTable(session, "pvw.probe.t");
        FileSystem files =
                new org.apache.hadoop.fs.Path(table.location()).getFileSystem(((HadoopFileIO) table.io()).conf());

        assertThat(files).isInstanceOf(NioLocalFileSystem.class);
        assertThat(session.sql("SELECT id FROM pvw.probe.t").collectAsList())
                .singleElement()
                .satisfies(row -> assertThat(row.getInt(0)).isEqualTo(1));
    }
}
