package io.ordo;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.ordo.platform.roles.CommandEndpoint;
import io.ordo.platform.roles.CommandSide;
import io.ordo.platform.roles.QuerySide;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.spring.stereotype.Aggregate;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The package boundaries of {@code docs/architecture.md}, checked on every build. A feature is a package right under
 * {@code io.ordo} other than {@code platform} and {@code shared}.
 *
 * <p>The first four rules were added after two cycles had slipped through the rules below them, which only look
 * inside a feature: {@code order.command} and {@code inventory.command} used {@code operations.history.AggregateHistory},
 * {@code inventory.web} used {@code operations.history.AuditTrail}, and {@code operations.history} used
 * {@code order.api} and {@code inventory.api}. Each of them but {@code platformKnowsNoFeature} fails on that code
 * (checked by running this class against the main sources of the commit before the history moved to
 * {@code platform/history}); platform itself knew no feature then, and that rule keeps it so now that the history
 * code lives there (it fails when a platform class names an {@code order.api} type, checked the same way). The fifth
 * states strictly what {@link #apiHoldsOnlyMessages} approximated; it held then and fails as soon as an {@code api}
 * record takes, say, a Jackson annotation (checked the same way).
 */
@AnalyzeClasses(packages = "io.ordo", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Not features: the wiring everything may use, and the framework-free value types. */
    private static final Set<String> NOT_FEATURES = Set.of("platform", "shared");

    @ArchTest
    static final ArchRule noCyclesBetweenTopLevelPackages = slices().matching("io.ordo.(*)..")
            .should()
            .beFreeOfCycles()
            .because("a cycle makes two packages one that nobody can change or understand alone");

    @ArchTest
    static final ArchRule featuresMeetOnlyThroughTheirApi = classes()
            .should(onlyReachOtherFeaturesThroughTheirApi())
            .because("a feature's api package is its contract; everything else in it may change without notice");

    @ArchTest
    static final ArchRule platformKnowsNoFeature = noClasses()
            .that()
            .resideInAPackage("io.ordo.platform..")
            .should()
            .dependOnClassesThat(belongToAFeatureOtherThan(null))
            .because("platform is the wiring every feature uses; a feature plugs into it, not the reverse");

    @ArchTest
    static final ArchRule operationsKnowNoOtherFeature = noClasses()
            .that()
            .resideInAPackage("io.ordo.operations..")
            .should()
            .dependOnClassesThat(belongToAFeatureOtherThan("operations"))
            .because("operators' tools (processors, dead letters) serve every feature alike");

    @ArchTest
    static final ArchRule theLedgerAndItsVerifierNeedNeitherSpringNorTheService = noClasses()
            .that()
            .resideInAnyPackage(
                    "io.ordo.integrity.merkle..",
                    "io.ordo.integrity.checkpoint..",
                    "io.ordo.integrity.ledger..",
                    "io.ordo.integrity.document..",
                    "io.ordo.integrity.verifier..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "org.axonframework..",
                    "io.ordo.integrity.service..",
                    "io.ordo.integrity.web..")
            .because("the standalone verifier runs them without Spring and trusts nothing of the running service");

    @ArchTest
    static final ArchRule apiDependsOnlyOnSharedAndAxonAnnotations = classes()
            .that()
            .resideInAPackage("io.ordo..api..")
            .should()
            .onlyDependOnClassesThat(resideInAnyPackage("java..", "io.ordo.shared..", "io.ordo..api..")
                    .or(axonAnnotations()))
            .because("api packages are the contract other features and clients compile against");

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

    /** A query instance must not hold them: it would take commands, fire deadlines or run the saga. */
    @ArchTest
    static final ArchRule aggregatesAndSagasBelongToTheCommandSide = classes()
            .that()
            .areAnnotatedWith(Aggregate.class)
            .or()
            .areAnnotatedWith(Saga.class)
            .should()
            .beAnnotatedWith(CommandSide.class)
            .because("a query instance (ordo.role=query) must never decide a command or run the saga");

    @ArchTest
    static final ArchRule projectionsBelongToTheQuerySide = classes()
            .that()
            .resideInAPackage("io.ordo..query..")
            .and()
            .areAnnotatedWith(ProcessingGroup.class)
            .should()
            .beAnnotatedWith(QuerySide.class)
            .because("a command instance (ordo.role=command) leaves the projections to the query instances");

    @ArchTest
    static final ArchRule changesOverHttpAreCommandEndpoints = methods()
            .that()
            .areDeclaredInClassesThat()
            .resideInAPackage("io.ordo..web..")
            .and(areAnnotatedWithAnyOf(PostMapping.class, PutMapping.class, PatchMapping.class, DeleteMapping.class))
            .and(DescribedPredicate.not(areAdministration()))
            .should(beCommandEndpoints())
            .because("a query instance refuses exactly the @CommandEndpoint handlers; an unmarked one would write there"
                    + " (/api/admin acts on the instance it reaches: its processors, its store, and stays open)");

    private static DescribedPredicate<JavaMethod> areAdministration() {
        return DescribedPredicate.describe("are under /api/admin", method -> {
            Method reflected = method.reflect();
            RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(reflected, RequestMapping.class);
            RequestMapping owner =
                    AnnotatedElementUtils.findMergedAnnotation(reflected.getDeclaringClass(), RequestMapping.class);
            return Stream.concat(
                            Stream.of(owner == null ? new String[0] : owner.path()),
                            Stream.of(mapping == null ? new String[0] : mapping.path()))
                    .anyMatch(path -> path.startsWith("/api/admin/"));
        });
    }

    private static DescribedPredicate<JavaMethod> areAnnotatedWithAnyOf(Class<?>... annotations) {
        return DescribedPredicate.describe(
                "are annotated with a mapping that changes something",
                method -> Arrays.stream(annotations)
                        .anyMatch(annotation -> method.isAnnotatedWith(annotation.getName())));
    }

    private static ArchCondition<JavaMethod> beCommandEndpoints() {
        return new ArchCondition<>("be a @CommandEndpoint or be declared in one") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean marked = method.isAnnotatedWith(CommandEndpoint.class)
                        || method.getOwner().isAnnotatedWith(CommandEndpoint.class);
                if (!marked) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName() + " is no @CommandEndpoint"));
                }
            }
        };
    }

    /** A dependency from one feature into another must land in the other's {@code api} package (or below it). */
    private static ArchCondition<JavaClass> onlyReachOtherFeaturesThroughTheirApi() {
        return new ArchCondition<>("only reach other features through their api") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String from = feature(origin);
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    String to = feature(target);
                    boolean intoOtherFeature = to != null && !to.equals(from);
                    boolean throughItsDoor = target.getPackageName().startsWith("io.ordo." + to + ".api")
                            || consoleUsesOperatorTools(from, target);
                    if (intoOtherFeature && !throughItsDoor) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /**
     * Operations has no messages to offer (it is the operators' tools, not a business feature); its door for the
     * console's operations screens is its root package ({@code OperatorTools} and its records), never its
     * processors, dead-letter or audit packages. No other feature may use that door.
     */
    private static boolean consoleUsesOperatorTools(String from, JavaClass target) {
        return "console".equals(from) && target.getPackageName().equals("io.ordo.operations");
    }

    private static DescribedPredicate<JavaClass> belongToAFeatureOtherThan(String excluded) {
        return DescribedPredicate.describe(
                "belong to a feature",
                type -> feature(type) != null && !feature(type).equals(excluded));
    }

    private static DescribedPredicate<JavaClass> axonAnnotations() {
        return DescribedPredicate.describe(
                "are Axon annotations",
                type -> type.isAnnotation() && type.getPackageName().startsWith("org.axonframework."));
    }

    /** The feature a class belongs to, or null for platform, shared, the application class and anything outside. */
    private static String feature(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith("io.ordo.")) {
            return null;
        }
        String top = name.substring("io.ordo.".length()).split("\\.")[0];
        return NOT_FEATURES.contains(top) ? null : top;
    }
}
