package dk.fristed.helpnumber;

import dk.fristed.problem.ApiProblem;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HelpNumberTest {
    private static final String A = HelpNumber.ALPHABET;
    private static final int SAMPLES = 3_000;

    @Test
    void alphabet_isPrimeSizedWithoutLookAlikes() {
        assertEquals(29, A.length());
        for (char c : "01BIOSZ".toCharArray()) {
            assertEquals(-1, A.indexOf(c), "look-alike " + c);
        }
        assertEquals(A.length(), A.chars().distinct().count());
    }

    @Test
    void random_isValidAndFormattedForSpeaking() {
        HelpNumber number = HelpNumber.random();
        assertTrue(HelpNumber.isValid(number.value()));
        assertTrue(number.formatted().matches("[" + A + "]{4}-[" + A + "]{4}"));
    }

    @Test
    void everySingleWrongCharacter_isCaught() {
        forEachSample(number -> {
            for (int i = 0; i < HelpNumber.LENGTH; i++) {
                for (int c = 0; c < A.length(); c++) {
                    if (A.charAt(c) != number.charAt(i)) {
                        String typo = number.substring(0, i) + A.charAt(c) + number.substring(i + 1);
                        assertFalse(HelpNumber.isValid(typo), number + " -> " + typo);
                    }
                }
            }
        });
    }

    @Test
    void everySwapOfTwoCharacters_neighbouringOrNot_isCaught() {
        forEachSample(number -> {
            for (int i = 0; i < HelpNumber.LENGTH; i++) {
                for (int j = i + 1; j < HelpNumber.LENGTH; j++) {
                    if (number.charAt(i) != number.charAt(j)) {
                        char[] swapped = number.toCharArray();
                        swapped[i] = number.charAt(j);
                        swapped[j] = number.charAt(i);
                        assertFalse(HelpNumber.isValid(new String(swapped)), number + " swap " + i + "," + j);
                    }
                }
            }
        });
    }

    @Test
    void everyTwinError_isCaught() {
        forEachSample(number -> {
            for (int i = 0; i + 1 < HelpNumber.LENGTH; i++) {
                if (number.charAt(i) == number.charAt(i + 1)) {
                    for (int c = 0; c < A.length(); c++) {
                        if (A.charAt(c) != number.charAt(i)) {
                            String twin = number.substring(0, i) + A.charAt(c) + A.charAt(c) + number.substring(i + 2);
                            assertFalse(HelpNumber.isValid(twin), number + " -> " + twin);
                        }
                    }
                }
            }
        });
    }

    @Test
    void random_hasNoObviousCollisionsInASmallSample() {
        var seen = new HashSet<String>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(HelpNumber.random().value());
        }
        assertEquals(10_000, seen.size());
    }

    @Test
    void parse_acceptsCaseSpacesAndHyphens() {
        HelpNumber number = HelpNumber.random();
        String typed = " " + number.value().substring(0, 4).toLowerCase() + " - "
                + number.value().substring(4) + " ";
        assertEquals(number, HelpNumber.parse(typed, "helpNumber"));
    }

    @Test
    void parse_explainsEachKindOfMistake() {
        HelpNumber number = HelpNumber.random();
        String wrongCheck = number.value().substring(0, 7) + (number.value().charAt(7) == 'A' ? 'C' : 'A');

        assertTrue(problem(wrongCheck).contains("check character does not match"));
        assertTrue(problem("ABC").contains("8 characters"));
        assertTrue(problem("ABCD-EFG0").contains("never 0"));
        assertTrue(problem(null).contains("required"));
    }

    private static String problem(String typed) {
        return assertThrows(ApiProblem.class, () -> HelpNumber.parse(typed, "helpNumber"))
                .detail();
    }

    private static void forEachSample(java.util.function.Consumer<String> check) {
        SplittableRandom random = new SplittableRandom(2025);
        for (int n = 0; n < SAMPLES; n++) {
            check.accept(HelpNumber.random(random).value());
        }
        // and the corners: all-same characters, where twin and swap errors hide in weaker schemes
        for (int c = 0; c < A.length(); c++) {
            String payload = String.valueOf(A.charAt(c)).repeat(HelpNumber.LENGTH - 1);
            check.accept(payload + HelpNumber.checkCharacter(payload));
        }
    }

    @Test
    void unlinked_isNeverDrawn_neverStored_andNeverShown() {
        // a generator that draws the unlinked number's payload first must draw again
        var rigged = new java.util.random.RandomGenerator() {
            private final SplittableRandom rest = new SplittableRandom(1);
            private int calls;

            @Override
            public long nextLong() {
                return rest.nextLong();
            }

            @Override
            public int nextInt(int bound) {
                return calls++ < HelpNumber.LENGTH - 1 ? 0 : rest.nextInt(bound);
            }
        };
        assertEquals("2222222", HelpNumber.UNLINKED.value().substring(0, HelpNumber.LENGTH - 1));
        org.junit.jupiter.api.Assertions.assertNotEquals(HelpNumber.UNLINKED, HelpNumber.random(rigged));
        assertEquals(null, HelpNumber.UNLINKED.stored());
        assertEquals(HelpNumber.UNLINKED, HelpNumber.fromStored(null));
        assertEquals(java.util.Optional.empty(), HelpNumber.UNLINKED.shown());
        HelpNumber any = HelpNumber.random();
        assertEquals(any, HelpNumber.fromStored(any.stored()));
        assertEquals(java.util.Optional.of(any.formatted()), any.shown());
    }
}
