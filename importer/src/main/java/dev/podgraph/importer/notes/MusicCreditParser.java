package dev.podgraph.importer.notes;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The credit line "The intro and outro music is from &lt;work&gt; &lt;artist&gt; /
 * &lt;license&gt;". In the published notes work and artist were two links whose text runs together,
 * so they are split only where the split is unambiguous: at " by ", or else at the one capitalised
 * " The " that starts a band name ("Requiem for a Fish The Freak Fandango Orchestra"). Otherwise
 * both stay null and only the whole text is kept.
 */
final class MusicCreditParser {
  private static final Pattern LINE =
      Pattern.compile(
          "^\\s*The intro and outro music is from\\s+(.+?)\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern THE = Pattern.compile(" The ");

  private MusicCreditParser() {}

  static boolean isCredit(String line) {
    return LINE.matcher(line).matches();
  }

  static Optional<MusicCredit> parse(String line) {
    Matcher m = LINE.matcher(line);
    if (!m.matches()) {
      return Optional.empty();
    }
    String text = m.group(1);
    String credit = text;
    String license = null;
    int slash = text.lastIndexOf(" / ");
    if (slash > 0) {
      credit = text.substring(0, slash).strip();
      license = text.substring(slash + 3).strip();
    }
    String work = null;
    String artist = null;
    int by = credit.indexOf(" by ");
    if (by > 0) {
      work = credit.substring(0, by).strip();
      artist = credit.substring(by + 4).strip();
    } else {
      Matcher the = THE.matcher(credit);
      if (the.find()) {
        int at = the.start();
        if (!the.find()) {
          work = credit.substring(0, at).strip();
          artist = credit.substring(at + 1).strip();
        }
      }
    }
    return Optional.of(new MusicCredit(text, work, artist, license));
  }
}
