package org.practicealerts.escalation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package layout kept by a test, not by goodwill: a pure domain, and packages that depend one way. */
@AnalyzeClasses(packages = "org.practicealerts.escalation", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainKnowsNothingOfSpringKafkaOrMongo = noClasses()
            .that().resideInAPackage("org.practicealerts.escalation.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.kafka..", "com.mongodb..", "org.bson..");

    @ArchTest
    static final ArchRule packagesDependOnEachOtherWithoutCycles = slices()
            .matching("org.practicealerts.escalation.(*)..").should().beFreeOfCycles();
}
