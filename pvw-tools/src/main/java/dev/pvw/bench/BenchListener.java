package dev.pvw.bench;

/** Hears how a benchmark is getting on: phases of known length, and each step done. */
public interface BenchListener {
    void phaseStarted(String phase, long steps);

    void stepDone(String status);

    void phaseDone();
}
