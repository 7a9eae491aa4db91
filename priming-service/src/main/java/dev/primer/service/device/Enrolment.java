package dev.primer.service.device;

import dev.primer.service.storable.Storable;
import dev.primer.service.storable.StorableText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /v1/devices}. */
public record Enrolment(
    @NotBlank(message = Enrolment.REQUIRED)
        @Size(max = StorableText.MAX_ID, message = Enrolment.TOO_LONG)
        @Storable
        String name,
    @NotBlank(message = Enrolment.REQUIRED)
        @Size(max = StorableText.MAX_ID, message = Enrolment.TOO_LONG)
        @Storable
        String platform) {
  static final String REQUIRED = "is required";
  static final String TOO_LONG = "must be at most {max} characters, was ${validatedValue.length()}";
}
