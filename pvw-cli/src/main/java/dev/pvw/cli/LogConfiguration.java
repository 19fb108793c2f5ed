package dev.pvw.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.LoggerFactory;

/**
 * The CLI's logging, set up in code rather than from a logback.xml: parsing XML cost a fresh process a third of a
 * second or more before its first log line. Logs go to stderr so that stdout carries only results (CSV, JSON,
 * tables). A configuration file still wins: {@code -Dlogback.configurationFile=...}, or a logback-test.xml on the
 * class path (the tests').
 */
public final class LogConfiguration extends ContextAwareBase implements Configurator {
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [run %X{run:--}] %msg%n";
    /**
     * Without {@code -v} no log line carries a stack trace: a failure is told once, in the command's one sentence, even
     * where Spark logs it again on its way there.
     */
    private static final String PATTERN_WITHOUT_TRACES = PATTERN + "%nopex";

    /** The name of the appender this class makes, so that -v changes it and never one of a configuration file's. */
    static final String APPENDER = "pvw-stderr";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || LogConfiguration.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        configureConsole(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Logs to stderr, at INFO for pvw and WARN for the libraries, with no stack traces until {@code -v}. */
    static void configureConsole(LoggerContext context) {
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName(APPENDER);
        appender.setTarget("System.err");
        appender.setEncoder(encoder(context, false));
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(appender);
        context.getLogger("org.jdbi").setLevel(Level.WARN);
        // Spark, Iceberg, Hadoop and Parquet (a spark: warehouse) say at INFO what every job does.
        context.getLogger("org.apache").setLevel(Level.WARN);
        context.getLogger("org.sparkproject").setLevel(Level.WARN);
        // What every local Spark warns of on start and cannot act on: the host's name, Hadoop's native library.
        context.getLogger("org.apache.spark.util.Utils").setLevel(Level.ERROR);
        context.getLogger("org.apache.hadoop.util.NativeCodeLoader").setLevel(Level.ERROR);
        // A failed task of local Spark fails its statement, which the command reports; these would report it twice
        // more.
        context.getLogger("org.apache.spark.executor.Executor").setLevel(Level.OFF);
        context.getLogger("org.apache.spark.scheduler.TaskSetManager").setLevel(Level.OFF);
        // Iceberg warns, with the stack that opened it, of a file stream the garbage collector finds unclosed: one its
        // own write left open when the write failed (a full disk), which the command has reported already. Whether the
        // warning shows depends on when a collection runs.
        context.getLogger("org.apache.iceberg.hadoop.HadoopStreams").setLevel(Level.ERROR);
    }

    /** With {@code -v} log lines carry their stack traces; a configuration file's own appenders are left alone. */
    static void showStackTraces(boolean show) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            showStackTraces(context, show);
        }
    }

    static void showStackTraces(LoggerContext context, boolean show) {
        if (context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(APPENDER)
                        instanceof ConsoleAppender<ILoggingEvent> console
                && console.getEncoder() instanceof PatternLayoutEncoder encoder
                && encoder.getPattern().equals(PATTERN) != show) {
            console.setEncoder(encoder(context, show));
        }
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, boolean withTraces) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(withTraces ? PATTERN : PATTERN_WITHOUT_TRACES);
        encoder.start();
        return encoder;
    }
}
