package dev.pvw.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code pvw demo}: placeholder until the demo scenario lands. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Build a demo warehouse.")
final class DemoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new dev.pvw.PvwException(dev.pvw.PvwException.ErrorCode.FAILURE, "The demo is not built yet.");
    }
}
