package dev.primer.agent.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTokensTest {
  private final SearchTokens tokens = new SearchTokens(new byte[32]);

  @Test
  void wordsAreRunsOfLettersAndDigitsLowerCased() {
    assertThat(SearchTokens.words("Pump P-880: bearing NOISE, Ölpumpe 12mm"))
        .containsExactly("pump", "p", "880", "bearing", "noise", "ölpumpe", "12mm");
  }

  @Test
  void wordsLongerThanFortyCharactersAreNotIndexed() {
    String long41 = "a".repeat(41);
    assertThat(SearchTokens.words("short " + long41 + " " + "b".repeat(40)))
        .containsExactly("short", "b".repeat(40));
  }

  @Test
  void aWordHasOneTokenWhateverItsCaseOrPlace() {
    String doc = tokens.document("Pump pump PUMP");
    assertThat(doc.split(" ")).hasSize(3).containsOnly(tokens.token("pump"));
    assertThat(tokens.query("PuMp")).isEqualTo(tokens.token("pump"));
  }

  @Test
  void differentWordsHaveDifferentTokensThatHideTheWord() {
    assertThat(tokens.token("pump")).isNotEqualTo(tokens.token("pumps")).doesNotContain("pump");
    assertThat(tokens.token("pump")).startsWith("t");
  }

  @Test
  void aDistinctDocumentHoldsEachWordOnceInFirstOrder() {
    String doc = tokens.distinctDocument("valve pump Valve seal pump valve");
    assertThat(Arrays.asList(doc.split(" ")))
        .containsExactly(tokens.token("valve"), tokens.token("pump"), tokens.token("seal"));
  }

  @Test
  void aDistinctDocumentOfManyWordsKeepsEveryDistinctOne() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      text.append("w").append(i % 3000).append(' ');
    }
    List<String> doc = Arrays.asList(tokens.distinctDocument(text.toString()).split(" "));
    assertThat(doc).hasSize(3000).doesNotHaveDuplicates();
    assertThat(doc.get(2999)).isEqualTo(tokens.token("w2999"));
  }

  @Test
  void aQueryNeedsEveryWordOnce() {
    assertThat(tokens.query("seal pump seal"))
        .isEqualTo(tokens.token("seal") + " AND " + tokens.token("pump"));
    assertThat(tokens.query(" -- ")).isEmpty();
  }

  @Test
  void asciiAndOtherTextLowerCaseTheSameWay() {
    // ASCII text is lower-cased as it is scanned, other text as a whole first: same tokens.
    assertThat(tokens.document("PUMP Valve")).isEqualTo(tokens.document("pump valve"));
    assertThat(tokens.document("Ölpumpe PUMP")).isEqualTo(tokens.document("ölpumpe pump"));
    assertThat(tokens.document("Ölpumpe PUMP").split(" "))
        .containsExactly(tokens.token("ölpumpe"), tokens.token("pump"));
    assertThat(tokens.query("PUMP Émail"))
        .isEqualTo(tokens.token("pump") + " AND " + tokens.token("émail"));
  }

  @Test
  void aCopyForAnotherThreadGivesTheSameTokens() {
    SearchTokens copy = tokens.copy();
    assertThat(copy.document("Pump seal Ölpumpe")).isEqualTo(tokens.document("Pump seal Ölpumpe"));
  }

  @Test
  void anotherKeyGivesOtherTokens() {
    byte[] other = new byte[32];
    other[0] = 1;
    assertThat(new SearchTokens(other).token("pump")).isNotEqualTo(tokens.token("pump"));
  }
}
