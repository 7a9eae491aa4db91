package dev.primer.cpq.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.protocol.quotes.AppliedDiscount;
import dev.primer.protocol.quotes.QuoteBasis;
import dev.primer.protocol.quotes.QuoteLine;
import dev.primer.protocol.quotes.QuoteResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class QuotePdfTest {
  static final String TEMPLATE =
      """
      <html xmlns="http://www.w3.org/1999/xhtml"><head><style>
      body { font-family: 'DejaVu Sans'; font-size: 9pt; }
      .box { width: 80mm; height: 25mm; border: 1px solid black; }
      </style></head><body>
      <h1>Quote {{quoteId}}</h1>
      <p>Customer: {{account.name}} ({{account.id}}), contact {{rep.name}}, valid until {{validUntil}}</p>
      <table>{{#lines}}<tr><td>{{number}}</td><td>{{sku}} {{name}} {{options}}</td><td>{{quantity}}</td>
      <td>{{unitPrice}}</td><td>{{discounts}}</td><td>{{netAmount}}</td></tr>{{/lines}}</table>
      <p>Total {{currency}} {{total}}</p><p>Payment {{paymentTerms}}. Priced with {{basis}}.</p>
      <div id="primer-signature" class="box"></div>
      </body></html>
      """;

  static QuoteSheet sheet(String customer) {
    QuoteResult result =
        new QuoteResult(
            true,
            List.of(),
            List.of(
                new QuoteLine(
                    1,
                    "PMP-1",
                    "Pump one",
                    2,
                    Map.of("motor", "30kW"),
                    new BigDecimal("12000.00"),
                    new BigDecimal("24000.00"),
                    List.of(
                        new AppliedDiscount(
                            "account agreement", new BigDecimal("10"), new BigDecimal("2400.00"))),
                    new BigDecimal("21600.00"))),
            new BigDecimal("24000.00"),
            new BigDecimal("21600.00"),
            List.of(),
            new BigDecimal("21600.00"),
            "USD");
    return QuoteSheet.of(
        "new-0190",
        "2026-03-02",
        "2026-04-01",
        new QuoteSheet.Party("a1", customer),
        new QuoteSheet.Party("u1", "Ana Rep"),
        result,
        new QuoteBasis("pl-1", 3, "pb-1", 2, "pr-1", 1),
        "Net 30");
  }

  @Test
  void aQuoteRendersAsPdfAWithItsTextEmbeddedFontsAndAnEmptySignatureField() throws Exception {
    byte[] pdf = QuotePdf.render(TEMPLATE, sheet("Acme & Sons <Pumps>"), "Quote new-0190");

    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text)
          .contains("Quote new-0190")
          .contains("Customer: Acme & Sons <Pumps> (a1), contact Ana Rep, valid until 2026-04-01")
          .contains("PMP-1 Pump one motor 30kW")
          .contains("account agreement 10% -2,400.00")
          .contains("Total USD 21,600.00")
          .contains(
              "Payment Net 30. Priced with price list pl-1 v3, price book pb-1 v2, rules pr-1 v1.");
      assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Quote new-0190");

      String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(), "UTF-8");
      assertThat(xmp).contains("pdfaid:part").contains("2").contains("pdfaid:conformance");
      assertThat(doc.getDocumentCatalog().getOutputIntents()).hasSize(1);
      for (org.apache.pdfbox.cos.COSName name : doc.getPage(0).getResources().getFontNames()) {
        PDFont font = doc.getPage(0).getResources().getFont(name);
        assertThat(font.isEmbedded()).as(font.getName()).isTrue();
      }

      List<PDField> fields = doc.getDocumentCatalog().getAcroForm().getFields();
      assertThat(fields).hasSize(1);
      assertThat(fields.get(0)).isInstanceOf(PDSignatureField.class);
      PDSignatureField sig = (PDSignatureField) fields.get(0);
      assertThat(sig.getPartialName()).isEqualTo(QuotePdf.SIGNATURE_FIELD);
      assertThat(sig.getSignature()).isNull();
      PDRectangle rect = sig.getWidgets().get(0).getRectangle();
      PDRectangle page = doc.getPage(0).getMediaBox();
      // 80 x 25 mm, on the page.
      assertThat(rect.getWidth()).isBetween(220f, 235f);
      assertThat(rect.getHeight()).isBetween(68f, 74f);
      assertThat(rect.getLowerLeftX()).isGreaterThanOrEqualTo(0f);
      assertThat(rect.getUpperRightY()).isLessThanOrEqualTo(page.getHeight());
    }
  }

  @Test
  void veraPdfFindsARenderedQuoteCompliantWithPdfA2bAndAPlainPdfNot() throws Exception {
    assertThat(pdfA2bProblems(QuotePdf.render(TEMPLATE, sheet("Acme"), "Quote new-0190")))
        .isEmpty();
    java.io.ByteArrayOutputStream plain = new java.io.ByteArrayOutputStream();
    try (PDDocument doc = new PDDocument()) {
      doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
      doc.save(plain);
    }
    assertThat(pdfA2bProblems(plain.toByteArray())).isNotEmpty();
  }

  /** What veraPDF finds against PDF/A-2b, one line per failed rule. */
  static List<String> pdfA2bProblems(byte[] pdf) throws Exception {
    org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider.initialise();
    org.verapdf.pdfa.flavours.PDFAFlavour flavour =
        org.verapdf.pdfa.flavours.PDFAFlavour.fromString("2b");
    try (org.verapdf.pdfa.PDFAParser parser =
            org.verapdf.pdfa.Foundries.defaultInstance()
                .createParser(new java.io.ByteArrayInputStream(pdf), flavour);
        org.verapdf.pdfa.PDFAValidator validator =
            org.verapdf.pdfa.Foundries.defaultInstance().createValidator(flavour, false)) {
      org.verapdf.pdfa.results.ValidationResult result = validator.validate(parser);
      List<String> failed =
          result.getTestAssertions().stream()
              .filter(a -> a.getStatus() != org.verapdf.pdfa.results.TestAssertion.Status.PASSED)
              .map(
                  a ->
                      a.getRuleId().getClause()
                          + "-"
                          + a.getRuleId().getTestNumber()
                          + ": "
                          + a.getMessage())
              .distinct()
              .toList();
      assertThat(result.isCompliant()).isEqualTo(failed.isEmpty());
      return failed;
    }
  }

  @Test
  void aTemplateThatIsNoXhtmlOrReachesForAFileThroughAnEntityIsRefused() {
    assertThatThrownBy(() -> QuotePdf.render("Quote template: Service package", sheet("A"), "t"))
        .isInstanceOf(QuoteDocumentException.class)
        .hasMessageStartingWith("the quote template is not XHTML: line 1, column 1:");
    String entity =
        "<?xml version=\"1.0\"?><!DOCTYPE html [<!ENTITY secret SYSTEM \"file:///etc/hostname\">]>"
            + "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>&secret;</p>"
            + "<div id=\"primer-signature\" style=\"height: 10mm\"></div></body></html>";
    String text;
    try {
      byte[] pdf = QuotePdf.render(entity, sheet("A"), "t");
      try (PDDocument doc = Loader.loadPDF(pdf)) {
        text = new PDFTextStripper().getText(doc);
      }
    } catch (QuoteDocumentException | java.io.IOException refused) {
      text = "";
    }
    String hostname;
    try {
      hostname = java.nio.file.Files.readString(java.nio.file.Path.of("/etc/hostname")).strip();
    } catch (java.io.IOException e) {
      hostname = "no-hostname-file";
    }
    assertThat(text).doesNotContain(hostname);
  }

  @Test
  void aTemplateMayNotIncludeFilesNorLackTheSignatureArea() {
    assertThatThrownBy(() -> QuotePdf.render("<html>{{> /etc/passwd}}</html>", sheet("A"), "t"))
        .isInstanceOf(QuoteDocumentException.class)
        .hasMessageContaining("may not include others");
    assertThatThrownBy(
            () ->
                QuotePdf.render(
                    "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>{{total}}</body></html>",
                    sheet("A"),
                    "t"))
        .isInstanceOf(QuoteDocumentException.class)
        .hasMessageContaining("no signature area");
  }
}
