package io.ordo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package boundaries of ARCHITECTURE.md, checked on every build. */
@AnalyzeClasses(packages = "io.ordo", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule apiHoldsOnlyMessages = noClasses()
            .that()
            .resideInAPackage("io.ordo..api..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.ordo..command..",
                    "io.ordo..query..",
                    "io.ordo..web..",
                    "io.ordo.platform..",
                    "org.springframework..",
                    "jakarta.persistence..")
            .because("api packages are the contract: messages only, free of aggregates, projections and web code");

    @ArchTest
    static final ArchRule sharedHasNoFrameworks = noClasses()
            .that()
            .resideInAPackage("io.ordo.shared..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "org.axonframework..", "jakarta..")
            .because("shared value types must be usable anywhere");

    @ArchTest
    static final ArchRule commandSideNeverReadsProjections = noClasses()
            .that()
            .resideInAPackage("io.ordo..command..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.ordo..query..");

    @ArchTest
    static final ArchRule querySideNeverTouchesAggregates = noClasses()
            .that()
            .resideInAPackage("io.ordo..query..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.ordo..command..");

    @ArchTest
    static final ArchRule webTalksToGateways = noClasses()
            .that()
            .resideInAPackage("io.ordo..web..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.ordo..command..", "io.ordo..query..", "org.springframework.data..")
            .because("controllers send commands and queries through Axon's gateways");
}
