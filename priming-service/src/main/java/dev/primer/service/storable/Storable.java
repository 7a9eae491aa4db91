package dev.primer.service.storable;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A request field PostgreSQL can store as text: no U+0000 ({@link StorableText}); null is left to
 * {@code @NotNull}/{@code @NotBlank}, length to {@code @Size}.
 */
@Documented
@Constraint(validatedBy = StorableValidator.class)
@Target({FIELD, PARAMETER})
@Retention(RUNTIME)
public @interface Storable {
  /** The message of a violation. */
  String message() default StorableText.CONTAINS_NUL;

  /** Validation groups (none used). */
  Class<?>[] groups() default {};

  /** Payload (none used). */
  Class<? extends Payload>[] payload() default {};
}
