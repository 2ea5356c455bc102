package dk.fristed.local;

import dk.fristed.devkit.ClinicDay;
import dk.fristed.devkit.FaultyDynamo;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code make chaos}: the clinic day of FaultScenarioIT, longer ({@code CHAOS_PATIENTS}, default 30) and
 * with more seeds ({@code CHAOS_SEEDS}, default 5) at {@code CHAOS_SHARE} (default 0.2) of the calls
 * faulted; prints what was injected, how often clients retried, and whether each faulty day left exactly
 * what the day without faults left. Exits 1 if one did not.
 */
public final class Chaos {
    private Chaos() {}

    public static void main(String[] args) throws Exception {
        int patients = Integer.parseInt(System.getenv().getOrDefault("CHAOS_PATIENTS", "30"));
        int seeds = Integer.parseInt(System.getenv().getOrDefault("CHAOS_SEEDS", "5"));
        double share = Double.parseDouble(System.getenv().getOrDefault("CHAOS_SHARE", "0.2"));
        Map<String, Object> expected;
        try (ClinicDay clean = new ClinicDay(ClinicDay.Faults.NONE, true)) {
            var outcome = clean.run(patients);
            expected = clean.summary();
            System.out.printf(
                    "without faults: %d requests, %d failures%n",
                    outcome.requests(), outcome.failures().size());
        }
        Map<FaultyDynamo.Fault, Integer> injected = new EnumMap<>(FaultyDynamo.Fault.class);
        int calls = 0;
        int requests = 0;
        int retried = 0;
        int lost = 0;
        int failedDays = 0;
        for (int seed = 1; seed <= seeds; seed++) {
            try (ClinicDay day = new ClinicDay(new ClinicDay.Faults(share, seed), true)) {
                var outcome = day.run(patients);
                boolean same = Objects.equals(expected, day.summary());
                day.injected().forEach((fault, n) -> injected.merge(fault, n, Integer::sum));
                calls += day.dynamoCalls();
                requests += outcome.requests();
                retried += outcome.retried();
                lost += outcome.lostAnswers();
                boolean ok = same && outcome.failures().isEmpty();
                failedDays += ok ? 0 : 1;
                System.out.printf(
                        "seed %d: %d requests, statuses %s, %s%s%n",
                        seed,
                        outcome.requests(),
                        outcome.statuses(),
                        same ? "tables as without faults" : "TABLES DIFFER",
                        outcome.failures().isEmpty() ? "" : ", " + outcome.failures());
            }
        }
        int faulted = injected.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf(
                "%nmake chaos: %d days of %d patients, %d DynamoDB calls, %d faulted (%.0f %%): %s%n",
                seeds, patients, calls, faulted, 100.0 * faulted / Math.max(1, calls), injected);
        System.out.printf(
                "  %d API requests, %d retried by clients (%d answers lost on the way to the phone)%n",
                requests, retried, lost);
        System.out.printf(
                "  %s%n",
                failedDays == 0
                        ? "every faulty day left exactly what the day without faults left: nothing lost, nothing twice"
                        : failedDays + " of " + seeds + " days differ from the day without faults");
        System.exit(failedDays == 0 ? 0 : 1);
    }
}
