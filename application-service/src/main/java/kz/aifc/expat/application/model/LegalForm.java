package kz.aifc.expat.application.model;

public enum LegalForm {
    COMPANY, BRANCH, REPRESENTATIVE_OFFICE
}
