package dev.podgraph.devinfra;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.ArrayList;
import java.util.List;

/**
 * The subgraph service archetype (docs/CONVENTIONS.md, "Packages of a subgraph service") as
 * ArchUnit rules, one copy for every service: each service's {@code ArchitectureTest} applies them
 * to its base package. API and other inbound adapters → service → repository and cache; views and
 * inputs in {@code model}; entities at the root; no package cycles; validation in the service.
 */
public final class ServiceArchitecture {
  private ServiceArchitecture() {}

  /**
   * API → service → repository / cache, {@code model} used from above only.
   *
   * @param inboundAdapters subpackages that call the service as the API does (guest's {@code feed})
   */
  public static ArchRule layers(String base, String... inboundAdapters) {
    List<String> aboveService = new ArrayList<>(List.of("API"));
    LayeredArchitecture layers =
        layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("API")
            .definedBy(base + ".api..");
    for (String adapter : inboundAdapters) {
      layers = layers.layer(adapter).definedBy(base + "." + adapter + "..");
      aboveService.add(adapter);
    }
    layers =
        layers
            .layer("Service")
            .definedBy(base + ".service..")
            .layer("Cache")
            .definedBy(base + ".cache..")
            .layer("Repository")
            .definedBy(base + ".repository..")
            .layer("Model")
            .definedBy(base + ".model..")
            .layer("Config")
            .definedBy(base + ".config..");
    for (String inbound : aboveService) {
      layers = layers.whereLayer(inbound).mayNotBeAccessedByAnyLayer();
    }
    List<String> aboveModel = new ArrayList<>(aboveService);
    aboveModel.addAll(List.of("Service", "Cache"));
    return layers
        .whereLayer("Service")
        .mayOnlyBeAccessedByLayers(aboveService.toArray(String[]::new))
        .whereLayer("Cache")
        .mayOnlyBeAccessedByLayers("Service")
        .whereLayer("Repository")
        .mayOnlyBeAccessedByLayers("Service")
        .whereLayer("Model")
        .mayOnlyBeAccessedByLayers(aboveModel.toArray(String[]::new));
  }

  /** No two subpackages of the service import each other, directly or around a circle. */
  public static ArchRule noPackageCycles(String base) {
    return slices().matching(base + ".(*)..").should().beFreeOfCycles();
  }

  /** Entities and domain types at the root depend on no role package. */
  public static ArchRule entitiesDependOnNoRole(String base) {
    return noClasses()
        .that()
        .resideInAPackage(base)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            base + ".api..",
            base + ".service..",
            base + ".cache..",
            base + ".repository..",
            base + ".model..");
  }

  /** Validation in one layer: no Bean Validation annotation on an API method's parameter. */
  public static ArchRule noValidationOnApiParameters(String base) {
    return methods()
        .that()
        .areDeclaredInClassesThat()
        .resideInAPackage(base + ".api..")
        .should(
            new ArchCondition<JavaMethod>("have no Bean Validation annotation on a parameter") {
              @Override
              public void check(JavaMethod method, ConditionEvents events) {
                for (JavaParameter parameter : method.getParameters()) {
                  boolean validated =
                      parameter.getAnnotations().stream()
                          .anyMatch(
                              a ->
                                  a.getRawType().getPackageName().startsWith("jakarta.validation"));
                  if (validated) {
                    events.add(
                        SimpleConditionEvent.violated(
                            method,
                            method.getFullName()
                                + " validates "
                                + parameter
                                + ": validate in the service (@Valid there)"));
                  }
                }
              }
            });
  }
}
