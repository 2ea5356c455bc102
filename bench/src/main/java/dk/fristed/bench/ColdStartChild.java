package dk.fristed.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What one fresh JVM of the bench does, then exits: {@code bare}, {@code naive} and {@code encrypted}
 * are the baselines, {@code function} invokes a function's handler the way Lambda does. Prints one line
 * {@code RESULT <status> <peak RSS kB> <timed request µs>}; the parent times the process from start to
 * that line. With {@code primed} as the last argument the child first does what SnapStart does before
 * its snapshot (init and priming; for the floor, a first PutItem), and only the request after that is
 * timed, by the child.
 */
public final class ColdStartChild {
    /** Set by the run methods just before the request that is timed. */
    static long requestStarted;

    private ColdStartChild() {}

    public static void main(String[] args) throws Exception {
        boolean primed = args[args.length - 1].equals("primed");
        int status = switch (args[0]) {
            case "bare" -> BarePut.run(primed);
            case "encrypted" -> BareEncryptedPut.run(primed);
            case "naive" -> NaivePut.run();
            case "function" -> FunctionInvocation.run(args[1], Path.of(args[2]), primed);
            default -> throw new IllegalArgumentException(args[0]);
        };
        long micros = (System.nanoTime() - requestStarted) / 1_000;
        System.out.println("RESULT " + status + " " + peakRssKb() + " " + micros);
        System.out.flush();
        System.exit(0); // timing ended with the line above; a normal exit lets a profiler write its file
    }

    /** VmHWM: the process's peak resident set, what Lambda's "Max Memory Used" reports. */
    private static long peakRssKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }
}
