package dev.primer.service;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The service's feature packages depend on each other without cycles. */
@AnalyzeClasses(
    packages = "dev.primer.service",
    importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
  @ArchTest
  static final ArchRule featurePackagesAreFreeOfCycles =
      slices().matching("dev.primer.service.(*)..").should().beFreeOfCycles();
}
