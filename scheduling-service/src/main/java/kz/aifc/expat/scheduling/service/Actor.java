package kz.aifc.expat.scheduling.service;

/** Who acts: a staff member (sees every company) or a company-side user/system scoped to its company BIN. */
public record Actor(String name, boolean staff, String companyBin) {

    public static final Actor SYSTEM = new Actor("system", true, null);

    public boolean canSee(String ownerBin) {
        return staff || (companyBin != null && companyBin.equals(ownerBin));
    }
}
