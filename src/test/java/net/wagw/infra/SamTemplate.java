package net.wagw.infra;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * {@code infra/template.yaml} read as CloudFormation reads it, and each function's environment
 * evaluated for one deployment: for {@link SamTemplateTest} and for the deployed-artifact harness,
 * which runs each function with the environment its Lambda would have.
 *
 * <p>Jackson's YAML parser keeps CloudFormation's short-form tags ({@code !Ref}, {@code !Sub},
 * {@code !GetAtt}, ...) only as type ids and would otherwise drop them, so that {@code !Ref HttpApi}
 * and a literal {@code HttpApi} would read the same. Each tagged node therefore becomes its long
 * form ({@code {"Ref": "HttpApi"}}, {@code {"Fn::GetAtt": ["AccountsTable", "Arn"]}}).
 */
public final class SamTemplate {
    public static final Path TEMPLATE = Path.of("infra", "template.yaml");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{([^}]+)}");

    private final JsonNode template;

    public SamTemplate(JsonNode template) {
        this.template = template;
    }

    public static SamTemplate read() {
        return new SamTemplate(read(TEMPLATE));
    }

    public JsonNode tree() {
        return template;
    }

    /** The {@code AWS::Serverless::Function} resources, by logical id. */
    public Map<String, JsonNode> functions() {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        template.path("Resources").properties().forEach(entry -> {
            if ("AWS::Serverless::Function".equals(entry.getValue().path("Type").asText())) {
                found.put(entry.getKey(), entry.getValue());
            }
        });
        return found;
    }

    /**
     * The environment a function's Lambda gets in one deployment: the Globals' variables, then its
     * own, each evaluated for that deployment ({@code AWS::NoValue} leaves a variable unset).
     */
    public Map<String, String> environment(JsonNode function, Map<String, String> deployment) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (JsonNode variables : new JsonNode[] {
                template.path("Globals").path("Function").path("Environment").path("Variables"),
                function.path("Properties").path("Environment").path("Variables") }) {
            variables.properties().forEach(entry -> {
                String evaluated = evaluate(entry.getValue(), deployment);
                if (evaluated == null) {
                    environment.remove(entry.getKey());
                } else {
                    environment.put(entry.getKey(), evaluated);
                }
            });
        }
        return environment;
    }

    /** A function's property, or the Globals' when the function sets none. */
    public JsonNode property(JsonNode function, String name) {
        JsonNode own = function.path("Properties").path(name);
        return own.isMissingNode() ? template.path("Globals").path("Function").path(name) : own;
    }

    /**
     * Evaluates the few intrinsics an environment value may use, for one deployment.
     * {@code null}: {@code AWS::NoValue}, no value at all.
     */
    public String evaluate(JsonNode value, Map<String, String> deployment) {
        if ("AWS::NoValue".equals(value.path("Ref").asText(null))) {
            return null;
        }
        if (value.has("Fn::If")) {
            JsonNode branches = value.path("Fn::If");
            check(branches.size() == 3, "Fn::If %s takes a condition and two values", value);
            return evaluate(branches.get(holds(branches.get(0).asText(), deployment) ? 1 : 2), deployment);
        }
        if (value.has("Ref")) {
            String text = deployment.get(value.path("Ref").asText());
            check(text != null, "a value for !Ref %s", value.path("Ref").asText());
            return text;
        }
        if (value.has("Fn::Sub")) {
            Matcher variable = SUBSTITUTION.matcher(value.path("Fn::Sub").asText());
            StringBuilder substituted = new StringBuilder();
            while (variable.find()) {
                String replacement = deployment.get(variable.group(1));
                check(replacement != null, "a value for ${%s}", variable.group(1));
                variable.appendReplacement(substituted, Matcher.quoteReplacement(replacement));
            }
            variable.appendTail(substituted);
            return substituted.toString();
        }
        check(value.isValueNode(), "an environment value CloudFormation can set: %s", value);
        return value.asText();
    }

    /**
     * Whether a function's inline policies, evaluated for one deployment, allow {@code action} on
     * the resource {@code arn}, as IAM decides it: some Allow statement names the action and the
     * resource and no Deny statement does; actions match case-insensitively, both with IAM's
     * {@code *} and {@code ?} wildcards. Only the statements that name an action of
     * {@code action}'s service are evaluated.
     * See https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
     */
    public boolean allows(JsonNode function, Map<String, String> deployment, String action, String arn) {
        String service = action.substring(0, action.indexOf(':') + 1).toLowerCase(Locale.ROOT);
        boolean allowed = false;
        for (JsonNode policy : function.path("Properties").path("Policies")) {
            for (JsonNode statement : policy.path("Statement")) {
                check(!statement.has("NotAction") && !statement.has("NotResource") && !statement.has("Condition"),
                        "statements this reader can evaluate (no NotAction, NotResource, Condition): %s", statement);
                List<String> actions = texts(statement.path("Action"));
                if (actions.stream().noneMatch(a -> a.equals("*") || a.toLowerCase(Locale.ROOT).startsWith(service))) {
                    continue;
                }
                boolean matches = actions.stream().anyMatch(a -> wildcard(a.toLowerCase(Locale.ROOT))
                        .matcher(action.toLowerCase(Locale.ROOT)).matches())
                        && StreamSupport.stream(array(statement.path("Resource")).spliterator(), false)
                                .anyMatch(r -> wildcard(evaluate(r, deployment)).matcher(arn).matches());
                if (matches && "Deny".equals(statement.path("Effect").asText())) {
                    return false;
                }
                allowed |= matches && "Allow".equals(statement.path("Effect").asText());
            }
        }
        return allowed;
    }

    /** The actions a function's policies name (Allow or Deny) of one service ({@code "dynamodb:"}). */
    public List<String> actions(JsonNode function, String service) {
        return StreamSupport.stream(function.path("Properties").path("Policies").spliterator(), false)
                .flatMap(policy -> StreamSupport.stream(policy.path("Statement").spliterator(), false))
                .flatMap(statement -> texts(statement.path("Action")).stream())
                .filter(action -> action.toLowerCase(Locale.ROOT).startsWith(service)).toList();
    }

    private static List<String> texts(JsonNode node) {
        return StreamSupport.stream(array(node).spliterator(), false).map(JsonNode::asText).toList();
    }

    private static JsonNode array(JsonNode node) {
        return node.isArray() ? node : node.isMissingNode() ? NODES.arrayNode() : NODES.arrayNode().add(node);
    }

    /** An IAM pattern: {@code *} any run of characters, {@code ?} any one, the rest literally. */
    private static Pattern wildcard(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("(?<=[*?])|(?=[*?])")) {
            regex.append(part.equals("*") ? ".*" : part.equals("?") ? "." : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    /** Whether a condition of the template's Conditions holds for one deployment. */
    public boolean holds(String condition, Map<String, String> deployment) {
        JsonNode definition = template.path("Conditions").path(condition);
        check(definition.isObject(), "condition %s is declared", condition);
        return holds(definition, deployment);
    }

    private boolean holds(JsonNode condition, Map<String, String> deployment) {
        if (condition.has("Condition")) {
            return holds(condition.path("Condition").asText(), deployment);
        }
        if (condition.has("Fn::Equals")) {
            JsonNode operands = condition.path("Fn::Equals");
            return Objects.equals(evaluate(operands.get(0), deployment),
                    evaluate(operands.get(1), deployment));
        }
        if (condition.has("Fn::Not")) {
            return !holds(condition.path("Fn::Not").get(0), deployment);
        }
        if (condition.has("Fn::And")) {
            return StreamSupport.stream(condition.path("Fn::And").spliterator(), false).allMatch(c -> holds(c, deployment));
        }
        if (condition.has("Fn::Or")) {
            return StreamSupport.stream(condition.path("Fn::Or").spliterator(), false).anyMatch(c -> holds(c, deployment));
        }
        throw new IllegalStateException("a condition this reader cannot evaluate: " + condition);
    }

    private static void check(boolean holds, String what, Object... arguments) {
        if (!holds) {
            throw new IllegalStateException("the template lacks " + String.format(what, arguments));
        }
    }

    // --- reading the template --------------------------------------------------------------

    public static JsonNode read(Path file) {
        try (JsonParser parser = new YAMLFactory().createParser(file.toFile())) {
            parser.nextToken();
            return readNode(parser);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file.toAbsolutePath(), e);
        }
    }

    /** Reads the current value, turning a short-form intrinsic tag into its long form. */
    private static JsonNode readNode(JsonParser parser) throws IOException {
        Object tag = parser.getTypeId();
        JsonNode value = switch (parser.currentToken()) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.set(name, readNode(parser));
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
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
            default -> throw new IllegalStateException("unexpected " + parser.currentToken() + " in the template");
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
}
