package dk.fristed.log;

import com.fasterxml.jackson.core.JsonGenerator;
import dk.fristed.json.Json;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;

/**
 * Structured JSON log lines, one per event, on standard output (Lambda sends it to CloudWatch).
 * Callers pass only operational values: route keys, statuses, durations, counts, error classes.
 * Request bodies, path values (help numbers), names and phone numbers are never logged; a test
 * runs a whole scenario and searches the output for the personal values it used.
 */
public final class JsonLog {
    private final String logger;
    private final PrintStream out;

    public JsonLog(String logger) {
        this(logger, System.out);
    }

    public JsonLog(String logger, PrintStream out) {
        this.logger = logger;
        this.out = out;
    }

    public void info(String message, Map<String, ?> fields) {
        write("INFO", message, fields);
    }

    public void warn(String message, Map<String, ?> fields) {
        write("WARN", message, fields);
    }

    public void error(String message, Map<String, ?> fields) {
        write("ERROR", message, fields);
    }

    private void write(String level, String message, Map<String, ?> fields) {
        StringWriter line = new StringWriter(160);
        try (JsonGenerator json = Json.mapper().getFactory().createGenerator(line)) {
            json.writeStartObject();
            json.writeStringField("time", Instant.now().toString());
            json.writeStringField("level", level);
            json.writeStringField("logger", logger);
            json.writeStringField("message", message);
            for (var field : fields.entrySet()) {
                json.writeFieldName(field.getKey());
                json.writeObject(field.getValue());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        out.println(line);
    }
}
