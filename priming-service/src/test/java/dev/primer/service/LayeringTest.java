package dev.primer.service;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The service's feature packages depend on each other without cycles. Today ten of them form cycles
 * among themselves (e.g. device -> manifest -> device, auth -> problem -> auth); the rule lets
 * dependencies inside that group be and fails on any other cycle. Shrink the group as the cycles
 * are broken.
 */
@AnalyzeClasses(
    packages = "dev.primer.service",
    importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
  private static final DescribedPredicate<JavaClass> KNOWN_CYCLES =
      resideInAnyPackage(
          "dev.primer.service.access..",
          "dev.primer.service.auth..",
          "dev.primer.service.device..",
          "dev.primer.service.manifest..",
          "dev.primer.service.problem..",
          "dev.primer.service.records..",
          "dev.primer.service.selection..",
          "dev.primer.service.snapshot..",
          "dev.primer.service.storable..",
          "dev.primer.service.telemetry..");

  @ArchTest
  static final ArchRule featurePackagesAreFreeOfCycles =
      slices()
          .matching("dev.primer.service.(*)..")
          .should()
          .beFreeOfCycles()
          .ignoreDependency(KNOWN_CYCLES, KNOWN_CYCLES);
}
