package org.practicealerts.system;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture of the whole product, kept by a test rather than by goodwill, over every module's compiled main
 * classes: domain packages and the pure modules know nothing of Spring, Kafka or MongoDB, and no package of any
 * module depends on another package that depends back on it (within a module or across modules).
 */
class ArchitectureTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> MODULES = List.of("working-calendar", "case-milestones", "common-events", "access-rules",
            "embedded-stack", "test-support", "service-support", "alert-service", "escalation-service",
            "reporting-service", "notification-service", "load-driver");

    /** Where the procedure's rules live: pure Java, testable without any infrastructure. */
    private static final String[] PURE = {
        "org.practicealerts.calendar..", "org.practicealerts.milestones..", "org.practicealerts.events..",
        "org.practicealerts.access..", "org.practicealerts.alert.domain..", "org.practicealerts.alert.policy..", "org.practicealerts.alert.directory..",
        "org.practicealerts.alert.api..", "org.practicealerts.escalation.domain..",
        "org.practicealerts.reporting.domain..", "org.practicealerts.notification.render.."};

    private static JavaClasses product;

    @BeforeAll
    static void importEveryModule() {
        List<Path> compiled = MODULES.stream().map(m -> REPO.resolve(m).resolve("target/classes")).toList();
        assumeTrue(compiled.stream().allMatch(Files::isDirectory),
                "every module's target/classes is needed: run ./mvnw verify (system tests run after packaging)");
        product = new ClassFileImporter().importPaths(compiled);
    }

    @Test
    void theRulesSeeEveryModulesClasses() {
        for (String pkg : List.of("calendar", "milestones", "events", "access", "embedded", "support", "alert.domain",
                "escalation.domain", "reporting.domain", "notification.render", "load")) {
            assertThat(product.containPackage("org.practicealerts." + pkg)).as(pkg).isTrue();
        }
    }

    @Test
    void domainPackagesAndPureModulesKnowNothingOfSpringKafkaOrMongo() {
        noClasses().that().resideInAnyPackage(PURE)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "org.apache.kafka..", "com.mongodb..", "org.bson..")
                .check(product);
    }

    @Test
    void noPackageInAnyModuleIsPartOfADependencyCycle() {
        slices().matching("org.practicealerts.(**)").should().beFreeOfCycles().check(product);
    }

    @Test
    void commonEventsAreContractsOnly() {
        noClasses().that().resideInAPackage("org.practicealerts.events..")
                .should().dependOnClassesThat().resideOutsideOfPackages("org.practicealerts.events..",
                        "java..", "com.fasterxml.jackson.annotation..", "tools.jackson..")
                .check(product);
    }
}
