package dk.fristed.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ColdStartBenchTest {
    private static final ColdStartBench.Verdict NONE = new ColdStartBench.Verdict(List.of(), List.of());

    @Test
    void summary_withinEveryFloor_stillNamesWhatIsOverTheBareFloor() {
        var plain = new ColdStartBench.Verdict(List.of(), List.of("VisitsFunction 1.88x"));

        assertEquals(
                "make bench: every function within 1.5x of its floor ((c) where it encrypts personal fields, else (a));"
                        + " over 1.5x of (a) alone: VisitsFunction 1.88x (the encryption SDK alone, (c): 1.37x)",
                ColdStartBench.summary(plain, NONE, 1.372));
    }

    @Test
    void summary_overAFloor_namesTheFunctionAndTheTable() {
        var cds = new ColdStartBench.Verdict(List.of("AdminFunction 1.62x (a)"), List.of("AdminFunction 1.62x"));

        assertEquals(
                "make bench: over 1.5x of its floor: AdminFunction 1.62x (a) with CDS",
                ColdStartBench.summary(NONE, cds, 1.4));
    }
}
