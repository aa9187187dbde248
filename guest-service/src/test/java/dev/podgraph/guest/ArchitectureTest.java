package dev.podgraph.guest;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.podgraph.devinfra.ServiceArchitecture;

/**
 * The service archetype (docs/CONVENTIONS.md): devinfra's {@link ServiceArchitecture} rules on this
 * service's classes. Fails when a layer is skipped or reached from below, when two packages import
 * each other again, or when the API validates its parameters itself.
 */
@AnalyzeClasses(
    packages = "dev.podgraph.guest",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  private static final String BASE = "dev.podgraph.guest";

  @ArchTest static final ArchRule layers = ServiceArchitecture.layers(BASE, "feed");

  @ArchTest static final ArchRule noPackageCycles = ServiceArchitecture.noPackageCycles(BASE);

  @ArchTest
  static final ArchRule entitiesDependOnNoRole = ServiceArchitecture.entitiesDependOnNoRole(BASE);

  @ArchTest
  static final ArchRule noValidationOnApiParameters =
      ServiceArchitecture.noValidationOnApiParameters(BASE);
}
