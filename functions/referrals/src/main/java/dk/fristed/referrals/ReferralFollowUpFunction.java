package dk.fristed.referrals;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dk.fristed.aws.DynamoDbConnection;
import dk.fristed.calendar.ClinicCalendar;
import dk.fristed.config.Environment;
import dk.fristed.encryption.FieldEncryption;
import dk.fristed.http.WarmedUpFunction;
import dk.fristed.log.JsonLog;
import dk.fristed.referrals.referral.FollowUp;
import dk.fristed.site.Sites;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The daily follow-up of referrals, run by an EventBridge schedule (template.yaml) with the event
 * EventBridge sends; {@code make invoke FN=ReferralFollowUpFunction} runs it locally on demand.
 */
public final class ReferralFollowUpFunction extends WarmedUpFunction
        implements RequestHandler<ScheduledEvent, Map<String, Integer>> {
    private final FollowUp followUp;
    private final Clock clock;
    private final JsonLog log;
    private final Runnable warmUp;

    /** Lambda's constructor: the encryption path is warmed before the SnapStart snapshot; nothing is written. */
    public ReferralFollowUpFunction() {
        this(Environment.system());
        warmUpBeforeSnapshot(warmUp);
    }

    public ReferralFollowUpFunction(Environment env) {
        this(
                ReferralTables.fromEnvironment(env),
                DynamoDbConnection.of(env),
                FieldEncryption.fromEnvironment(env),
                Sites.parse(env.require(Sites.VARIABLE)),
                env,
                Clock.systemUTC(),
                new JsonLog("referral-follow-up"));
    }

    public ReferralFollowUpFunction(
            ReferralTables tables,
            DynamoDbConnection connection,
            FieldEncryption encryption,
            Sites sites,
            Environment thresholds,
            Clock clock,
            JsonLog log) {
        var opened = tables.open(connection, encryption, clock);
        this.followUp = FollowUp.fromEnvironment(opened.repository(), sites, thresholds);
        this.clock = clock;
        this.log = log;
        this.warmUp = () -> encryption.warmUp(tables.encrypted());
    }

    @Override
    public Map<String, Integer> handleRequest(ScheduledEvent event, Context context) {
        FollowUp.Result result = followUp.run(ClinicCalendar.today(clock));
        log.info("follow-up done", Map.of("overdue", result.overdue(), "flagged", result.flagged()));
        Map<String, Integer> answer = new LinkedHashMap<>(); // in this order in logs and make invoke
        answer.put("overdue", result.overdue());
        answer.put("flagged", result.flagged());
        return answer;
    }
}
