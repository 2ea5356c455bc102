package dk.fristed.referrals;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fristed.records.referral.ReferralState;
import dk.fristed.referrals.referral.Action;
import dk.fristed.referrals.referral.ReferralWorkflow;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dk.fristed.referrals.ReferralsApi.action;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every state and every action through the API: a referral is brought into each state by the public
 * routes, then each action is tried on it; the legal ones answer 200 with the state the transition
 * table names, every other one 409 naming the state and the allowed actions, and changes nothing.
 */
class ReferralTransitionsIT {
    private final ReferralsApi api = new ReferralsApi();

    /** How to reach each state from a new referral, through the API. */
    private static final Map<ReferralState, List<Map<String, Object>>> PATHS = new EnumMap<>(ReferralState.class);

    static {
        var send = action("send");
        var reject = action("reject", "reason", "wrong_receiver");
        var accept = action("accept");
        var book = action("book_appointment", "appointmentDate", "2025-03-10");
        var complain = action("file_complaint", "complaintBody", "hospital");
        PATHS.put(ReferralState.DRAFTED, List.of());
        PATHS.put(ReferralState.SENT, List.of(send));
        PATHS.put(ReferralState.ACCEPTED, List.of(send, accept));
        PATHS.put(ReferralState.APPOINTMENT_BOOKED, List.of(send, accept, book));
        PATHS.put(ReferralState.COMPLETED, List.of(send, accept, book, action("complete")));
        PATHS.put(ReferralState.NOT_ATTENDED, List.of(send, accept, book, action("not_attended")));
        PATHS.put(ReferralState.REJECTED, List.of(send, reject));
        PATHS.put(ReferralState.COMPLAINT_FILED, List.of(send, reject, complain));
        PATHS.put(ReferralState.CLOSED, List.of(send, reject, action("close")));
        PATHS.put(ReferralState.REFERRED_AGAIN, List.of(send, reject)); // then a new referral replaces it (below)
        PATHS.put(ReferralState.CANCELLED, List.of(action("cancel", "note", "patient left Denmark")));
    }

    @Test
    void everyActionFromEveryState_throughTheApi() throws Exception {
        assertEquals(ReferralState.values().length, PATHS.size(), "every state is reached");
        List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());
        // the states side by side, each with its own patient: four clinicians at once
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (Future<?> state : pool.invokeAll(PATHS.entrySet().stream()
                    .map(path -> Executors.callable(() -> everyActionFrom(path.getKey(), path.getValue(), wrong)))
                    .toList())) {
                state.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(), wrong);
    }

    private void everyActionFrom(ReferralState state, List<Map<String, Object>> path, List<String> wrong) {
        String patient = api.registerPatient();
        for (Action action : Action.values()) {
            if (action == Action.REFER_AGAIN) {
                continue; // not an action of this route: POST /referrals with replaces (ReferralsIT)
            }
            String id = api.create(patient, "copenhagen", "2025-02-01", "examination");
            long version = api.walkCreated(id, path);
            if (state == ReferralState.REFERRED_AGAIN) {
                var again = ReferralsApi.referral(patient, "copenhagen", "2025-02-01", "examination");
                again.put("replaces", id);
                api.call("POST", "/referrals", "clinician", again);
                version++;
            }
            var response = api.move(id, version, body(action));
            boolean legal = ReferralWorkflow.TRANSITIONS.allowed(state).contains(action);
            String expected = legal ? "200 " + wire(ReferralWorkflow.TRANSITIONS.next(state, action)) : "409";
            String got = response.status()
                    + (response.status() == 200
                            ? " " + response.body().get("state").asText()
                            : "");
            if (!expected.equals(got)) {
                wrong.add(wire(state) + " + " + wire(action) + ": expected " + expected + ", got " + got);
            }
            if (!legal) {
                String detail = response.body().path("detail").asText();
                ReferralWorkflow.TRANSITIONS.allowed(state).stream()
                        .filter(a -> !detail.contains(wire(a)))
                        .forEach(a -> wrong.add(wire(state) + " + " + wire(action) + ": 409 does not name " + wire(a)));
                JsonNode now =
                        api.call("GET", "/referrals/" + id, "clinician", null).body();
                if (now.get("history").size() != version
                        || !now.get("state").asText().equals(wire(state))) {
                    wrong.add(wire(state) + " + " + wire(action) + ": a refused action changed the referral");
                }
            }
        }
    }

    /** The action with the fields it needs. */
    private static Map<String, Object> body(Action action) {
        return switch (action) {
            case REJECT -> action("reject", "reason", "other");
            case BOOK_APPOINTMENT -> action("book_appointment", "appointmentDate", "2025-03-20");
            case FILE_COMPLAINT -> action("file_complaint", "complaintBody", "patient_complaints_board");
            case CANCEL -> action("cancel", "note", "no longer needed");
            default -> action(wire(action));
        };
    }

    private static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
