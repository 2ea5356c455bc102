package dk.fristed.erasure;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import dk.fristed.helpnumber.HelpNumber;
import dk.fristed.log.JsonLog;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Erasure reaching another function's tables: a patient erased by {@code DELETE /patients/{helpNumber}}
 * (the visits function sets {@code erasedAt} on the record) arrives from the patients table's DynamoDB
 * stream, filtered in template.yaml to those changes, and each function erases that patient's personal
 * parts in its own tables. A record that fails is reported with those after it, so Lambda retries from
 * it and no erasure is skipped; an eraser must change nothing when run twice.
 */
public final class ErasedPatients {
    /** Erases one patient's personal parts from the caller's tables; returns how many records it changed. */
    @FunctionalInterface
    public interface Eraser {
        int erase(HelpNumber patient, Instant erasedAt);
    }

    private final Eraser eraser;
    private final String records;
    private final JsonLog log;

    /** {@code records} names what is erased, for the log ("referrals", "invoices"). */
    public ErasedPatients(Eraser eraser, String records, JsonLog log) {
        this.eraser = eraser;
        this.records = records;
        this.log = log;
    }

    public StreamsEventResponse handle(DynamodbEvent event) {
        List<DynamodbEvent.DynamodbStreamRecord> all = event.getRecords() == null ? List.of() : event.getRecords();
        for (int i = 0; i < all.size(); i++) {
            try {
                erase(all.get(i));
            } catch (RuntimeException e) {
                // the class only: a message could quote a value
                log.error("erasure of " + records + " failed; Lambda retries from this record", Map.of("error", e.getClass().getName()));
                return StreamsEventResponse.builder().withBatchItemFailures(all.subList(i, all.size()).stream()
                        .map(r -> StreamsEventResponse.BatchItemFailure.builder()
                                .withItemIdentifier(r.getDynamodb().getSequenceNumber()).build())
                        .toList()).build();
            }
        }
        return StreamsEventResponse.builder().withBatchItemFailures(List.of()).build();
    }

    private void erase(DynamodbEvent.DynamodbStreamRecord record) {
        Map<String, AttributeValue> image = record.getDynamodb().getNewImage();
        AttributeValue erasedAt = image == null ? null : image.get("erasedAt");
        if (erasedAt == null || erasedAt.getS() == null) {
            return; // not an erasure (the template's filter lets none through; a local delivery may)
        }
        HelpNumber patient = new HelpNumber(record.getDynamodb().getKeys().get("helpNumber").getS());
        int changed = eraser.erase(patient, Instant.parse(erasedAt.getS()));
        log.info(records + " erased with their patient", Map.of(records, changed));
    }
}
