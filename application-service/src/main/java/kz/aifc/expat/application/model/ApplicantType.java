package kz.aifc.expat.application.model;

public enum ApplicantType {
    PRINCIPAL, FAMILY_MEMBER
}
