package dk.fristed.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What one fresh JVM of the bench does, then exits: {@code bare} and {@code naive} are the
 * baselines, {@code function} invokes a function's handler the way Lambda does. Prints one line
 * {@code RESULT <status> <peak RSS kB>}; the parent times the process from start to that line.
 */
public final class ColdStartChild {
    private ColdStartChild() {
    }

    public static void main(String[] args) throws Exception {
        int status = switch (args[0]) {
            case "bare" -> BarePut.run();
            case "naive" -> NaivePut.run();
            case "function" -> FunctionInvocation.run(args[1], Path.of(args[2]));
            default -> throw new IllegalArgumentException(args[0]);
        };
        System.out.println("RESULT " + status + " " + peakRssKb());
        System.out.flush();
        Runtime.getRuntime().halt(0); // the measurement is over; no shutdown work to time
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
