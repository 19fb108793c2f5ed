package dev.pvw.warehouse;

import dev.pvw.warehouse.spi.EngineSession;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A hand-written stand-in for an engine: records every statement it is given and answers queries with the rows a test
 * hands it, chosen by the start of the SQL's first line that is not a comment.
 */
final class RecordingSession implements EngineSession {
    final List<String> statements = Collections.synchronizedList(new ArrayList<>());
    final List<String> events = new ArrayList<>();
    private final Function<String, List<Map<String, Object>>> answers;
    /** How many queries it says it runs at once; 1, as a connection, unless a test sets more. */
    int concurrentReads = 1;

    RecordingSession(Function<String, List<Map<String, Object>>> answers) {
        this.answers = answers;
    }

    @Override
    public int update(String sql, Map<String, ?> parameters) {
        statements.add(sql);
        return 0;
    }

    @Override
    public void execute(String sql) {
        statements.add(sql);
    }

    @Override
    public void query(String sql, Map<String, ?> parameters, Consumer<Row> each) {
        statements.add(sql);
        answers.apply(sql).forEach(values -> each.accept(new MapRow(values)));
    }

    @Override
    public int concurrentReads() {
        return concurrentReads;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }

    @Override
    public <T> T readingOneMoment(Supplier<T> work) {
        return work.get();
    }

    @Override
    public UnitOfWork unitOfWork() {
        return new UnitOfWork() {
            @Override
            public List<String> recover() {
                events.add("recover");
                return List.of();
            }

            @Override
            public void begin(long runId) {
                events.add("begin " + runId);
            }

            @Override
            public void publish() {
                events.add("publish");
            }

            @Override
            public void abort() {
                events.add("abort");
            }
        };
    }

    @Override
    public RunLock runLock() {
        return wait -> () -> events.add("unlocked");
    }

    @Override
    public void close() {
        events.add("closed");
    }

    /** A row of named values; positions count the values in the order the map gives them, from 1. */
    private record MapRow(Map<String, Object> values) implements Row {
        private Object at(int column) {
            return List.copyOf(values.values()).get(column - 1);
        }

        @Override
        public long getLong(String column) {
            return ((Number) values.get(column)).longValue();
        }

        @Override
        public long getLong(int column) {
            return ((Number) at(column)).longValue();
        }

        @Override
        public Long getNullableLong(String column) {
            Object value = values.get(column);
            return value == null ? null : ((Number) value).longValue();
        }

        @Override
        public int getInt(int column) {
            return ((Number) at(column)).intValue();
        }

        @Override
        public String getString(String column) {
            return (String) values.get(column);
        }

        @Override
        public String getString(int column) {
            return (String) at(column);
        }

        @Override
        public boolean getBoolean(String column) {
            return (Boolean) values.get(column);
        }

        @Override
        public LocalDateTime getTimestamp(String column) {
            return (LocalDateTime) values.get(column);
        }
    }
}
