package dk.fristed.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import dk.fristed.problem.ApiProblem;

import java.util.stream.Collectors;

/**
 * The one configured JSON mapper: strict on input (unknown fields and type coercion are errors),
 * ISO-8601 dates. Built once per container; its creation is most of what Jackson costs at cold start.
 */
public final class Json {
    private static final ObjectMapper MAPPER = create();

    private Json() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static ObjectMapper create() {
        JsonFactory factory = new JsonFactoryBuilder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(32)
                        .maxStringLength(100_000)
                        .build())
                // {"amount": 1, "amount": 2}: which one counts would depend on the reader; refuse it
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        JsonMapper mapper = JsonMapper.builder(factory)
                .addModule(IsoDates.MODULE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
        // "12" is not a number and 12 is not a string: clients learn about type mistakes at once.
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return mapper;
    }

    /**
     * Reads a request body into a record; every failure becomes a 400 that names the field, never
     * echoing the offending value (it may be personal data).
     */
    public static <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw ApiProblem.badRequest("body", "a JSON body is required");
        }
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw ApiProblem.badRequest("body", "a JSON object is required");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw ApiProblem.badRequest(fieldOf(e), "unknown field");
        } catch (InvalidFormatException e) {
            throw ApiProblem.badRequest(fieldOf(e), "has the wrong format or type");
        } catch (ValueInstantiationException e) {
            throw ApiProblem.badRequest(fieldOf(e), "has an invalid value");
        } catch (MismatchedInputException e) {
            String field = fieldOf(e);
            throw ApiProblem.badRequest(
                    field.isEmpty() ? "body" : field,
                    field.isEmpty() ? "a JSON object is required" : "has the wrong type");
        } catch (JsonParseException e) {
            if (isDuplicateKey(e)) {
                throw ApiProblem.badRequest(duplicatePath(body), "appears twice in the object");
            }
            throw ApiProblem.badRequest("body", "is not well-formed JSON");
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof JsonParseException cause && isDuplicateKey(cause)) {
                // a key twice inside a nested object reaches us wrapped, with the path of the object only
                throw ApiProblem.badRequest(duplicatePath(body), "appears twice in the object");
            }
            String field = fieldOf(e);
            throw ApiProblem.badRequest(field.isEmpty() ? "body" : field, "cannot be read");
        } catch (JsonProcessingException e) {
            throw ApiProblem.badRequest("body", "is not well-formed JSON");
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response could not be serialised", e);
        }
    }

    /** Jackson's strict duplicate detection says so only in its message. */
    private static boolean isDuplicateKey(JsonParseException e) {
        return e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field");
    }

    /**
     * Where the first key given twice stands, e.g. {@code instalments[1].date}: read again with a plain parser, only
     * when a body was refused for it (inside databind the parser has moved on from it).
     */
    private static String duplicatePath(String body) {
        try (JsonParser parser = MAPPER.getFactory().createParser(body)) {
            while (parser.nextToken() != null) {
                // reading is the search
            }
        } catch (JsonParseException e) {
            return pathOf(e.getProcessor().getParsingContext());
        } catch (java.io.IOException e) {
            return "body";
        }
        return "body";
    }

    /** The JSON path of where the parser stands, e.g. {@code diagnoses[1].code}, from names and indexes only. */
    private static String pathOf(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            path.insert(0, c.inArray() ? "[" + c.getCurrentIndex() + "]" : "." + c.getCurrentName());
        }
        return path.length() == 0 ? "body" : path.toString().replaceFirst("^\\.", "");
    }

    /** The JSON path of the failing field, e.g. {@code diagnoses[1]}, built from names and indexes only. */
    private static String fieldOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }
}
