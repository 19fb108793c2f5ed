package dev.pvw.engine.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pvw.warehouse.FailureKind;
import dev.pvw.warehouse.spi.StatementFailure;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.util.function.Supplier;
import org.apache.hadoop.fs.FSError;
import org.apache.spark.SparkException;
import org.junit.jupiter.api.Test;

/** How a failure on Spark becomes the detail and kind of the one sentence a command prints. */
class SparkFailuresTest {
    @Test
    void aFailedJobIsToldInItsTasksWordsWithoutSparksAccountOfStagesAndExecutors() {
        SparkException job = new SparkException(
                "Job aborted due to stage failure: Task 0 in stage 86.0 failed 1 times, most recent failure: Lost task"
                        + " 0.0 in stage 86.0 (TID 64) (192.0.2.2 executor driver): java.io.IOException: File too large",
                new IOException("File too large"));

        StatementFailure failure = failureOf(() -> {
            throw sneaky(job);
        });

        assertThat(failure.kind()).isEqualTo(FailureKind.OUT_OF_SPACE);
        assertThat(failure.detail()).isEqualTo("File too large");
    }

    @Test
    void hadoopsFileSystemErrorIsAFailureOfTheStatementNotOfTheProcess() throws Exception {
        // Only Hadoop's local file system makes one; its constructor is not public.
        Constructor<FSError> constructor = FSError.class.getDeclaredConstructor(Throwable.class);
        constructor.setAccessible(true);
        FSError diskFull = constructor.newInstance(new IOException("No space left on device"));

        StatementFailure failure = failureOf(() -> {
            throw diskFull;
        });

        assertThat(failure.kind()).isEqualTo(FailureKind.OUT_OF_SPACE);
        assertThat(failure.detail()).isEqualTo("java.io.IOException: No space left on device");
    }

    @Test
    void anotherFailureKeepsItsOwnMessage() {
        StatementFailure failure = failureOf(() -> {
            throw new IllegalArgumentException("[TABLE_OR_VIEW_NOT_FOUND] The table core.nothing cannot be found.");
        });

        assertThat(failure.kind()).isEqualTo(FailureKind.OTHER);
        assertThat(failure.detail()).isEqualTo("[TABLE_OR_VIEW_NOT_FOUND] The table core.nothing cannot be found");
    }

    private static StatementFailure failureOf(Supplier<Object> work) {
        return catchThrowableOfType(StatementFailure.class, () -> SparkEngineSession.guarded(work));
    }

    /** Scala code throws checked exceptions undeclared, as Spark's job failures are. */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable e) throws E {
        throw (E) e;
    }
}
