package kz.aifc.expat.catalog.service;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money arithmetic of the catalogue: KZT with scale 2. Pure. */
public final class FeeCalculator {

    private FeeCalculator() {
    }

    public static BigDecimal money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** State duty = multiple × MRP, rounded half-up to tiyn: 0.5 × 4,325 = 2,162.50. */
    public static BigDecimal stateDuty(BigDecimal mrpMultiple, BigDecimal mrp) {
        if (mrpMultiple == null || mrp == null) {
            return null;
        }
        return money(mrpMultiple.multiply(mrp));
    }

    public static BigDecimal sum(BigDecimal... parts) {
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal part : parts) {
            if (part != null) {
                total = total.add(part);
            }
        }
        return money(total);
    }
}
