package dev.podgraph.guest;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The service archetype (docs/CONVENTIONS.md): API → service → repository and cache, views and
 * inputs in {@code model}, entities at the root; no package cycles. The change-feed poller (`feed`)
 * is an inbound adapter like the API: it calls the service. Fails when a layer is skipped or
 * reached from below, or when two packages import each other again.
 */
@AnalyzeClasses(
    packages = "dev.podgraph.guest",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  private static final String[] LAYERS_ABOVE_SERVICE = {"API", "Feed"};

  @ArchTest
  static final ArchRule layers =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("API")
          .definedBy("dev.podgraph.guest.api..")
          .layer("Feed")
          .definedBy("dev.podgraph.guest.feed..")
          .layer("Service")
          .definedBy("dev.podgraph.guest.service..")
          .layer("Cache")
          .definedBy("dev.podgraph.guest.cache..")
          .layer("Repository")
          .definedBy("dev.podgraph.guest.repository..")
          .layer("Model")
          .definedBy("dev.podgraph.guest.model..")
          .layer("Config")
          .definedBy("dev.podgraph.guest.config..")
          .whereLayer("API")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("Feed")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("Service")
          .mayOnlyBeAccessedByLayers(LAYERS_ABOVE_SERVICE)
          .whereLayer("Cache")
          .mayOnlyBeAccessedByLayers("Service")
          .whereLayer("Repository")
          .mayOnlyBeAccessedByLayers("Service")
          .whereLayer("Model")
          .mayOnlyBeAccessedByLayers(concat(LAYERS_ABOVE_SERVICE, "Service", "Cache"));

  @ArchTest
  static final ArchRule noPackageCycles =
      slices().matching("dev.podgraph.guest.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule entitiesDependOnNoRole =
      com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
          .that()
          .resideInAPackage("dev.podgraph.guest")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.podgraph.guest.api..",
              "dev.podgraph.guest.service..",
              "dev.podgraph.guest.cache..",
              "dev.podgraph.guest.repository..",
              "dev.podgraph.guest.model..");

  /** Validation in one layer: inputs are validated by the service (common/README, "Errors"). */
  @ArchTest
  static final ArchRule noValidationOnApiParameters =
      com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods()
          .that()
          .areDeclaredInClassesThat()
          .resideInAPackage("dev.podgraph.guest.api..")
          .should(
              new com.tngtech.archunit.lang.ArchCondition<
                  com.tngtech.archunit.core.domain.JavaMethod>(
                  "have no Bean Validation annotation on a parameter") {
                @Override
                public void check(
                    com.tngtech.archunit.core.domain.JavaMethod method,
                    com.tngtech.archunit.lang.ConditionEvents events) {
                  for (var parameter : method.getParameters()) {
                    for (var annotation : parameter.getAnnotations()) {
                      if (annotation
                          .getRawType()
                          .getPackageName()
                          .startsWith("jakarta.validation")) {
                        events.add(
                            com.tngtech.archunit.lang.SimpleConditionEvent.violated(
                                method,
                                method.getFullName()
                                    + " validates "
                                    + parameter
                                    + ": validate in the service (@Valid there)"));
                      }
                    }
                  }
                }
              });

  private static String[] concat(String[] first, String... more) {
    String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }
}
