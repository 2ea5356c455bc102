package dk.fristed.records.visit;

import dk.fristed.calendar.Period;
import dk.fristed.encryption.EncryptedTable;
import dk.fristed.helpnumber.HelpNumber;
import dk.fristed.icpc.IcpcCode;
import dk.fristed.storage.IndexQueries;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

/** A visit as stored in VisitsTable; the one place that names its attributes. */
public final class VisitItem {
    public static final String BY_SITE_DATE = "BySiteDate";

    /** A site's visits of a period (the BySiteDate index): what the reports count. */
    public static List<Visit> seenAt(IndexQueries<VisitItem, Visit> queries, String site, Period period) {
        return queries.all(BY_SITE_DATE, IndexQueries.datedIn(site, period));
    }

    public static final StaticTableSchema<VisitItem> SCHEMA = StaticTableSchema.builder(VisitItem.class)
            .newItemSupplier(VisitItem::new)
            .addAttribute(
                    String.class,
                    a -> a.name("helpNumber")
                            .getter(VisitItem::getHelpNumber)
                            .setter(VisitItem::setHelpNumber)
                            .tags(primaryPartitionKey()))
            .addAttribute(
                    String.class,
                    a -> a.name("visitKey")
                            .getter(VisitItem::getVisitKey)
                            .setter(VisitItem::setVisitKey)
                            .tags(primarySortKey(), secondarySortKey(BY_SITE_DATE)))
            .addAttribute(
                    String.class,
                    a -> a.name("site")
                            .getter(VisitItem::getSite)
                            .setter(VisitItem::setSite)
                            .tags(secondaryPartitionKey(BY_SITE_DATE)))
            .addAttribute(
                    String.class,
                    a -> a.name("service").getter(VisitItem::getService).setter(VisitItem::setService))
            .addAttribute(
                    String.class,
                    a -> a.name("interpreterLanguage")
                            .getter(VisitItem::getInterpreterLanguage)
                            .setter(VisitItem::setInterpreterLanguage))
            .addAttribute(
                    EnhancedType.listOf(String.class),
                    a -> a.name("diagnoses").getter(VisitItem::getDiagnoses).setter(VisitItem::setDiagnoses))
            .addAttribute(
                    Boolean.class,
                    a -> a.name("firstVisit").getter(VisitItem::getFirstVisit).setter(VisitItem::setFirstVisit))
            .addAttribute(
                    String.class,
                    a -> a.name("registeredAt")
                            .getter(VisitItem::getRegisteredAt)
                            .setter(VisitItem::setRegisteredAt))
            .build();

    /**
     * Everything but the keys (help number, site, date) is encrypted: service, interpreter language and
     * diagnoses say too much about a person. firstVisit is set in place when an earlier visit is registered.
     */
    public static EncryptedTable encryption(String tableName) {
        return EncryptedTable.of("VisitsTable", tableName, SCHEMA).unsigned("firstVisit");
    }

    /** A visit's key as DynamoDB takes it. */
    public static Map<String, AttributeValue> key(HelpNumber helpNumber, String visitKey) {
        return Map.of(
                "helpNumber", AttributeValue.fromS(helpNumber.value()), "visitKey", AttributeValue.fromS(visitKey));
    }

    /**
     * The in-place update that tells a visit it is no longer the patient's first: a visit registered later
     * for an earlier day took over, or a merge kept the other record's earlier first visit.
     */
    public static TransactWriteItem noLongerFirst(String tableName, HelpNumber helpNumber, String visitKey) {
        return TransactWriteItem.builder()
                .update(Update.builder()
                        .tableName(tableName)
                        .key(key(helpNumber, visitKey))
                        .updateExpression("SET firstVisit = :false")
                        .conditionExpression("attribute_exists(visitKey)")
                        .expressionAttributeValues(Map.of(":false", AttributeValue.fromBool(false)))
                        .build())
                .build();
    }

    private String helpNumber;
    private String visitKey;
    private String site;
    private String service;
    private String interpreterLanguage;
    private List<String> diagnoses;
    private Boolean firstVisit;
    private String registeredAt;

    public static VisitItem of(Visit visit) {
        VisitItem item = new VisitItem();
        item.helpNumber = visit.helpNumber().value();
        item.visitKey = visit.key();
        item.site = visit.site();
        item.service = visit.service().name();
        item.interpreterLanguage = visit.interpreterLanguage().orElse(null);
        item.diagnoses = visit.diagnoses().stream().map(IcpcCode::value).toList();
        item.firstVisit = visit.firstVisit();
        item.registeredAt = visit.registeredAt().toString();
        return item;
    }

    public Visit toVisit() {
        int hash = visitKey.indexOf('#');
        return new Visit(
                new HelpNumber(helpNumber),
                visitKey.substring(hash + 1),
                site,
                LocalDate.parse(visitKey.substring(0, hash)),
                Service.valueOf(service),
                Optional.ofNullable(interpreterLanguage),
                diagnoses == null
                        ? List.of()
                        : diagnoses.stream().map(IcpcCode::new).toList(),
                Boolean.TRUE.equals(firstVisit),
                Instant.parse(registeredAt));
    }

    public String getHelpNumber() {
        return helpNumber;
    }

    public void setHelpNumber(String helpNumber) {
        this.helpNumber = helpNumber;
    }

    public String getVisitKey() {
        return visitKey;
    }

    public void setVisitKey(String visitKey) {
        this.visitKey = visitKey;
    }

    public String getSite() {
        return site;
    }

    public void setSite(String site) {
        this.site = site;
    }

    public String getService() {
        return service;
    }

    public void setService(String service) {
        this.service = service;
    }

    public String getInterpreterLanguage() {
        return interpreterLanguage;
    }

    public void setInterpreterLanguage(String interpreterLanguage) {
        this.interpreterLanguage = interpreterLanguage;
    }

    public List<String> getDiagnoses() {
        return diagnoses;
    }

    public void setDiagnoses(List<String> diagnoses) {
        this.diagnoses = diagnoses;
    }

    public Boolean getFirstVisit() {
        return firstVisit;
    }

    public void setFirstVisit(Boolean firstVisit) {
        this.firstVisit = firstVisit;
    }

    public String getRegisteredAt() {
        return registeredAt;
    }

    public void setRegisteredAt(String registeredAt) {
        this.registeredAt = registeredAt;
    }
}
