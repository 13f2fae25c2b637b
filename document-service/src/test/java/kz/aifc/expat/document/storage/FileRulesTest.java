package kz.aifc.expat.document.storage;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plain unit tests of the content rules: magic bytes, file name sanitising, size counting, EICAR detection. */
class FileRulesTest {

    @Test
    void typesAreRecognisedByMagicBytes() {
        assertEquals(Optional.of(FileType.PDF), FileType.sniff("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 8));
        assertEquals(Optional.of(FileType.PNG), FileType.sniff(new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26,
                10}, 8));
        assertEquals(Optional.of(FileType.JPEG), FileType.sniff(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF,
                0, 0, 0, 0, 0}, 8));
        assertEquals(Optional.empty(), FileType.sniff("%PDF".getBytes(StandardCharsets.US_ASCII), 4));
        assertEquals(Optional.empty(), FileType.sniff("hello wo".getBytes(StandardCharsets.US_ASCII), 8));
        assertEquals(Optional.of(FileType.JPEG), FileType.ofExtension("a.JPG"));
        assertEquals(Optional.empty(), FileType.ofExtension("a.txt"));
        assertEquals(Optional.of(FileType.PDF), FileType.ofMediaType("application/pdf; charset=binary"));
    }

    @Test
    void fileNamesLoseTheirPathsAndOddCharacters() {
        assertEquals("passwd", Filenames.sanitise("../../etc/passwd"));
        assertEquals("boot.ini", Filenames.sanitise("C:\\windows\\..\\boot.ini"));
        assertEquals("document", Filenames.sanitise("../.."));
        assertEquals("document", Filenames.sanitise(null));
        assertEquals("a_b.pdf", Filenames.sanitise("a\u0000\nb.pdf".replace("\n", ":")));
        assertEquals("Паспорт.pdf", Filenames.sanitise("Паспорт.pdf"));
        assertEquals("_____.pdf", Filenames.ascii("Паспорт.pdf").substring(2));
        String longName = "x".repeat(500) + ".pdf";
        assertEquals(Filenames.MAX_LENGTH, Filenames.sanitise(longName).length());
        assertTrue(Filenames.sanitise(longName).endsWith(".pdf"));
    }

    /** #14.8: the kept name always ends in the extension of the detected type. */
    @Test
    void aKeptNameEndsInTheExtensionOfTheDetectedType() {
        assertEquals("report.pdf.html.pdf", Filenames.withExtensionOf(FileType.PDF, "report.pdf.html"));
        assertEquals("x.htm.pdf", Filenames.withExtensionOf(FileType.PDF, "x.htm"));
        assertEquals("invoice.pdf.exe.pdf", Filenames.withExtensionOf(FileType.PDF, "invoice.pdf.exe"));
        assertEquals("scan.jpg", Filenames.withExtensionOf(FileType.JPEG, "scan"));
        assertEquals("photo.JPEG", Filenames.withExtensionOf(FileType.JPEG, "photo.JPEG"));
        assertEquals("passport.pdf", Filenames.withExtensionOf(FileType.PDF, "passport.pdf"));
        assertEquals("shot.png", Filenames.withExtensionOf(FileType.PNG, "shot."));
        String longName = Filenames.sanitise("y".repeat(500) + ".html");
        String kept = Filenames.withExtensionOf(FileType.PDF, longName);
        assertEquals(Filenames.MAX_LENGTH, kept.length());
        assertTrue(kept.endsWith(".pdf"), kept);
    }

    @Test
    void theCountingStreamStopsOneBytePastTheLimit() throws IOException {
        CountingDigestInputStream in = new CountingDigestInputStream(new ByteArrayInputStream(new byte[100]), 10);
        byte[] all = in.readAllBytes();
        assertEquals(11, all.length);
        assertTrue(in.exceeded());
        CountingDigestInputStream exact = new CountingDigestInputStream(new ByteArrayInputStream(new byte[10]), 10);
        exact.readAllBytes();
        assertFalse(exact.exceeded());
        assertEquals(10, exact.count());
        // SHA-256 of ten zero bytes
        assertEquals("01d448afd928065458cf670b60f5a594d735af0172c8d67f22a81680132681ca", exact.sha256());
    }
}
