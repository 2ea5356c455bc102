package dk.fristed.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dk.fristed.calendar.Period;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The two java.time types the API uses, as ISO-8601 strings. Smaller than jackson-datatype-jsr310,
 * whose module loads some fifty (de)serializers at cold start for types we never send.
 */
final class IsoDates {
    static final SimpleModule MODULE = new SimpleModule("iso-dates")
            .addSerializer(LocalDate.class, ToStringSerializer.instance)
            .addSerializer(Instant.class, ToStringSerializer.instance)
            .addDeserializer(LocalDate.class, new LocalDateDeserializer());

    private IsoDates() {}

    /** {@code "2025-03-04"} and nothing else: no numbers, no arrays, no other formats, no year outside {@link Period}'s. */
    private static final class LocalDateDeserializer extends StdScalarDeserializer<LocalDate> {
        LocalDateDeserializer() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            var date = Period.parse(parser.getText());
            return date.isPresent()
                    ? date.get()
                    : (LocalDate) context.handleWeirdStringValue(
                            LocalDate.class, parser.getText(), "not a date the API takes");
        }
    }
}
