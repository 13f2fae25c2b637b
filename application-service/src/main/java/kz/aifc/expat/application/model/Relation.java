package kz.aifc.expat.application.model;

public enum Relation {
    SPOUSE, CHILD
}
