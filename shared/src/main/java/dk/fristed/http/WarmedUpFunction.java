package dk.fristed.http;

/**
 * SnapStart priming for a function that serves no HTTP route (a schedule, a stream): warm-ups that may
 * read and never write, run before Lambda snapshots it, as {@link ApiFunction} primes the API functions.
 * The function still declares its RequestHandler itself, so that AWS's SnapStart scanner sees it.
 */
public abstract class WarmedUpFunction {
    /** Held here because CRaC holds registered resources weakly. */
    private SnapStartPriming priming;

    /** Call it from the Lambda constructor only. */
    protected final void warmUpBeforeSnapshot(Runnable... warmUps) {
        priming = SnapStartPriming.registerWarmUps(warmUps);
    }

    /** Runs the registered warm-ups now, as Lambda does before it snapshots (for the bench). */
    public final void primeNow() {
        if (priming != null) {
            priming.beforeCheckpoint(null);
        }
    }
}
