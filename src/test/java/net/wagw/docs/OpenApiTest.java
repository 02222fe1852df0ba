package net.wagw.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import net.wagw.domain.Reason;
import net.wagw.functions.Route;

/** docs/openapi.yaml says what the route table serves, and its examples fit its own schemas. */
class OpenApiTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode openApi() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(Path.of("docs/openapi.yaml").toFile());
    }

    /** One documented request example: its route, its name, the envelope and the status it is answered with. */
    record Example(String method, String path, String name, JsonNode value, int expect, boolean invalid,
            JsonNode schema) {
    }

    static List<Example> requestExamples(JsonNode api) {
        List<Example> examples = new ArrayList<>();
        api.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            JsonNode json = op.getValue().path("requestBody").path("content").path("application/json");
            json.path("examples").fields().forEachRemaining(e -> examples.add(new Example(op.getKey().toUpperCase(),
                    path.getKey(), e.getKey(), e.getValue().path("value"), e.getValue().path("x-expect").asInt(),
                    e.getValue().path("x-invalid").asBoolean(false), json.path("schema"))));
        }));
        return examples;
    }

    @Test
    void everyRouteOfTheTableIsDocumentedAndNothingElse() throws IOException {
        Set<String> documented = new TreeSet<>();
        openApi().path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(m -> {
            if (!m.equals("parameters")) {
                documented.add(m.toUpperCase() + " " + path.getKey());
            }
        }));
        Set<String> table = Arrays.stream(Route.values()).map(Route::routeKey).collect(Collectors.toCollection(TreeSet::new));
        assertThat(documented).isEqualTo(table);
    }

    @Test
    void eachOperationIsNamedAfterItsRoute() throws IOException {
        openApi().path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!op.getKey().equals("parameters")) {
                Route route = Route.valueOf(op.getValue().path("operationId").asText());
                assertThat(route.routeKey()).isEqualTo(op.getKey().toUpperCase() + " " + path.getKey());
            }
        }));
    }

    @Test
    void everyReasonCodeIsListed() throws IOException {
        Set<Integer> listed = new TreeSet<>();
        openApi().at("/components/schemas/Reason/properties/code/enum").forEach(c -> listed.add(c.asInt()));
        assertThat(listed).isEqualTo(Arrays.stream(Reason.values()).map(Reason::code)
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void everyExampleFitsItsSchemaExceptThoseMarkedInvalid() throws IOException {
        JsonNode api = openApi();
        List<Example> examples = requestExamples(api);
        assertThat(examples).hasSizeGreaterThan(20);
        List<String> misfits = new ArrayList<>();
        for (Example example : examples) {
            List<Error> errors = schema(api, example.schema()).validate(JSON.writeValueAsString(example.value()),
                    InputFormat.JSON);
            if (errors.isEmpty() == example.invalid()) {
                misfits.add(example.method() + " " + example.path() + " " + example.name() + (example.invalid()
                        ? ": marked x-invalid but fits its schema" : ": " + errors));
            }
        }
        // response examples too
        api.path("components").path("responses").forEach(r -> r.path("content").forEach(c -> {
            try {
                List<Error> errors = schema(api, c.path("schema")).validate(JSON.writeValueAsString(c.path("example")),
                        InputFormat.JSON);
                if (!errors.isEmpty()) {
                    misfits.add("response example: " + errors);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }));
        assertThat(misfits).isEmpty();
    }

    @Test
    void aMessageOfAnotherShapeDoesNotFitTheSchema() throws IOException {
        JsonNode api = openApi();
        JsonNode schema = api.at("/paths/~1messages/post/requestBody/content/application~1json/schema");
        // a location without its longitude: the schema must catch it (or it checks nothing)
        String bad = "{\"to\":\"5531988889999@wa.gw.msging.net\",\"type\":\"application/vnd.lime.location+json\","
                + "\"content\":{\"latitude\":1}}";
        assertThat(schema(api, schema).validate(bad, InputFormat.JSON)).isNotEmpty();
    }

    /** A JSON Schema 2020-12 document: the given schema with the file's components as $defs. */
    static Schema schema(JsonNode api, JsonNode schema) throws IOException {
        ObjectNode document = JSON.createObjectNode();
        document.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        document.set("$defs", api.path("components").path("schemas"));
        document.set("allOf", JSON.createArrayNode().add(schema));
        String text = JSON.writeValueAsString(document).replace("#/components/schemas/", "#/$defs/");
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text, InputFormat.JSON);
    }
}
