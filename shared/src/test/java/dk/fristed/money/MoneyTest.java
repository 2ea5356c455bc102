package dk.fristed.money;

import dk.fristed.problem.ApiProblem;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MoneyTest {
    @Test
    void decimal_isExact_inTheCurrencysOwnMinorUnits() {
        assertEquals("1312450.00", new Money(131_245_000, "NOK").decimal());
        assertEquals("0.05", new Money(5, "DKK").decimal());
        assertEquals("1500", new Money(1500, "JPY").decimal(), "yen have no minor unit");
        assertEquals("1.250", new Money(1250, "KWD").decimal(), "three digits");
        assertEquals("-12.34", new Money(-1234, "EUR").decimal());
    }

    @Test
    void currencies_areIso4217Codes_withMinorUnits() {
        assertEquals("SEK", Money.currency("SEK", "currency"));
        // refused, not tidied: a value the API accepts round-trips unchanged
        for (String bad : new String[] {"KR", "KRONER", "XYZ", "XAU", "", " sek ", "sek", "NOK ", "Nok"}) {
            ApiProblem refused = assertThrows(ApiProblem.class, () -> Money.currency(bad, "currency"), bad);
            assertEquals("currency", refused.field());
        }
    }

    @Test
    void amountsOfTwoCurrencies_areNeverAdded_andOverflowIsAnError() {
        assertEquals(new Money(300, "DKK"), new Money(100, "DKK").plus(new Money(200, "DKK")));
        assertThrows(IllegalArgumentException.class, () -> new Money(100, "DKK").plus(new Money(200, "NOK")));
        assertThrows(ArithmeticException.class, () -> new Money(Long.MAX_VALUE, "DKK").plus(1));
        assertEquals(
                "amount",
                assertThrows(ApiProblem.class, () -> Money.positive(0L, "amount"))
                        .field());
        assertEquals(
                "amount",
                assertThrows(ApiProblem.class, () -> Money.positive(-1L, "amount"))
                        .field());
        assertEquals(
                "amount",
                assertThrows(ApiProblem.class, () -> Money.positive(Money.MAX_MINOR + 1, "amount"))
                        .field());
    }
}
