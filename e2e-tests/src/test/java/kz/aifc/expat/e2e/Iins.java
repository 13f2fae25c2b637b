package kz.aifc.expat.e2e;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Valid Kazakh IINs for test persons: YYMMDD, century/sex digit, four serial digits, and the check digit of the
 * published algorithm (weights 1..11 mod 11; if 10, weights 3..11,1,2; if 10 again the number is not issued).
 * Written here from the published rule, independently of application-service's own checksum code.
 */
final class Iins {

    private static final int[] FIRST = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    private static final int[] SECOND = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};

    private Iins() {
    }

    static String random() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        while (true) {
            String body = String.format("86%02d%02d3%04d", r.nextInt(1, 13), r.nextInt(1, 29), r.nextInt(10_000));
            int check = weighted(body, FIRST);
            if (check == 10) {
                check = weighted(body, SECOND);
            }
            if (check < 10) {
                return body + check;
            }
        }
    }

    private static int weighted(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < 11; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return sum % 11;
    }
}
