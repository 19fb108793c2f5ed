package dev.pvw.warehouse;

/** A warehouse over a {@link RecordingSession}, with a dialect that overrides nothing and has no hooks. */
final class TestingSessions {
    /** Its folder does not exist, so every script is the portable one. */
    static final Dialect DIALECT = new Dialect() {
        @Override
        public String name() {
            return "test";
        }

        @Override
        public boolean locksWarehouseOnOpen() {
            return false;
        }

        @Override
        public boolean supportsRoles() {
            return false;
        }

        @Override
        public String spaceSettings() {
            return "the test's disk";
        }

        @Override
        public String memorySettings() {
            return "the test's memory";
        }
    };

    private TestingSessions() {}

    static Warehouse warehouse(RecordingSession session) {
        return new Warehouse(new WarehouseUrl("test:warehouse", "test"), DIALECT, session);
    }
}
