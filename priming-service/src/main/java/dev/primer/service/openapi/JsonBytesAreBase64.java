package dev.primer.service.openapi;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Marks the byte arrays inside JSON objects (such as {@code RecordLine.contentBase64}) as base64
 * text, which is how Jackson writes them; the scanner calls every {@code byte[]} raw binary. The
 * protocol module carries no OpenAPI annotations (it depends on Jackson alone), so this is said
 * once here.
 */
public class JsonBytesAreBase64 implements OASFilter {
  @Override
  public void filterOpenAPI(OpenAPI openApi) {
    if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
      return;
    }
    openApi.getComponents().getSchemas().values().forEach(JsonBytesAreBase64::properties);
  }

  private static void properties(Schema object) {
    Map<String, Schema> properties = object.getProperties();
    if (properties == null) {
      return;
    }
    for (Schema p : properties.values()) {
      Schema value = p.getItems() == null ? p : p.getItems();
      if ("binary".equals(value.getFormat())) {
        value.setFormat(null);
        value.setContentEncoding("base64");
      }
    }
  }
}
