package dk.fristed.patientstream;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import dk.fristed.helpnumber.HelpNumber;
import dk.fristed.log.JsonLog;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Changes of a patient's record reaching another function's tables, from the patients table's DynamoDB
 * stream (filtered in template.yaml to these changes):
 * <ul>
 * <li>an erasure ({@code DELETE /patients/{helpNumber}} sets {@code erasedAt}): the function erases that
 * patient's personal parts in its tables;</li>
 * <li>a merge ({@code POST /patients/{helpNumber}/merges} sets {@code mergedInto} on the duplicate): the
 * function moves the duplicate's records to the surviving help number.</li>
 * </ul>
 * Erasing a survivor marks its merged records erased too; such a record is erased under both numbers,
 * so that whatever its merge moved after the survivor's erasure ran (two stream shards, no order between
 * them) is erased as well. A record that fails is reported with those after it, so Lambda retries from it
 * and nothing is skipped; erasing or moving must change nothing when run twice.
 */
public final class PatientChanges {
    /** Erases one patient's personal parts from the caller's tables; returns how many records it changed. */
    @FunctionalInterface
    public interface Eraser {
        int erase(HelpNumber patient, Instant erasedAt);
    }

    /** Moves a merged patient's records to the survivor's help number; returns how many it moved. */
    @FunctionalInterface
    public interface Mover {
        int move(HelpNumber duplicate, HelpNumber survivor);
    }

    private final Eraser eraser;
    private final Mover mover;
    private final String records;
    private final JsonLog log;

    /** {@code records} names what is changed, for the log ("referrals", "invoices"). */
    public PatientChanges(Eraser eraser, Mover mover, String records, JsonLog log) {
        this.eraser = eraser;
        this.mover = mover;
        this.records = records;
        this.log = log;
    }

    public StreamsEventResponse handle(DynamodbEvent event) {
        List<DynamodbEvent.DynamodbStreamRecord> all = event.getRecords() == null ? List.of() : event.getRecords();
        for (int i = 0; i < all.size(); i++) {
            try {
                follow(all.get(i));
            } catch (RuntimeException e) {
                // the class only: a message could quote a value
                log.error(
                        records + " did not follow their patient's record; Lambda retries from this change",
                        Map.of("error", e.getClass().getName()));
                return StreamsEventResponse.builder()
                        .withBatchItemFailures(all.subList(i, all.size()).stream()
                                .map(r -> StreamsEventResponse.BatchItemFailure.builder()
                                        .withItemIdentifier(r.getDynamodb().getSequenceNumber())
                                        .build())
                                .toList())
                        .build();
            }
        }
        return StreamsEventResponse.builder().withBatchItemFailures(List.of()).build();
    }

    private void follow(DynamodbEvent.DynamodbStreamRecord record) {
        Map<String, AttributeValue> image = record.getDynamodb().getNewImage();
        String erasedAt = string(image, "erasedAt");
        String mergedInto = string(image, "mergedInto");
        HelpNumber patient =
                new HelpNumber(record.getDynamodb().getKeys().get("helpNumber").getS());
        if (erasedAt != null) {
            int changed = eraser.erase(patient, Instant.parse(erasedAt));
            if (mergedInto != null) {
                changed += eraser.erase(new HelpNumber(mergedInto), Instant.parse(erasedAt));
            }
            log.info(records + " erased with their patient", Map.of(records, changed));
        } else if (mergedInto != null) {
            log.info(
                    records + " moved with their patient's merged record",
                    Map.of(records, mover.move(patient, new HelpNumber(mergedInto))));
        }
        // otherwise neither (the template's filters let none through; a local delivery may)
    }

    private static String string(Map<String, AttributeValue> image, String attribute) {
        AttributeValue value = image == null ? null : image.get(attribute);
        return value == null ? null : value.getS();
    }
}
