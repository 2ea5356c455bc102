package dk.fristed.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MonthlyCostTest {
    @Test
    void usageCosts_scaleLinearly_fixedCostsDoNot() {
        var small = MonthlyCost.bill(2_700, MonthlyCost.Prices.LIST_2025);
        var large = MonthlyCost.bill(270_000, MonthlyCost.Prices.LIST_2025);

        assertEquals(100 * small.get("DynamoDB writes (on demand)"), large.get("DynamoDB writes (on demand)"), 1e-9);
        assertEquals(100 * small.get("requests per month"), large.get("requests per month"), 1e-6);
        assertEquals(small.get("KMS keys"), large.get("KMS keys"));
        assertTrue(small.get("requests per month") > 2_700 / 12.0, "a visit is more than one request");
    }
}
