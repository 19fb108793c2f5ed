package dev.pvw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.ConsoleAppender;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the CLI's own logging prints (the tests log through logback-test.xml instead, so it is built here by hand). */
class LogConfigurationTest {
    private final LoggerContext context = new LoggerContext();

    LogConfigurationTest() {
        context.setMDCAdapter(new LogbackMDCAdapter());
        LogConfiguration.configureConsole(context);
    }

    @Test
    void aLogLineCarriesItsStackTraceOnlyWithVerbose() {
        ILoggingEvent failure = event("org.apache.spark.storage.DiskBlockObjectWriter", "Could not close");

        assertThat(printed(failure))
                .as("one line, as a failure is told once, in the command's sentence")
                .endsWith("ERROR [run -] Could not close" + System.lineSeparator())
                .doesNotContain("File too large", "\tat ");

        LogConfiguration.showStackTraces(context, true);
        assertThat(printed(failure)).contains("java.io.IOException: File too large", "\tat ");

        LogConfiguration.showStackTraces(context, false);
        assertThat(printed(failure)).doesNotContain("\tat ");
    }

    @Test
    void verboseLeavesTheAppendersOfAConfigurationFileAsTheyAre() {
        LoggerContext configured = new LoggerContext();
        configured.setMDCAdapter(new LogbackMDCAdapter());
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(configured);
        encoder.setPattern(LogConfiguration.PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> fileAppender = new ConsoleAppender<>();
        fileAppender.setContext(configured);
        fileAppender.setName("STDERR");
        fileAppender.setEncoder(encoder);
        configured.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(fileAppender);

        LogConfiguration.showStackTraces(configured, false);

        assertThat(fileAppender.getEncoder()).isSameAs(encoder);
    }

    @Test
    void localSparksTaskFailuresAreLeftToTheStatementThatFails() {
        assertThat(context.getLogger("org.apache.spark.executor.Executor").isErrorEnabled())
                .isFalse();
        assertThat(context.getLogger("org.apache.spark.scheduler.TaskSetManager")
                        .isErrorEnabled())
                .isFalse();
        assertThat(context.getLogger("org.apache.spark.sql.SparkSession").isWarnEnabled())
                .isTrue();
        assertThat(context.getLogger("dev.pvw.pipeline.Pipeline").isInfoEnabled())
                .isTrue();
    }

    @Test
    void icebergsWarningOfAStreamItsFailedWriteLeftOpenIsNotPrinted() {
        assertThat(context.getLogger("org.apache.iceberg.hadoop.HadoopStreams").isWarnEnabled())
                .isFalse();
        assertThat(context.getLogger("org.apache.iceberg.hadoop.HadoopTableOperations")
                        .isWarnEnabled())
                .isTrue();
    }

    private ILoggingEvent event(String loggerName, String message) {
        Logger logger = context.getLogger(loggerName);
        return new LoggingEvent(
                Logger.class.getName(), logger, Level.ERROR, message, new IOException("File too large"), null);
    }

    @SuppressWarnings("unchecked")
    private String printed(ILoggingEvent event) {
        ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>)
                context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(LogConfiguration.APPENDER);
        return new String(console.getEncoder().encode(event), StandardCharsets.UTF_8);
    }
}
