package io.tessera.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** File names from senders keep what people recognise and lose what could mislead or escape. */
class FileNamesTests {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', value = {
            "report.pdf | report.pdf",
            "../../etc/passwd | passwd",
            "C:\\Users\\ana\\Desktop\\invoice 2026.xlsx | invoice 2026.xlsx",
            "/var/tmp/ | attachment",
            "folder\\ | attachment",
            "'   spaced name.txt  ' | spaced name.txt",
            ".. | attachment",
            ". | attachment",
            ".htaccess | .htaccess",
            "Überweisung – März.pdf | Überweisung – März.pdf",
            "日本語のファイル.docx | 日本語のファイル.docx",
            "photo 🐱.png | photo 🐱.png",
    })
    void keepsTheLastSegmentOfAPath(String given, String expected) {
        assertThat(FileNames.sanitize(given)).isEqualTo(expected);
    }

    @Test
    void dropsControlAndInvisibleCharacters() {
        assertThat(FileNames.sanitize("bad\u0000name\r\n.txt")).isEqualTo("badname.txt");
        assertThat(FileNames.sanitize("tab\there\u007f\u0085.txt")).isEqualTo("tabhere.txt");
        // U+202E RIGHT-TO-LEFT OVERRIDE would show "invoice_fdp.exe" as "invoice_exe.pdf".
        assertThat(FileNames.sanitize("invoice_\u202Efdp.exe")).isEqualTo("invoice_fdp.exe");
        assertThat(FileNames.sanitize("zero\u200Bwidth\uFEFF.txt")).isEqualTo("zerowidth.txt");
        assertThat(FileNames.sanitize("line\u2028sep.txt")).isEqualTo("linesep.txt");
    }

    @Test
    void emptyOrNothingLeftBecomesAttachment() {
        assertThat(FileNames.sanitize(null)).isEqualTo("attachment");
        assertThat(FileNames.sanitize("")).isEqualTo("attachment");
        assertThat(FileNames.sanitize("   ")).isEqualTo("attachment");
        assertThat(FileNames.sanitize("\u0000\u0001")).isEqualTo("attachment");
    }

    @Test
    void composesDecomposedCharactersAsMacsSendThem() {
        assertThat(FileNames.sanitize("Mu\u0308ller.txt")).isEqualTo("M\u00fcller.txt");
    }

    @Test
    void longNamesAreCutTo255KeepingTheExtension() {
        String name = FileNames.sanitize("a".repeat(300) + ".pdf");

        assertThat(name).hasSize(255).endsWith("a.pdf");
    }

    @Test
    void cuttingNeverSplitsASurrogatePair() {
        String name = FileNames.sanitize("x" + "🐱".repeat(200) + ".png");

        assertThat(name.length()).isLessThanOrEqualTo(255);
        assertThat(name).endsWith("🐱.png");
        assertThat(name.codePoints().noneMatch(c -> Character.getType(c) == Character.SURROGATE)).isTrue();
    }

    @Test
    void aVeryLongExtensionIsNotKeptWhole() {
        String name = FileNames.sanitize("a." + "b".repeat(400));

        assertThat(name).hasSize(255).startsWith("a.bbb");
    }

    @Test
    void theUrlFormAvoidsWhatTheFirewallRefuses() {
        assertThat(FileNames.forUrl("100% done; really?.txt")).isEqualTo("100_ done_ really_.txt");
        assertThat(FileNames.forUrl(".hidden")).isEqualTo("_hidden");
        assertThat(FileNames.forUrl("a#b.txt")).isEqualTo("a_b.txt");
    }
}
