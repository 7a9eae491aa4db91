package dev.primer.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Core is shared by training and serving, so it knows neither the service nor the agent. */
@AnalyzeClasses(packages = "dev.primer.core", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
  @ArchTest
  static final ArchRule coreNeverUsesTheServiceTheAgentOrQuarkus =
      noClasses()
          .that()
          .resideInAPackage("dev.primer.core..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.primer.service..", "dev.primer.agent..", "io.quarkus..");
}
