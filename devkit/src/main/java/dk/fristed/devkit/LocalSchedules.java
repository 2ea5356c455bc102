package dk.fristed.devkit;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dk.fristed.json.Json;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The template's EventBridge schedules, run locally: each function gets the "Scheduled Event" JSON that
 * EventBridge sends, read by Lambda's own serializer, on its schedule ({@link #start}) or on demand
 * ({@link #invoke}, {@code make invoke FN=...}). The expressions the template uses are understood:
 * {@code rate(N minutes|hours|days)} and a daily {@code cron(M H * * ? *)} in UTC; any other stops the
 * runner at start with a message, rather than silently never running.
 */
public final class LocalSchedules {
    private static final PojoSerializer<ScheduledEvent> SERIALIZER =
            LambdaEventSerializers.serializerFor(ScheduledEvent.class, LocalSchedules.class.getClassLoader());
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");
    private static final Pattern DAILY_CRON = Pattern.compile("cron\\((\\d{1,2}) (\\d{1,2}) \\* \\* \\? \\*\\)");

    private final Map<String, SamTemplate.ScheduleDefinition> schedules = new LinkedHashMap<>();
    private final Map<String, RequestHandler<ScheduledEvent, ?>> handlers = new LinkedHashMap<>();

    public LocalSchedules(SamTemplate template, Function<String, ? extends RequestHandler<?, ?>> handlerOf) {
        for (var schedule : template.schedules()) {
            next(schedule.expression(), Instant.now()); // refuses an expression it cannot run
            schedules.put(schedule.functionLogicalId(), schedule);
            handlers.put(schedule.functionLogicalId(), scheduledHandler(handlerOf.apply(schedule.functionLogicalId())));
        }
    }

    /** A function with a Schedule event takes EventBridge's ScheduledEvent (template.yaml). */
    @SuppressWarnings("unchecked")
    private static RequestHandler<ScheduledEvent, ?> scheduledHandler(RequestHandler<?, ?> handler) {
        return (RequestHandler<ScheduledEvent, ?>) handler;
    }

    public Map<String, SamTemplate.ScheduleDefinition> schedules() {
        return schedules;
    }

    /** Runs the function now, with the event EventBridge would send; answers what it returned. */
    public Object invoke(String logicalId) {
        var handler = handlers.get(logicalId);
        if (handler == null) {
            throw new IllegalArgumentException(
                    "no scheduled function " + logicalId + "; these are: " + handlers.keySet());
        }
        return handler.handleRequest(event(logicalId, Instant.now()), new LocalContext(logicalId));
    }

    /** Runs every schedule at its times until the executor is shut down. */
    public void start(ScheduledExecutorService executor) {
        schedules.keySet().forEach(id -> scheduleNext(executor, id));
    }

    private void scheduleNext(ScheduledExecutorService executor, String logicalId) {
        Instant now = Instant.now();
        Duration wait = Duration.between(now, next(schedules.get(logicalId).expression(), now));
        executor.schedule(
                () -> {
                    try {
                        System.out.println(
                                "{\"level\":\"INFO\",\"logger\":\"local-runner\",\"message\":\"scheduled run\",\"function\":\""
                                        + logicalId + "\",\"result\":" + Json.write(invoke(logicalId)) + "}");
                    } catch (RuntimeException e) {
                        System.err.println(
                                "{\"level\":\"ERROR\",\"logger\":\"local-runner\",\"message\":\"scheduled run failed\",\"function\":\""
                                        + logicalId + "\",\"error\":\""
                                        + e.getClass().getName() + "\"}");
                    }
                    scheduleNext(executor, logicalId);
                },
                wait.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** The first time after {@code after} that the expression fires. */
    static Instant next(String expression, Instant after) {
        Matcher rate = RATE.matcher(expression);
        if (rate.matches()) {
            long n = Long.parseLong(rate.group(1));
            Duration every = rate.group(2).startsWith("minute")
                    ? Duration.ofMinutes(n)
                    : rate.group(2).startsWith("hour") ? Duration.ofHours(n) : Duration.ofDays(n);
            return after.plus(every);
        }
        Matcher cron = DAILY_CRON.matcher(expression);
        if (cron.matches()) {
            ZonedDateTime now = after.atZone(ZoneOffset.UTC);
            ZonedDateTime today =
                    now.with(LocalTime.of(Integer.parseInt(cron.group(2)), Integer.parseInt(cron.group(1))));
            return (today.isAfter(now) ? today : today.plusDays(1)).toInstant();
        }
        throw new IllegalArgumentException(
                "the local runner runs rate(...) and daily cron(M H * * ? *) schedules, not " + expression);
    }

    /** The event an EventBridge rule sends a Lambda target. */
    static ScheduledEvent event(String logicalId, Instant at) {
        String json = "{\"version\":\"0\",\"id\":\"" + UUID.randomUUID() + "\",\"detail-type\":\"Scheduled Event\","
                + "\"source\":\"aws.events\",\"account\":\"123456789012\",\"time\":\"" + at.toString() + "\","
                + "\"region\":\"eu-north-1\",\"resources\":[\"arn:aws:events:eu-north-1:123456789012:rule/" + logicalId
                + "\"],"
                + "\"detail\":{}}";
        return SERIALIZER.fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
