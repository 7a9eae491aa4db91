package dev.primer.calendar;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.primer.territory.GeoPoint;

/** The calendar engine stands alone: of the rest of Primer it uses only the coordinate type. */
@AnalyzeClasses(
    packages = "dev.primer.calendar",
    importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
  @ArchTest
  static final ArchRule calendarUsesNothingOfPrimerButGeoPoint =
      noClasses()
          .that()
          .resideInAPackage("dev.primer.calendar..")
          .should()
          .dependOnClassesThat(
              resideInAPackage("dev.primer..")
                  .and(resideOutsideOfPackage("dev.primer.calendar.."))
                  .and(not(equivalentTo(GeoPoint.class))));
}
