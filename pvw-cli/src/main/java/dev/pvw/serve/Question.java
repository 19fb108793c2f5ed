package dev.pvw.serve;

import dev.pvw.warehouse.Mart;

/** The brief's two questions, named as {@code pvw query} names them. */
enum Question {
    CURRENT("current", Mart.CURRENT),
    AT_VIEW("at-view", Mart.AT_VIEW);

    private final String parameter;
    private final Mart mart;

    Question(String parameter, Mart mart) {
        this.parameter = parameter;
        this.mart = mart;
    }

    /** The name in the page's requests and in {@code pvw query}'s first argument. */
    String parameter() {
        return parameter;
    }

    Mart mart() {
        return mart;
    }
}
