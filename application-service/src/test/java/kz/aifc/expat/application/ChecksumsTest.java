package kz.aifc.expat.application;

import kz.aifc.expat.application.service.Checksums;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChecksumsTest {

    @Test
    void validBinsAndIinsPass() {
        assertTrue(Checksums.validIinOrBin("180340021791")); // Acme BIN
        assertTrue(Checksums.validIinOrBin("190540001230")); // Globex BIN
        assertTrue(Checksums.validIinOrBin("900101300017"));
        assertTrue(Checksums.validIinOrBin("850525400126"));
    }

    @Test
    void wrongCheckDigitOrShapeFails() {
        assertFalse(Checksums.validIinOrBin("180340021792"));
        assertFalse(Checksums.validIinOrBin("900101300011"));
        assertFalse(Checksums.validIinOrBin("90010130001"));
        assertFalse(Checksums.validIinOrBin("90010130001A"));
        assertFalse(Checksums.validIinOrBin(null));
    }

    @Test
    void secondWeightsAreUsedWhenTheFirstSumGivesTen() {
        // find an 11-digit prefix whose first weighted sum is 10 mod 11 and check the second pass decides
        int[] w1 = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        int[] w2 = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};
        for (long n = 90010130000L; n < 90010139999L; n++) {
            String s = Long.toString(n);
            int a = 0;
            int b = 0;
            for (int i = 0; i < 11; i++) {
                a += (s.charAt(i) - '0') * w1[i];
                b += (s.charAt(i) - '0') * w2[i];
            }
            if (a % 11 == 10 && b % 11 != 10) {
                assertTrue(Checksums.validIinOrBin(s + (b % 11)));
                assertFalse(Checksums.validIinOrBin(s + ((b % 11 + 1) % 10)));
                return;
            }
        }
        throw new AssertionError("no prefix found");
    }
}
