package dk.fristed.audit;

import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

/**
 * One line of the audit trail: who (the token's subject and roles) read or changed which patient's
 * record, through which route, when. Entries are only ever appended.
 */
public final class AuditEntry {
    public static final String BY_SUBJECT = "BySubject";
    /** The partition of reads of aggregate figures (reports), which name no patient. */
    public static final String AGGREGATE = "aggregate";

    public static final StaticTableSchema<AuditEntry> SCHEMA = StaticTableSchema.builder(AuditEntry.class)
            .newItemSupplier(AuditEntry::new)
            .addAttribute(
                    String.class,
                    a -> a.name("helpNumber")
                            .getter(AuditEntry::getHelpNumber)
                            .setter(AuditEntry::setHelpNumber)
                            .tags(primaryPartitionKey()))
            .addAttribute(
                    String.class,
                    a -> a.name("entryKey")
                            .getter(AuditEntry::getEntryKey)
                            .setter(AuditEntry::setEntryKey)
                            .tags(primarySortKey(), secondarySortKey(BY_SUBJECT)))
            .addAttribute(
                    String.class,
                    a -> a.name("subject")
                            .getter(AuditEntry::getSubject)
                            .setter(AuditEntry::setSubject)
                            .tags(secondaryPartitionKey(BY_SUBJECT)))
            .addAttribute(
                    String.class,
                    a -> a.name("roles").getter(AuditEntry::getRoles).setter(AuditEntry::setRoles))
            .addAttribute(
                    String.class,
                    a -> a.name("route").getter(AuditEntry::getRoute).setter(AuditEntry::setRoute))
            .addAttribute(
                    String.class,
                    a -> a.name("action").getter(AuditEntry::getAction).setter(AuditEntry::setAction))
            .addAttribute(
                    String.class, a -> a.name("at").getter(AuditEntry::getAt).setter(AuditEntry::setAt))
            .addAttribute(
                    String.class,
                    a -> a.name("about").getter(AuditEntry::getAbout).setter(AuditEntry::setAbout))
            .build();

    private String helpNumber;
    private String entryKey;
    private String subject;
    private String roles;
    private String route;
    private String action;
    private String at;
    private String about;

    public String getHelpNumber() {
        return helpNumber;
    }

    public void setHelpNumber(String helpNumber) {
        this.helpNumber = helpNumber;
    }
    /** {@code <instant>#<random>}: time-ordered and unique, so an entry can never overwrite another. */
    public String getEntryKey() {
        return entryKey;
    }

    public void setEntryKey(String entryKey) {
        this.entryKey = entryKey;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getRoles() {
        return roles;
    }

    public void setRoles(String roles) {
        this.roles = roles;
    }

    public String getRoute() {
        return route;
    }

    public void setRoute(String route) {
        this.route = route;
    }
    /** {@code read} or {@code change}. */
    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getAbout() {
        return about;
    }

    public void setAbout(String about) {
        this.about = about;
    }

    public String getAt() {
        return at;
    }

    public void setAt(String at) {
        this.at = at;
    }
}
