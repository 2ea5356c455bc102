package dk.fristed.records.patient;

import dk.fristed.encryption.EncryptedTable;
import dk.fristed.helpnumber.HelpNumber;
import dk.fristed.validation.Fields;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

/**
 * A patient as stored in PatientsTable. The static schema is the one place that names its attributes
 * (no reflection at cold start); {@link #of} and {@link #toPatient} map to and from the domain.
 */
public final class PatientItem {
    public static final String BY_COHORT = "ByCohort";

    public static final StaticTableSchema<PatientItem> SCHEMA = StaticTableSchema.builder(PatientItem.class)
            .newItemSupplier(PatientItem::new)
            .addAttribute(
                    String.class,
                    a -> a.name("helpNumber")
                            .getter(PatientItem::getHelpNumber)
                            .setter(PatientItem::setHelpNumber)
                            .tags(primaryPartitionKey(), secondarySortKey(BY_COHORT)))
            .addAttribute(
                    String.class,
                    a -> a.name("cohort")
                            .getter(PatientItem::getCohort)
                            .setter(PatientItem::setCohort)
                            .tags(secondaryPartitionKey(BY_COHORT)))
            .addAttribute(
                    Integer.class,
                    a -> a.name("birthYear").getter(PatientItem::getBirthYear).setter(PatientItem::setBirthYear))
            .addAttribute(
                    String.class, a -> a.name("sex").getter(PatientItem::getSex).setter(PatientItem::setSex))
            .addAttribute(
                    String.class,
                    a -> a.name("nationality")
                            .getter(PatientItem::getNationality)
                            .setter(PatientItem::setNationality))
            .addAttribute(
                    EnhancedType.listOf(String.class),
                    a -> a.name("languages").getter(PatientItem::getLanguages).setter(PatientItem::setLanguages))
            .addAttribute(
                    Boolean.class,
                    a -> a.name("interpreterNeeded")
                            .getter(PatientItem::getInterpreterNeeded)
                            .setter(PatientItem::setInterpreterNeeded))
            .addAttribute(
                    String.class,
                    a -> a.name("name").getter(PatientItem::getName).setter(PatientItem::setName))
            .addAttribute(
                    String.class,
                    a -> a.name("phone").getter(PatientItem::getPhone).setter(PatientItem::setPhone))
            .addAttribute(
                    String.class,
                    a -> a.name("registeredAt")
                            .getter(PatientItem::getRegisteredAt)
                            .setter(PatientItem::setRegisteredAt))
            .addAttribute(
                    Long.class,
                    a -> a.name("version").getter(PatientItem::getVersion).setter(PatientItem::setVersion))
            .addAttribute(
                    String.class,
                    a -> a.name("firstVisitKey")
                            .getter(PatientItem::getFirstVisitKey)
                            .setter(PatientItem::setFirstVisitKey))
            .addAttribute(
                    String.class,
                    a -> a.name("erasedAt").getter(PatientItem::getErasedAt).setter(PatientItem::setErasedAt))
            .addAttribute(
                    String.class,
                    a -> a.name("mergedInto").getter(PatientItem::getMergedInto).setter(PatientItem::setMergedInto))
            .addAttribute(
                    EnhancedType.listOf(String.class),
                    a -> a.name("mergedFrom").getter(PatientItem::getMergedFrom).setter(PatientItem::setMergedFrom))
            .addAttribute(
                    String.class,
                    a -> a.name("mergeMoving")
                            .getter(PatientItem::getMergeMoving)
                            .setter(PatientItem::setMergeMoving))
            .build();

    /**
     * What is encrypted before it reaches DynamoDB: everything but the keys, what the duplicate search
     * and statistics count by (birth year, sex, nationality: the cohort index key holds them anyway), and
     * what conditions test (version, erasedAt, the merge's pointers; the erasure and merge streams read
     * erasedAt and mergedInto too). firstVisitKey is set in place by visit registration. mergedFrom, the
     * old help numbers of a survivor, is encrypted: it ties records together.
     */
    public static EncryptedTable encryption(String tableName) {
        return EncryptedTable.of("PatientsTable", tableName, SCHEMA)
                .signedOnly("birthYear", "sex", "nationality", "version", "erasedAt", "mergedInto", "mergeMoving")
                .unsigned("firstVisitKey");
    }

    private String helpNumber;
    private String cohort;
    private Integer birthYear;
    private String sex;
    private String nationality;
    private List<String> languages;
    private Boolean interpreterNeeded;
    private String name;
    private String phone;
    private String registeredAt;
    private Long version;
    private String firstVisitKey;
    private String erasedAt;
    private String mergedInto;
    private List<String> mergedFrom;
    private String mergeMoving;

    public static PatientItem of(Patient patient) {
        PatientDetails d = patient.details();
        PatientItem item = new PatientItem();
        item.helpNumber = patient.helpNumber().value();
        // an erased record, or a merged one's pointer, stays out of the duplicate search
        boolean active = patient.erasedAt().isEmpty() && patient.mergedInto().isEmpty();
        item.cohort = active ? d.cohort() : null;
        item.birthYear = d.birthYear();
        item.sex = d.sex().name();
        item.nationality = d.nationality();
        item.languages = active ? d.languages() : null;
        item.interpreterNeeded = active ? d.interpreterNeeded() : null;
        item.name = d.name().orElse(null);
        item.phone = d.phone().orElse(null);
        item.registeredAt = patient.registeredAt().toString();
        item.version = patient.version();
        item.firstVisitKey = patient.firstVisitKey().orElse(null);
        item.erasedAt = patient.erasedAt().map(Instant::toString).orElse(null);
        MergeLinks merges = patient.merges();
        item.mergedInto = merges.into().map(HelpNumber::value).orElse(null);
        item.mergedFrom = merges.from().isEmpty()
                ? null
                : merges.from().stream().map(HelpNumber::value).toList();
        item.mergeMoving = merges.moving().map(HelpNumber::value).orElse(null);
        return item;
    }

    /**
     * What an erased help number keeps: the number itself, so that it answers 410 and is never issued
     * again, when it was erased and its version. {@code into}: while its visits move to the erasure's
     * statistical record, that record; for a duplicate merged earlier, its survivor (the other
     * functions erase under both numbers, whatever order the stream brings the two changes in).
     */
    public static PatientItem tombstone(HelpNumber helpNumber, Instant at, long version, Optional<HelpNumber> into) {
        PatientItem item = new PatientItem();
        item.helpNumber = helpNumber.value();
        item.erasedAt = at.toString();
        item.version = version;
        item.mergedInto = into.map(HelpNumber::value).orElse(null);
        return item;
    }

    /**
     * This item as a merge leaves the duplicate: a pointer to the survivor, without the personal fields
     * (the survivor keeps its own or takes these) and out of the duplicate search, at the next version.
     */
    public PatientItem mergedInto(HelpNumber survivor) {
        PatientItem item = withoutPersonalFields();
        item.mergedInto = survivor.value();
        item.mergedFrom = null; // the survivor lists them now
        return item;
    }

    private PatientItem withoutPersonalFields() {
        PatientItem item = of(toPatient());
        item.cohort = null;
        item.languages = null;
        item.interpreterNeeded = null;
        item.name = null;
        item.phone = null;
        item.version = version + 1;
        return item;
    }

    /** A tombstone has no details: it reads as born in year 0, sex and nationality unknown, never shown or counted. */
    public Patient toPatient() {
        return new Patient(
                new HelpNumber(helpNumber),
                new PatientDetails(
                        birthYear == null ? 0 : birthYear,
                        sex == null ? Sex.UNKNOWN : Sex.valueOf(sex),
                        nationality == null ? Fields.UNKNOWN_NATIONALITY : nationality,
                        languages == null ? List.of() : languages,
                        Boolean.TRUE.equals(interpreterNeeded),
                        Optional.ofNullable(name),
                        Optional.ofNullable(phone)),
                registeredAt == null ? Instant.EPOCH : Instant.parse(registeredAt),
                version,
                Optional.ofNullable(firstVisitKey),
                Optional.ofNullable(erasedAt).map(Instant::parse),
                new MergeLinks(
                        Optional.ofNullable(mergedInto).map(HelpNumber::new),
                        mergedFrom == null
                                ? List.of()
                                : mergedFrom.stream().map(HelpNumber::new).toList(),
                        Optional.ofNullable(mergeMoving).map(HelpNumber::new)));
    }

    public String getHelpNumber() {
        return helpNumber;
    }

    public void setHelpNumber(String helpNumber) {
        this.helpNumber = helpNumber;
    }

    public String getCohort() {
        return cohort;
    }

    public void setCohort(String cohort) {
        this.cohort = cohort;
    }

    public Integer getBirthYear() {
        return birthYear;
    }

    public void setBirthYear(Integer birthYear) {
        this.birthYear = birthYear;
    }

    public String getSex() {
        return sex;
    }

    public void setSex(String sex) {
        this.sex = sex;
    }

    public String getNationality() {
        return nationality;
    }

    public void setNationality(String nationality) {
        this.nationality = nationality;
    }

    public List<String> getLanguages() {
        return languages;
    }

    public void setLanguages(List<String> languages) {
        this.languages = languages;
    }

    public Boolean getInterpreterNeeded() {
        return interpreterNeeded;
    }

    public void setInterpreterNeeded(Boolean interpreterNeeded) {
        this.interpreterNeeded = interpreterNeeded;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getRegisteredAt() {
        return registeredAt;
    }

    public void setRegisteredAt(String registeredAt) {
        this.registeredAt = registeredAt;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public String getFirstVisitKey() {
        return firstVisitKey;
    }

    public void setFirstVisitKey(String firstVisitKey) {
        this.firstVisitKey = firstVisitKey;
    }

    public String getErasedAt() {
        return erasedAt;
    }

    public void setErasedAt(String erasedAt) {
        this.erasedAt = erasedAt;
    }

    public String getMergedInto() {
        return mergedInto;
    }

    public void setMergedInto(String mergedInto) {
        this.mergedInto = mergedInto;
    }

    public List<String> getMergedFrom() {
        return mergedFrom;
    }

    public void setMergedFrom(List<String> mergedFrom) {
        this.mergedFrom = mergedFrom;
    }

    public String getMergeMoving() {
        return mergeMoving;
    }

    public void setMergeMoving(String mergeMoving) {
        this.mergeMoving = mergeMoving;
    }
}
