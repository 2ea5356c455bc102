package dk.fristed.invoices.invoice;

import dk.fristed.problem.ApiProblem;
import dk.fristed.records.invoice.InvoiceState;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;

import static dk.fristed.invoices.invoice.Action.*;
import static dk.fristed.records.invoice.InvoiceState.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The transition table, every state against every action: the table of docs/workflows.md written out once more, by hand. */
class InvoiceWorkflowTest {
    private static final Map<InvoiceState, Map<Action, InvoiceState>> EXPECTED = new EnumMap<>(InvoiceState.class);

    static {
        EXPECTED.put(RECEIVED, Map.of(REQUEST_CREDIT, CREDIT_REQUESTED, PAY, PAID, WRITE_OFF, WRITTEN_OFF));
        EXPECTED.put(
                CREDIT_REQUESTED,
                Map.of(
                        CREDIT_IN_FULL,
                        CREDITED,
                        CREDIT_PARTLY,
                        PARTLY_CREDITED,
                        REJECT,
                        REJECTED,
                        PAY,
                        PAID,
                        WRITE_OFF,
                        WRITTEN_OFF));
        EXPECTED.put(CREDITED, Map.of(CLOSE, CLOSED));
        EXPECTED.put(PARTLY_CREDITED, Map.of(APPEAL, APPEALED, CLOSE, CLOSED, PAY, PAID, WRITE_OFF, WRITTEN_OFF));
        EXPECTED.put(REJECTED, Map.of(APPEAL, APPEALED, CLOSE, CLOSED, PAY, PAID, WRITE_OFF, WRITTEN_OFF));
        EXPECTED.put(
                APPEALED,
                Map.of(
                        CREDIT_IN_FULL,
                        CREDITED,
                        CREDIT_PARTLY,
                        PARTLY_CREDITED,
                        REJECT,
                        REJECTED_AGAIN,
                        PAY,
                        PAID,
                        WRITE_OFF,
                        WRITTEN_OFF));
        EXPECTED.put(REJECTED_AGAIN, Map.of(CLOSE, CLOSED, PAY, PAID, WRITE_OFF, WRITTEN_OFF));
        EXPECTED.put(CLOSED, Map.of());
        EXPECTED.put(PAID, Map.of());
        EXPECTED.put(WRITTEN_OFF, Map.of());
    }

    @Test
    void everyStateAndAction_leadsWhereTheTableSays_orIsA409NamingTheAllowedOnes() {
        assertEquals(InvoiceState.values().length, EXPECTED.size());
        for (InvoiceState state : InvoiceState.values()) {
            Map<Action, InvoiceState> allowed = EXPECTED.get(state);
            assertEquals(allowed.keySet(), InvoiceWorkflow.TRANSITIONS.allowed(state), state.name());
            for (Action action : Action.values()) {
                if (allowed.containsKey(action)) {
                    assertEquals(
                            allowed.get(action), InvoiceWorkflow.TRANSITIONS.next(state, action), state + " " + action);
                } else {
                    ApiProblem refused = assertThrows(
                            ApiProblem.class,
                            () -> InvoiceWorkflow.TRANSITIONS.next(state, action),
                            state + " " + action);
                    assertEquals(409, refused.status());
                    assertTrue(refused.detail().contains(state.name().toLowerCase()), refused.detail());
                    allowed.keySet()
                            .forEach(a -> assertTrue(
                                    refused.detail().contains(a.name().toLowerCase()), refused.detail()));
                }
            }
        }
    }

    @Test
    void onlyOpenStates_canBePaidOrWrittenOff_andOnlyRequestsAndAppealsAwaitAnAnswer() {
        for (InvoiceState state : InvoiceState.values()) {
            assertEquals(
                    state.open(), InvoiceWorkflow.TRANSITIONS.allowed(state).contains(PAY), state.name());
            assertEquals(state == CREDIT_REQUESTED || state == APPEALED, state.awaitingAnswer(), state.name());
        }
    }
}
