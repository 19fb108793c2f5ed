package dev.pvw.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Turns some loggers down to warnings for a while and restores them on close. Lives in {@code cli}, the one package
 * that knows the logging backend is logback.
 */
final class QuietLogs implements AutoCloseable {
    private final Map<Logger, Level> previousLevels = new LinkedHashMap<>();

    private QuietLogs(List<String> loggerNames, Level level) {
        for (String name : loggerNames) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            // A null level means the logger inherits its parent's; restoring null restores that.
            previousLevels.put(logger, logger.getLevel());
            logger.setLevel(level);
        }
    }

    /** Warnings and errors only from these loggers until closed. */
    static QuietLogs warningsOnly(List<String> loggerNames) {
        return new QuietLogs(loggerNames, Level.WARN);
    }

    /** Nothing from these loggers until closed: for a caller that logs their outcome itself. */
    static QuietLogs silenced(List<String> loggerNames) {
        return new QuietLogs(loggerNames, Level.OFF);
    }

    /** Changes nothing: for when the user asked for every detail with -v. */
    static QuietLogs none() {
        return new QuietLogs(List.of(), Level.INFO);
    }

    @Override
    public void close() {
        previousLevels.forEach(Logger::setLevel);
    }
}
