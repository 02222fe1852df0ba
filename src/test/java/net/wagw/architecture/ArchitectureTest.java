package net.wagw.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The package layout of docs/contracts.md §1, held by rules rather than by memory. */
class ArchitectureTest {
    private static final JavaClasses WAGW = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("net.wagw");

    @Test
    void theDomainKnowsNeitherQuarkusNorAwsNorJsonNorHttp() {
        noClasses().that().resideInAPackage("net.wagw.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "software.amazon..",
                        "com.amazonaws..", "jakarta..", "com.fasterxml..", "org.eclipse.microprofile..",
                        "net.wagw.store..", "net.wagw.functions..", "net.wagw.lime..", "net.wagw.config..",
                        "net.wagw.local..", "net.wagw.whatsapp..", "net.wagw.wiring..")
                .check(WAGW);
    }

    @Test
    void onlyTheLocalRunDependsOnTheLocalRun() {
        noClasses().that().resideOutsideOfPackage("net.wagw.local..")
                .should().dependOnClassesThat().resideInAPackage("net.wagw.local..")
                .check(WAGW);
    }

    @Test
    void entryPointsReachStorageOnlyThroughTheDomainsPorts() {
        noClasses().that().resideInAPackage("net.wagw.functions..")
                .should().dependOnClassesThat().resideInAPackage("net.wagw.store..")
                .check(WAGW);
    }

    @Test
    void storageAdaptersDoNotCallEntryPoints() {
        noClasses().that().resideInAPackage("net.wagw.store..")
                .should().dependOnClassesThat().resideInAnyPackage("net.wagw.functions..", "net.wagw.lime..")
                .check(WAGW);
    }
}
