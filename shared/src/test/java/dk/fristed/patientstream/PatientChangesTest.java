package dk.fristed.patientstream;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import dk.fristed.helpnumber.HelpNumber;
import dk.fristed.log.JsonLog;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which change of a patient's record erases and which moves, whatever order the stream's shards deliver them in. */
class PatientChangesTest {
    private static final HelpNumber DUPLICATE = HelpNumber.random();
    private static final HelpNumber SURVIVOR = HelpNumber.random();

    private final List<String> done = new ArrayList<>();
    private final PatientChanges changes = new PatientChanges(
            (patient, at) -> {
                done.add("erase " + patient.value());
                return 1;
            },
            (from, to) -> {
                done.add("move " + from.value() + " to " + to.value());
                return 1;
            },
            "referrals",
            new JsonLog("test", new PrintStream(new ByteArrayOutputStream(), true)));

    @Test
    void aMerge_movesTheDuplicatesRecords() {
        changes.handle(event(DUPLICATE, Map.of("mergedInto", SURVIVOR.value())));

        assertEquals(List.of("move " + DUPLICATE.value() + " to " + SURVIVOR.value()), done);
    }

    @Test
    void aMergedRecordErasedWithItsSurvivor_erasesUnderBothNumbers() {
        // the survivor's erasure may have run before this record's merge moved its records there
        changes.handle(event(DUPLICATE, Map.of("mergedInto", SURVIVOR.value(), "erasedAt", "2025-06-01T10:00:00Z")));

        assertEquals(List.of("erase " + DUPLICATE.value(), "erase " + SURVIVOR.value()), done);
    }

    @Test
    void anErasure_erases_andAnyOtherChangeDoesNothing() {
        changes.handle(event(SURVIVOR, Map.of("erasedAt", "2025-06-01T10:00:00Z")));
        changes.handle(event(DUPLICATE, Map.of("version", "3")));

        assertEquals(List.of("erase " + SURVIVOR.value()), done);
    }

    private static DynamodbEvent event(HelpNumber patient, Map<String, String> image) {
        Map<String, AttributeValue> newImage = new HashMap<>();
        image.forEach((name, value) -> newImage.put(name, new AttributeValue().withS(value)));
        newImage.put("helpNumber", new AttributeValue().withS(patient.value()));
        StreamRecord stream = new StreamRecord()
                .withKeys(Map.of("helpNumber", new AttributeValue().withS(patient.value())))
                .withNewImage(newImage)
                .withSequenceNumber("1");
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventName("MODIFY");
        record.setDynamodb(stream);
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.of(record));
        return event;
    }
}
