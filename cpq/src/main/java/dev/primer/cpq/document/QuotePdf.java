package dev.primer.cpq.document;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.openhtmltopdf.css.style.CssContext;
import com.openhtmltopdf.css.style.derived.RectPropertySet;
import com.openhtmltopdf.layout.SharedContext;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PagePosition;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.util.XRLog;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Renders a quote: the account's Mustache template filled with a {@link QuoteSheet}, laid out by
 * openhtmltopdf on PDFBox as PDF/A-2b (DejaVu Sans embedded, the sRGB profile as output intent),
 * with an empty signature field where the template's {@code id="primer-signature"} box is.
 *
 * <p>Templates come from records, so they are data, not code: partials ({@code {{> x}}}) are
 * refused (they would read files) and the layout may load no external resource (no URL, no file),
 * whatever the template asks for.
 */
public final class QuotePdf {
  /** The id of the element a template marks the signature area with. */
  public static final String SIGNATURE_BOX = "primer-signature";

  /** The name of the signature field in the PDF's form. */
  public static final String SIGNATURE_FIELD = "customer-signature";

  private static final String FONTS = "/net/sf/jasperreports/fonts/dejavu/";

  static {
    // Its log lines (INFO on every CSS warning) would land in the rep's terminal; problems reach
    // the caller as exceptions.
    XRLog.setLoggingEnabled(false);
  }

  private QuotePdf() {}

  /** The filled template as XHTML, or why it cannot be filled. */
  public static String html(String template, QuoteSheet sheet) {
    DefaultMustacheFactory factory =
        new DefaultMustacheFactory(
            name -> {
              throw new MustacheException(
                  "a quote template may not include others ({{> " + name + "}})");
            });
    try {
      Mustache mustache = factory.compile(new StringReader(template), "quote-template");
      StringWriter out = new StringWriter();
      mustache.execute(out, sheet).flush();
      return out.toString();
    } catch (MustacheException | IOException e) {
      throw new QuoteDocumentException("the quote template cannot be filled: " + e.getMessage(), e);
    }
  }

  /** The quote as PDF/A-2b bytes. */
  public static byte[] render(String template, QuoteSheet sheet, String title) {
    String html = html(template, sheet);
    PdfRendererBuilder builder =
        new PdfRendererBuilder()
            .useFastMode()
            .usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_2_B)
            .useColorProfile(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData())
            .useExternalResourceAccessControl(
                (uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
            .useExternalResourceAccessControl(
                (uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI)
            .withProducer("Primer")
            .withW3cDocument(xhtml(html), null);
    builder.useFont(() -> font("DejaVuSans.ttf"), "DejaVu Sans");
    builder.useFont(
        () -> font("DejaVuSans-Bold.ttf"),
        "DejaVu Sans",
        700,
        PdfRendererBuilder.FontStyle.NORMAL,
        true);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
      renderer.layout();
      renderer.createPDFWithoutClosing();
      PDDocument pdf = renderer.getPdfDocument();
      pdf.getDocumentInformation().setTitle(title);
      addSignatureField(
          pdf,
          renderer.findPagePositionsByID(Pattern.compile(SIGNATURE_BOX)),
          renderer.getSharedContext());
      pdf.save(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      if (e instanceof QuoteDocumentException q) {
        throw q;
      }
      throw new QuoteDocumentException("the quote cannot be laid out: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  /**
   * The filled template parsed as XHTML here, not by the layout: no DTD is loaded and no entity is
   * expanded (a template from a record could otherwise read a file through an external entity), and
   * a parse error names its line and column.
   */
  static Document xhtml(String html) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      DocumentBuilder builder = f.newDocumentBuilder();
      builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
      builder.setErrorHandler(null);
      return builder.parse(new InputSource(new StringReader(html)));
    } catch (SAXParseException e) {
      throw new QuoteDocumentException(
          "the quote template is not XHTML: line "
              + e.getLineNumber()
              + ", column "
              + e.getColumnNumber()
              + ": "
              + e.getMessage(),
          e);
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new QuoteDocumentException("the quote template is not XHTML: " + e.getMessage(), e);
    }
  }

  private static InputStream font(String name) {
    return Objects.requireNonNull(QuotePdf.class.getResourceAsStream(FONTS + name), name);
  }

  /**
   * An empty signature field (with an empty appearance, as PDF/A wants) over the template's box.
   */
  private static void addSignatureField(
      PDDocument pdf, List<PagePosition<Box>> boxes, SharedContext shared) throws IOException {
    if (boxes.isEmpty()) {
      throw new QuoteDocumentException(
          "the quote template has no signature area (an element with id=\""
              + SIGNATURE_BOX
              + "\")");
    }
    PagePosition<Box> box = boxes.get(0);
    PDPage page = pdf.getPage(box.getPageNo());
    PDAcroForm form = pdf.getDocumentCatalog().getAcroForm();
    if (form == null) {
      form = new PDAcroForm(pdf);
      pdf.getDocumentCatalog().setAcroForm(form);
    }
    form.setSignaturesExist(true);
    form.setAppendOnly(true);
    PDSignatureField field = new PDSignatureField(form);
    field.setPartialName(SIGNATURE_FIELD);
    PDAnnotationWidget widget = field.getWidgets().get(0);
    // The position spans the box's margins too (a paragraph's margin collapses through its
    // top); its width is the border box's, which gives the layout's dots per point.
    Box layout = box.getElement();
    CssContext css = shared.newLayoutContextInstance();
    RectPropertySet margin = layout.getMargin(css);
    float perDot = box.getWidth() / Math.max(1, layout.getWidth());
    float height = (layout.getHeight() - margin.top() - margin.bottom()) * perDot;
    PDRectangle rect =
        new PDRectangle(box.getX(), box.getY() + margin.bottom() * perDot, box.getWidth(), height);
    widget.setRectangle(rect);
    widget.setPage(page);
    widget.setPrinted(true);
    PDFormXObject empty = new PDFormXObject(pdf);
    empty.setBBox(new PDRectangle(rect.getWidth(), rect.getHeight()));
    empty.setResources(new PDResources());
    PDAppearanceDictionary appearance = new PDAppearanceDictionary();
    appearance.setNormalAppearance(new PDAppearanceStream(empty.getCOSObject()));
    widget.setAppearance(appearance);
    page.getAnnotations().add(widget);
    form.getFields().add(field);
    form.getCOSObject().setNeedToBeUpdated(true);
    page.getCOSObject().setNeedToBeUpdated(true);
    form.getCOSObject().removeItem(COSName.NEED_APPEARANCES);
  }
}
