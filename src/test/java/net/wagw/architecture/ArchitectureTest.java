package net.wagw.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The package layout of docs/architecture.md, held by rules rather than by memory: the domain in
 * the middle, knowing only the JDK; adapters around it that meet each other only through the few
 * classes each publishes; the composition root ({@code wiring}) outside all of them, reached by
 * none; the configuration a leaf.
 */
class ArchitectureTest {
    private static final JavaClasses WAGW = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("net.wagw");

    /**
     * The adapters, and what each publishes to the other adapters (top-level class names; their
     * nested classes come with them). Everything else in an adapter, sub-packages included, is its
     * own business. The composition root may use anything; the configuration anyone but the domain.
     */
    static final Map<String, Set<String>> PUBLISHED = Map.of(
            // the LIME vocabulary and envelopes the HTTP side reads and answers in
            "lime", Set.of("Command", "CommandMethod", "GroupResource", "InboundRenderer", "Lime", "LimeCollection",
                    "LimeContentParser", "LimeReason", "PublicBase"),
            // the webhook's way in (signature, parser) and a bot message's way out (renderer)
            "whatsapp", Set.of("MetaSignature", "OutboundRenderer", "WebhookParser"),
            // what the local run serves and triggers
            "functions", Set.of("HttpGateway", "Route", "ScheduledFunctions"),
            // what the local run needs to start dynalite and s3rver, give them their tables and count calls
            "store", Set.of("AwsCallCounter", "DynamoClients", "DynamoConnection", "S3Clients", "S3Connection",
                    "TableInstaller", "TableNames"),
            // the work queue: Lambda's SQS batches handed to it, and what the local run starts ElasticMQ with
            "queue", Set.of("Queues", "SqsWorkQueue", "QueueConnection", "QueueInstaller", "SqsClients"),
            // the dev-only server publishes nothing
            "local", Set.of(),
            // the numbering plan, for the composition root only
            "numbering", Set.of());

    @Test
    void noPackageOfWagwIsInACycle() {
        slices().matching("net.wagw.(**)").should().beFreeOfCycles().check(WAGW);
    }

    @Test
    void theDomainDependsOnlyOnTheJdkAndItself() {
        classes().that().resideInAPackage("net.wagw.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.crypto..", "net.wagw.domain..")
                .check(WAGW);
    }

    @Test
    void theConfigurationIsALeaf() {
        noClasses().that().resideInAPackage("net.wagw.config..")
                .should().dependOnClassesThat(inWagwOutside("net.wagw.config.."))
                .check(WAGW);
    }

    @Test
    void storageKnowsOnlyTheDomain() {
        noClasses().that().resideInAPackage("net.wagw.store..")
                .should().dependOnClassesThat(inWagwOutside("net.wagw.store..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("net.wagw.domain.."))))
                .check(WAGW);
    }

    @Test
    void entryPointsReachStorageOnlyThroughTheDomainsPorts() {
        noClasses().that().resideInAPackage("net.wagw.functions..")
                .should().dependOnClassesThat().resideInAPackage("net.wagw.store..")
                .check(WAGW);
    }

    @Test
    void adaptersMeetOnlyThroughWhatEachPublishes() {
        for (String from : PUBLISHED.keySet()) {
            for (Map.Entry<String, Set<String>> to : PUBLISHED.entrySet()) {
                if (from.equals(to.getKey())) {
                    continue;
                }
                noClasses().that().resideInAPackage("net.wagw." + from + "..")
                        .should().dependOnClassesThat(unpublishedOf(to.getKey(), to.getValue()))
                        .check(WAGW);
            }
        }
    }

    @Test
    void nothingButTheLocalRunDependsOnIt() {
        noClasses().that().resideOutsideOfPackage("net.wagw.local..")
                .should().dependOnClassesThat().resideInAPackage("net.wagw.local..")
                .check(WAGW);
    }

    @Test
    void nothingDependsOnTheCompositionRoot() {
        noClasses().that().resideOutsideOfPackage("net.wagw.wiring..")
                .should().dependOnClassesThat().resideInAPackage("net.wagw.wiring..")
                .check(WAGW);
    }

    private static DescribedPredicate<JavaClass> inWagwOutside(String own) {
        return JavaClass.Predicates.resideInAPackage("net.wagw..")
                .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage(own)));
    }

    private static DescribedPredicate<JavaClass> unpublishedOf(String adapter, Set<String> published) {
        return JavaClass.Predicates.resideInAPackage("net.wagw." + adapter + "..")
                .and(DescribedPredicate.describe("not named " + published, javaClass -> {
                    if (!javaClass.getPackageName().equals("net.wagw." + adapter)) {
                        return true;
                    }
                    String simple = javaClass.getName().substring(javaClass.getPackageName().length() + 1);
                    int nested = simple.indexOf('$');
                    return !published.contains(nested < 0 ? simple : simple.substring(0, nested));
                }))
                .as("classes of " + adapter + " other than " + published);
    }
}
