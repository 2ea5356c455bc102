package dk.fristed.admin;

import dk.fristed.audit.AuditEntry;
import dk.fristed.helpnumber.HelpNumber;
import dk.fristed.http.ApiRequest;
import dk.fristed.http.ApiResponse;
import dk.fristed.paging.Cursor;
import dk.fristed.paging.Page;
import dk.fristed.paging.PageRequest;
import dk.fristed.problem.ApiProblem;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

import java.util.regex.Pattern;

/**
 * The admin's view of the audit trail: who read or changed a patient's record, and what a user read
 * or changed; newest first, paged, one query each.
 */
final class AuditQueries {
    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9._@:-]{1,128}");

    private final DynamoDbTable<AuditEntry> table;
    private final Cursor cursor;

    AuditQueries(DynamoDbTable<AuditEntry> table, Cursor cursor) {
        this.table = table;
        this.cursor = cursor;
    }

    /** {@code GET /audit/patients/{helpNumber}}. */
    ApiResponse ofPatient(ApiRequest request) {
        HelpNumber helpNumber = HelpNumber.parse(request.path("helpNumber"), "helpNumber");
        return page(request, "audit-of-patient|" + helpNumber.value(), helpNumber.value(), false);
    }

    /** {@code GET /audit/users/{subject}}: the subject is the user's Cognito sub. */
    ApiResponse ofUser(ApiRequest request) {
        String subject = request.path("subject");
        if (!SUBJECT.matcher(subject).matches()) {
            throw ApiProblem.badRequest("subject", "must be a user's subject (the token's sub)");
        }
        return page(request, "audit-of-user|" + subject, subject, true);
    }

    private ApiResponse page(ApiRequest request, String scope, String partition, boolean bySubject) {
        PageRequest page = PageRequest.from(request);
        var query = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(
                        Key.builder().partitionValue(partition).build()))
                .scanIndexForward(false)
                .limit(page.limit());
        page.cursor().ifPresent(c -> query.exclusiveStartKey(cursor.decode(c, scope)));
        var result = (bySubject ? table.index(AuditEntry.BY_SUBJECT).query(query.build()) : table.query(query.build()))
                .iterator()
                .next();
        return ApiResponse.ok(new Page<>(
                result.items().stream().map(AuditEntryResponse::of).toList(),
                cursor.after(result.lastEvaluatedKey(), scope)));
    }
}
