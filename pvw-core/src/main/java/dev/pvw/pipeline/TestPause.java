package dev.pvw.pipeline;

import dev.pvw.PvwException;
import dev.pvw.PvwException.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A test hook: a run pauses at a named point when the system property {@value #POINT_PROPERTY} names it, so that a
 * process-level test can kill it, or cut its connection, at an exact moment rather than a guessed one. It resumes
 * when the file named by {@value #RESUME_PROPERTY} exists, or never (until killed) without that property. Off, and
 * free, unless the property is set; nothing else in pvw sets it. See DEVELOPMENT.md, "Faults at an exact step".
 */
public final class TestPause {
    static final String POINT_PROPERTY = "pvw.test.pause-at";
    static final String RESUME_PROPERTY = "pvw.test.resume-file";

    private static final Logger LOG = LoggerFactory.getLogger(TestPause.class);
    private static final long POLL_MILLIS = 50;

    private TestPause() {}

    /** Pauses here if the test asked for {@code point}. */
    public static void at(String point) {
        if (!point.equals(System.getProperty(POINT_PROPERTY))) {
            return;
        }
        String resumeFile = System.getProperty(RESUME_PROPERTY);
        LOG.warn("Test hook: paused at {}", point);
        try {
            while (resumeFile == null || !Files.exists(Path.of(resumeFile))) {
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PvwException(ErrorCode.FAILURE, "Interrupted while paused at test point " + point + ".");
        }
        LOG.warn("Test hook: resumed at {}", point);
    }
}
