package dev.pvw.cli;

import dev.pvw.ProcessTimeline;
import dev.pvw.ProcessTimeline.Stage;
import dev.pvw.bench.BareMinimum;
import dev.pvw.warehouse.Warehouse;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code pvw bench-bare-minimum hourly|daily}, hidden: one step's bare minimum as a process of its own, which
 * {@code pvw bench} times beside a fresh {@code pvw run}. It writes benchmark tables into the warehouse.
 */
@Command(
        name = "bench-bare-minimum",
        hidden = true,
        mixinStandardHelpOptions = true,
        description =
                "For pvw bench: run a step's bare minimum on the warehouse's extracts, writing to its bench schema.")
final class BareMinimumCommand implements Callable<Integer> {
    @ParentCommand
    private PvwCommand pvw;

    @Parameters(
            paramLabel = "STEP",
            converter = StepConverter.class,
            description = "hourly (append the batch, aggregate it once) or daily (one full outer join of the users).")
    private BareMinimum step;

    @Override
    public Integer call() {
        try (Warehouse warehouse = pvw.openWarehouse()) {
            ProcessTimeline.mark(Stage.OPENED);
            step.run(warehouse);
            ProcessTimeline.mark(Stage.WORK_DONE);
        }
        ProcessTimeline.mark(Stage.CLOSED);
        return ExitCodes.OK;
    }

    /** hourly or daily, as {@link BareMinimum#argument()} writes them. */
    static final class StepConverter implements picocli.CommandLine.ITypeConverter<BareMinimum> {
        @Override
        public BareMinimum convert(String value) {
            for (BareMinimum step : BareMinimum.values()) {
                if (step.argument().equals(value)) {
                    return step;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("expected hourly or daily, not '" + value + "'");
        }
    }
}
