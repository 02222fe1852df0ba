package net.wagw.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.funqy.Funq;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import net.wagw.config.BotRegistry;
import net.wagw.config.WagwConfig;
import net.wagw.functions.HttpFunctions;
import net.wagw.functions.Route;
import net.wagw.store.TableDefinition;
import net.wagw.store.Tables;

/**
 * Holds {@code infra/template.yaml} equal to the code it deploys (DESIGN.md 1 and 9): the route
 * table's routes and functions, the table list, least-privilege policies, no secrets, and the
 * environment the configuration reads.
 *
 * <p>Jackson's YAML parser keeps CloudFormation's short-form tags ({@code !Ref}, {@code !Sub},
 * {@code !GetAtt}, ...) only as type ids and would otherwise drop them, so that {@code !Ref HttpApi}
 * and a literal {@code HttpApi} would read the same. The template is therefore read into a tree
 * where each tagged node becomes its long form ({@code {"Ref": "HttpApi"}},
 * {@code {"Fn::GetAtt": ["AccountsTable", "Arn"]}}), exactly as CloudFormation reads it.
 */
class SamTemplateTest {
    private static final Path TEMPLATE = Path.of("infra", "template.yaml");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String SERVERLESS_FUNCTION = "AWS::Serverless::Function";
    private static final String DYNAMODB_TABLE = "AWS::DynamoDB::Table";
    private static final String TABLE_PREFIX = "${AWS::StackName}-";

    private final JsonNode template = readTemplate();

    @Test
    void everyRouteIsAnHttpApiEventOfTheFunctionThatServesItAndNoOtherEventExists() {
        List<String> expected = Arrays.stream(Route.values())
                .map(route -> route.routeKey() + " -> " + route.function())
                .toList();

        List<String> actual = new ArrayList<>();
        functions().forEach((id, function) -> {
            String export = funqyExport(function).orElse("<no QUARKUS_FUNQY_EXPORT on " + id + ">");
            httpApiEvents(function).forEach((eventId, properties) -> {
                assertThat(properties.path("ApiId"))
                        .as("%s event %s must attach to the template's HttpApi", id, eventId)
                        .isEqualTo(ref("HttpApi"));
                actual.add(properties.path("Method").asText() + " " + properties.path("Path").asText() + " -> " + export);
            });
        });

        assertThat(resource("HttpApi").path("Type").asText()).isEqualTo("AWS::Serverless::HttpApi");
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theJvmHandlerIsFunqysLambdaStreamHandler() throws ClassNotFoundException {
        // Globals.Function.Handler is !If [IsNative, <native placeholder>, <JVM handler>]
        JsonNode handler = template.path("Globals").path("Function").path("Handler").path("Fn::If");
        String jvmHandler = handler.get(2).asText();

        assertThat(jvmHandler).endsWith("::handleRequest");
        Class<?> handlerClass = Class.forName(jvmHandler.substring(0, jvmHandler.indexOf("::")));
        assertThat(com.amazonaws.services.lambda.runtime.RequestStreamHandler.class).isAssignableFrom(handlerClass);
        assertThat(handlerClass.getPackageName()).isEqualTo("io.quarkus.funqy.lambda");
    }

    @Test
    void everyHttpFunqyFunctionHasExactlyOneLambdaAndEveryHttpLambdaRunsOne() {
        Set<String> funqyFunctions = new TreeSet<>();
        for (Method method : HttpFunctions.class.getDeclaredMethods()) {
            Funq funq = method.getAnnotation(Funq.class);
            if (funq != null) {
                funqyFunctions.add(funq.value().isEmpty() ? method.getName() : funq.value());
            }
        }
        assertThat(funqyFunctions).as("the @Funq functions of HttpFunctions").isNotEmpty();
        assertThat(funqyFunctions).as("every function the route table names is a @Funq function")
                .containsAll(Route.functions());

        Map<String, List<String>> lambdasByExport = new LinkedHashMap<>();
        Set<String> httpExports = new TreeSet<>();
        functions().forEach((id, function) -> {
            Optional<String> export = funqyExport(function);
            assertThat(export).as("%s picks its function with QUARKUS_FUNQY_EXPORT", id).isPresent();
            lambdasByExport.computeIfAbsent(export.get(), e -> new ArrayList<>()).add(id);
            if (!httpApiEvents(function).isEmpty()) {
                httpExports.add(export.get());
            }
        });

        for (String name : funqyFunctions) {
            assertThat(lambdasByExport.getOrDefault(name, List.of()))
                    .as("the Lambda functions running @Funq(\"%s\")", name)
                    .hasSize(1);
        }
        assertThat(httpExports).as("the functions that HttpApi events invoke").isEqualTo(funqyFunctions);
    }

    @Test
    void everyTableOfTheCodeIsDeclaredWithItsKeysRecoveryEncryptionAndTtlAndNoOtherTableIs() {
        Map<String, JsonNode> tablesByName = new LinkedHashMap<>();
        resourcesOfType(DYNAMODB_TABLE).forEach((id, table) -> {
            JsonNode name = table.path("Properties").path("TableName");
            assertThat(name.path("Fn::Sub").asText())
                    .as("%s is named \"%s<name>\" like WAGW_DYNAMODB_TABLE_PREFIX says", id, TABLE_PREFIX)
                    .startsWith(TABLE_PREFIX);
            String logicalName = name.path("Fn::Sub").asText().substring(TABLE_PREFIX.length());
            assertThat(id).as("logical id of table %s", logicalName).isEqualTo(pascalCase(logicalName) + "Table");
            tablesByName.put(logicalName, table);
        });

        assertThat(tablesByName.keySet()).as("the template's tables")
                .containsExactlyInAnyOrderElementsOf(Tables.ALL.stream().map(TableDefinition::name).toList());

        for (TableDefinition definition : Tables.ALL) {
            JsonNode properties = tablesByName.get(definition.name()).path("Properties");
            String table = definition.name();

            ArrayNode keySchema = NODES.arrayNode().add(key(definition.partitionKey(), "HASH"));
            ArrayNode attributes = NODES.arrayNode().add(attribute(definition.partitionKey()));
            definition.sortKeyAttribute().ifPresent(sortKey -> {
                keySchema.add(key(sortKey, "RANGE"));
                attributes.add(attribute(sortKey));
            });
            assertThat(properties.path("KeySchema")).as("%s KeySchema", table).isEqualTo(keySchema);
            assertThat(set(properties.path("AttributeDefinitions"))).as("%s AttributeDefinitions", table)
                    .isEqualTo(set(attributes));
            assertThat(properties.path("BillingMode").asText()).as("%s BillingMode", table).isEqualTo("PAY_PER_REQUEST");
            assertThat(properties.path("PointInTimeRecoverySpecification").path("PointInTimeRecoveryEnabled").asText())
                    .as("%s point-in-time recovery", table).isEqualTo("true");
            assertThat(properties.path("SSESpecification").path("SSEEnabled").asText())
                    .as("%s encryption", table).isEqualTo("true");

            JsonNode ttl = properties.path("TimeToLiveSpecification");
            if (definition.ttl().isPresent()) {
                assertThat(ttl.path("AttributeName").asText()).as("%s TTL attribute", table).isEqualTo(definition.ttl().get());
                assertThat(ttl.path("Enabled").asText()).as("%s TTL enabled", table).isEqualTo("true");
            } else {
                assertThat(ttl.isMissingNode()).as("%s has no TTL in the code, so none in the template", table).isTrue();
            }
        }
    }

    @Test
    void functionsReachDynamoDbOnlyThroughInlineStatementsOnTheTemplatesTableArns() {
        Set<String> tableIds = resourcesOfType(DYNAMODB_TABLE).keySet();
        functions().forEach((id, function) -> {
            JsonNode policies = function.path("Properties").path("Policies");
            assertThat(policies.isArray()).as("%s has a Policies list", id).isTrue();
            for (JsonNode policy : policies) {
                assertThat(policy.path("Statement").isArray())
                        .as("%s policy %s must be an inline Statement list (a managed policy or policy template is not"
                                + " least privilege this test can see)", id, policy)
                        .isTrue();
                for (JsonNode statement : policy.path("Statement")) {
                    assertThat(statement.has("NotAction") || statement.has("NotResource"))
                            .as("%s statement %s uses NotAction/NotResource", id, statement).isFalse();
                    List<String> actions = texts(statement.path("Action"));
                    boolean dynamo = actions.stream().anyMatch(a -> a.equals("*") || a.toLowerCase(Locale.ROOT).startsWith("dynamodb:"));
                    if (!dynamo) {
                        continue;
                    }
                    assertThat(actions).as("%s statement %s names its actions one by one", id, statement)
                            .allSatisfy(action -> assertThat(action).doesNotContain("*"));
                    JsonNode resources = statement.path("Resource");
                    List<JsonNode> resourceList = resources.isArray()
                            ? StreamSupport.stream(resources.spliterator(), false).toList()
                            : List.of(resources);
                    assertThat(resources.isMissingNode()).as("%s statement %s has a Resource", id, statement).isFalse();
                    for (JsonNode resource : resourceList) {
                        assertThat(tableOf(resource))
                                .as("%s grants %s on %s: must be !GetAtt <Table>.Arn of a table of this template",
                                        id, actions, resource)
                                .hasValueSatisfying(table -> assertThat(tableIds).contains(table));
                    }
                }
            }
        });
    }

    @Test
    void theTemplateHoldsNoSecretOnlyReferencesToWhereSecretsLive() {
        Pattern hexSha256 = Pattern.compile("(?i)(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])");
        walk(template, "", (path, scalar) -> assertThat(hexSha256.matcher(scalar).find())
                .as("%s holds a 64-hex-digit value", path).isFalse());

        Pattern secretName = Pattern.compile("(?i).*(access.?key|token|secret|password).*");
        template.path("Parameters").properties().forEach(parameter -> {
            String name = parameter.getKey();
            JsonNode definition = parameter.getValue();
            boolean namesAnSsmParameter = definition.path("Type").asText().startsWith("AWS::SSM::Parameter::Name");
            if (secretName.matcher(name).matches() && !namesAnSsmParameter) {
                assertThat(definition.has("Default")).as("secret-looking parameter %s has a default", name).isFalse();
                assertThat(definition.path("NoEcho").asText()).as("secret-looking parameter %s is NoEcho", name).isEqualTo("true");
            }
        });

        Map<String, JsonNode> environments = new LinkedHashMap<>();
        environments.put("Globals", template.path("Globals").path("Function").path("Environment").path("Variables"));
        functions().forEach((id, function) -> environments.put(id, function.path("Properties").path("Environment").path("Variables")));
        environments.forEach((owner, variables) -> expand(variables, "SAMPLEBOT").forEach((variable, value) -> {
            if (secretName.matcher(variable).matches()) {
                String text = value.has("Fn::Sub") ? value.path("Fn::Sub").asText() : value.asText();
                assertThat(text).as("%s %s must be a dynamic reference to SSM or Secrets Manager", owner, variable)
                        .matches("\\{\\{resolve:(ssm|secretsmanager):\\S+}}");
            }
        }));
    }

    @Test
    void everyFunctionHasALogGroupWithRetentionAndAnErrorsAlarm() {
        Map<String, JsonNode> logGroups = resourcesOfType("AWS::Logs::LogGroup");
        Map<String, JsonNode> alarms = resourcesOfType("AWS::CloudWatch::Alarm");
        functions().keySet().forEach(id -> {
            JsonNode logGroupName = NODES.objectNode().put("Fn::Sub", "/aws/lambda/${" + id + "}");
            assertThat(logGroups.values())
                    .as("a log group /aws/lambda/<%s> with RetentionInDays", id)
                    .anySatisfy(group -> {
                        assertThat(group.path("Properties").path("LogGroupName")).isEqualTo(logGroupName);
                        assertThat(group.path("Properties").path("RetentionInDays")).isEqualTo(ref("LogRetentionDays"));
                    });
            JsonNode dimension = NODES.objectNode().put("Name", "FunctionName").set("Value", ref(id));
            assertThat(alarms.values())
                    .as("an alarm on the Errors of %s", id)
                    .anySatisfy(alarm -> {
                        assertThat(alarm.path("Properties").path("Namespace").asText()).isEqualTo("AWS/Lambda");
                        assertThat(alarm.path("Properties").path("MetricName").asText()).isEqualTo("Errors");
                        assertThat(alarm.path("Properties").path("Dimensions")).contains(dimension);
                    });
        });
    }

    /**
     * Evaluates each function's environment (Globals merged with its own, the bot loops expanded as
     * AWS::LanguageExtensions does) for one deployment, and gives it to the real configuration
     * classes: the bot the parameters name must be the bot {@link BotRegistry} then reads, and the
     * table prefix must be the one the tables are named with.
     */
    @Test
    void eachFunctionsEnvironmentConfiguresTheParametersBotAndTheStacksTables() throws NoSuchAlgorithmException {
        String botId = "samplebot";
        String ssmName = "/wagw/test/samplebot/access-key-sha256";
        byte[] hash = MessageDigest.getInstance("SHA-256").digest("sample-access-key".getBytes(StandardCharsets.UTF_8));
        Map<String, String> deployment = Map.of(
                "AWS::StackName", "wagw-test",
                "BotId", botId,
                "BotAccessKeySha256Parameter", ssmName,
                "BotVerificationQuota", "7");
        Map<String, String> ssm = Map.of(ssmName, HexFormat.of().formatHex(hash));

        functions().forEach((id, function) -> {
            Map<String, String> environment = new LinkedHashMap<>();
            BiConsumer<String, JsonNode> put = (name, value) -> environment.put(name, evaluate(value, deployment, ssm));
            expand(template.path("Globals").path("Function").path("Environment").path("Variables"), botId).forEach(put);
            expand(function.path("Properties").path("Environment").path("Variables"), botId).forEach(put);

            SmallRyeConfig config = new SmallRyeConfigBuilder()
                    .withSources(new EnvConfigSource(environment, 300) {
                    })
                    .withMapping(WagwConfig.class)
                    .build();
            WagwConfig wagw = config.getConfigMapping(WagwConfig.class);
            BotRegistry.Entry bot = new BotRegistry(wagw, config).find(botId).orElse(null);

            assertThat(bot).as("%s configures bot %s (environment %s)", id, botId, environment.keySet()).isNotNull();
            assertThat(bot.bot().verificationQuota()).as("%s verification quota", id).isEqualTo(7);
            assertThat(bot.accessKeySha256()).as("%s access-key hash, from SSM", id).isEqualTo(hash);
            assertThat(wagw.dynamodb().tablePrefix()).as("%s table prefix", id).isEqualTo("wagw-test-");
        });
    }

    // --- reading the template --------------------------------------------------------------

    private static JsonNode readTemplate() {
        try (JsonParser parser = new YAMLFactory().createParser(TEMPLATE.toFile())) {
            parser.nextToken();
            return readNode(parser);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + TEMPLATE.toAbsolutePath(), e);
        }
    }

    /** Reads the current value, turning a short-form intrinsic tag into its long form. */
    private static JsonNode readNode(JsonParser parser) throws IOException {
        Object tag = parser.getTypeId();
        JsonNode value = switch (parser.currentToken()) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.set(name, readNode(parser));
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                while (parser.nextToken() != com.fasterxml.jackson.core.JsonToken.END_ARRAY) {
                    array.add(readNode(parser));
                }
                yield array;
            }
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> NODES.numberNode(parser.getLongValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new IllegalStateException("unexpected " + parser.currentToken() + " in " + TEMPLATE);
        };
        return tag == null ? value : longForm(tag.toString(), value);
    }

    private static JsonNode longForm(String tag, JsonNode value) {
        if (tag.startsWith("tag:yaml.org,2002:")) {
            return value; // a standard YAML tag such as !!str
        }
        return switch (tag) {
            case "Ref", "Condition" -> NODES.objectNode().set(tag, value);
            case "GetAtt" -> {
                JsonNode arguments = value;
                if (value.isTextual()) {
                    int dot = value.asText().indexOf('.');
                    arguments = NODES.arrayNode().add(value.asText().substring(0, dot)).add(value.asText().substring(dot + 1));
                }
                yield NODES.objectNode().set("Fn::GetAtt", arguments);
            }
            default -> NODES.objectNode().set("Fn::" + tag, value);
        };
    }

    // --- looking into it -------------------------------------------------------------------

    private JsonNode resource(String id) {
        return template.path("Resources").path(id);
    }

    private Map<String, JsonNode> resourcesOfType(String type) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        template.path("Resources").properties().forEach(entry -> {
            if (type.equals(entry.getValue().path("Type").asText())) {
                found.put(entry.getKey(), entry.getValue());
            }
        });
        return found;
    }

    private Map<String, JsonNode> functions() {
        Map<String, JsonNode> functions = resourcesOfType(SERVERLESS_FUNCTION);
        assertThat(functions).as("the template's %s resources", SERVERLESS_FUNCTION).isNotEmpty();
        return functions;
    }

    private static Optional<String> funqyExport(JsonNode function) {
        JsonNode export = function.path("Properties").path("Environment").path("Variables").path("QUARKUS_FUNQY_EXPORT");
        return export.isTextual() ? Optional.of(export.asText()) : Optional.empty();
    }

    /** The properties of a function's HttpApi events, by event id. */
    private static Map<String, JsonNode> httpApiEvents(JsonNode function) {
        Map<String, JsonNode> events = new LinkedHashMap<>();
        function.path("Properties").path("Events").properties().forEach(event -> {
            if ("HttpApi".equals(event.getValue().path("Type").asText())) {
                events.put(event.getKey(), event.getValue().path("Properties"));
            }
        });
        return events;
    }

    /**
     * A map of environment variables with its {@code Fn::ForEach} loops expanded for one value
     * of their collection, as AWS::LanguageExtensions expands them before SAM runs.
     */
    private static Map<String, JsonNode> expand(JsonNode variables, String item) {
        Map<String, JsonNode> expanded = new LinkedHashMap<>();
        variables.properties().forEach(entry -> {
            if (entry.getKey().startsWith("Fn::ForEach::")) {
                String identifier = entry.getValue().path(0).asText();
                entry.getValue().path(2).properties().forEach(fragment -> expanded.put(
                        fragment.getKey().replace("${" + identifier + "}", item).replace("&{" + identifier + "}", item),
                        fragment.getValue()));
            } else {
                expanded.put(entry.getKey(), entry.getValue());
            }
        });
        return expanded;
    }

    /** Evaluates the few intrinsics an environment value may use, for one deployment. */
    private static String evaluate(JsonNode value, Map<String, String> deployment, Map<String, String> ssm) {
        String text;
        if (value.has("Ref")) {
            text = deployment.get(value.path("Ref").asText());
            assertThat(text).as("a value for !Ref %s", value.path("Ref").asText()).isNotNull();
        } else if (value.has("Fn::Sub")) {
            Matcher variable = Pattern.compile("\\$\\{([^}]+)}").matcher(value.path("Fn::Sub").asText());
            StringBuilder substituted = new StringBuilder();
            while (variable.find()) {
                String replacement = deployment.get(variable.group(1));
                assertThat(replacement).as("a value for ${%s}", variable.group(1)).isNotNull();
                variable.appendReplacement(substituted, Matcher.quoteReplacement(replacement));
            }
            variable.appendTail(substituted);
            text = substituted.toString();
        } else {
            assertThat(value.isValueNode()).as("an environment value CloudFormation can set: %s", value).isTrue();
            text = value.asText();
        }
        Matcher reference = Pattern.compile("\\{\\{resolve:ssm:([^}:]+)}}").matcher(text);
        return reference.matches() ? ssm.get(reference.group(1)) : text;
    }

    /** The table id of {@code !GetAtt T.Arn}, or of {@code !Sub "${T.Arn}/index/..."}. */
    private static Optional<String> tableOf(JsonNode resource) {
        JsonNode getAtt = resource.path("Fn::GetAtt");
        if (getAtt.isArray() && getAtt.size() == 2 && "Arn".equals(getAtt.path(1).asText())) {
            return Optional.of(getAtt.path(0).asText());
        }
        Matcher index = Pattern.compile("\\$\\{(\\w+)\\.Arn}/index/[\\w.-]+").matcher(resource.path("Fn::Sub").asText());
        return index.matches() ? Optional.of(index.group(1)) : Optional.empty();
    }

    private static JsonNode ref(String name) {
        return NODES.objectNode().put("Ref", name);
    }

    private static ObjectNode key(String attribute, String type) {
        return NODES.objectNode().put("AttributeName", attribute).put("KeyType", type);
    }

    private static ObjectNode attribute(String name) {
        return NODES.objectNode().put("AttributeName", name).put("AttributeType", "S");
    }

    private static Set<JsonNode> set(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).collect(Collectors.toSet());
    }

    private static List<String> texts(JsonNode node) {
        if (node.isArray()) {
            return StreamSupport.stream(node.spliterator(), false).map(JsonNode::asText).toList();
        }
        return node.isMissingNode() ? List.of() : List.of(node.asText());
    }

    /** Visits every scalar and every key of the tree. */
    private static void walk(JsonNode node, String path, BiConsumer<String, String> visitor) {
        if (node.isObject()) {
            node.properties().forEach(entry -> {
                visitor.accept(path + "/" + entry.getKey() + " (key)", entry.getKey());
                walk(entry.getValue(), path + "/" + entry.getKey(), visitor);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "/" + i, visitor);
            }
        } else {
            visitor.accept(path, node.asText());
        }
    }

    /** {@code inbound-events} -> {@code InboundEvents}. */
    private static String pascalCase(String name) {
        return Arrays.stream(name.split("[^A-Za-z0-9]+"))
                .filter(part -> !part.isEmpty())
                .map(part -> Character.toUpperCase(part.charAt(0)) + part.substring(1))
                .collect(Collectors.joining());
    }
}
