package dev.primer.cpq;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The engine runs on devices and in the service alike: it knows neither, nor the priming, and the
 * catalogue formats do not know the engine that runs them or the documents made from them.
 */
@AnalyzeClasses(packages = "dev.primer.cpq", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
  @ArchTest
  static final ArchRule cpqKnowsNoAgentServiceOrPriming =
      noClasses()
          .that()
          .resideInAPackage("dev.primer.cpq..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.primer.agent..",
              "dev.primer.service..",
              "dev.primer.core..",
              "io.quarkus..",
              "jakarta..");

  @ArchTest
  static final ArchRule catalogueKnowsNoEngineNorDocuments =
      noClasses()
          .that()
          .resideInAPackage("dev.primer.cpq.catalogue..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.primer.cpq.engine..", "dev.primer.cpq.document..");
}
