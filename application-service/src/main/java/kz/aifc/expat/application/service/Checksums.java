package kz.aifc.expat.application.service;

/**
 * Kazakhstan IIN / BIN check digit: 12 digits; the 12th is the weighted sum of the first 11 (weights 1..11) mod 11;
 * when that is 10, weights 3..11,1,2 are used instead; when it is 10 again the number is invalid.
 */
public final class Checksums {

    private static final int[] W1 = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    private static final int[] W2 = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};

    private Checksums() {
    }

    public static boolean validIinOrBin(String value) {
        if (value == null || !value.matches("\\d{12}")) {
            return false;
        }
        int check = checkDigit(value.substring(0, 11));
        return check >= 0 && check == value.charAt(11) - '0';
    }

    /** The check digit for 11 leading digits, or -1 when no digit makes a valid number. */
    public static int checkDigit(String first11) {
        int sum = weighted(first11, W1) % 11;
        if (sum == 10) {
            sum = weighted(first11, W2) % 11;
        }
        return sum == 10 ? -1 : sum;
    }

    private static int weighted(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < 11; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return sum;
    }
}
