package dk.fristed.reports.openday;

import dk.fristed.storage.StoredItem;
import dk.fristed.storage.StoredItemSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

import java.time.Instant;
import java.time.LocalDate;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

/** An open day as stored in OpenDaysTable: a site's days under its key, by date. Nothing personal, so nothing encrypted. */
public final class OpenDayItem extends StoredItem {
    public static final StaticTableSchema<OpenDayItem> SCHEMA = StoredItemSchema.of(OpenDayItem.class, OpenDayItem::new)
            .string("site", primaryPartitionKey())
            .string("date", primarySortKey())
            .string("kind")
            .number("version")
            .string("recordedBy")
            .string("recordedAt")
            .build();

    static OpenDayItem of(OpenDay day) {
        OpenDayItem item = new OpenDayItem();
        item.put("site", day.site());
        item.put("date", day.date().toString());
        item.put("kind", day.kind().name());
        item.put("version", day.version());
        item.put("recordedBy", day.recordedBy());
        item.put("recordedAt", day.recordedAt().toString());
        return item;
    }

    OpenDay toOpenDay() {
        return new OpenDay(
                string("site"),
                LocalDate.parse(string("date")),
                OpenDayKind.valueOf(string("kind")),
                number("version"),
                string("recordedBy"),
                Instant.parse(string("recordedAt")));
    }
}
